import { getTranslations, setRequestLocale } from "next-intl/server";
import { titleFrom } from "@/lib/i18n/metadata";
import { Link } from "@/lib/i18n/navigation";
import { cookies } from "next/headers";
import { STOP_DONE, stopping } from "@/lib/notify/stop";
import { stopAction } from "./actions";

export const dynamic = "force-dynamic";
export const generateMetadata = titleFrom("Stop");

type Props = { params: Promise<{ locale: string }>; searchParams: Promise<{ t?: string; done?: string }> };

/** The link in every mail and SMS: stop these messages, without signing in. A button does it, not the link itself. */
export default async function StopPage({ params, searchParams }: Props) {
  const { locale } = await params;
  setRequestLocale(locale);
  const [t, { t: token, done: after }, jar] = await Promise.all([getTranslations("Stop"), searchParams, cookies()]);
  // what was done comes from this browser's own cookie, set by the button: never from the address
  const done = after ? jar.get(STOP_DONE)?.value : undefined;
  const what = after ? null : stopping(token);
  return (
    <div className="max-w-2xl space-y-6">
      <h1>{t("title")}</h1>
      {done === "EMAIL" || done === "SMS" || done === "PUSH" || done === "ALL" ? (
        <div role="status" className="space-y-2 border-s-4 border-success bg-success-light p-4" data-testid="stop-done">
          <p className="font-semibold">{t(`done.${done}`)}</p>
          <p>{t("again")}</p>
          <p>
            <Link href="/me/notifications">{t("settings")}</Link>
          </p>
        </div>
      ) : what ? (
        <form action={stopAction} className="space-y-4">
          <input type="hidden" name="t" value={token} />
          <p>{t(`ask.${what}`)}</p>
          <button type="submit" className="min-h-11 bg-primary px-5 py-2 font-semibold text-white hover:bg-primary-dark">
            {t(`button.${what}`)}
          </button>
        </form>
      ) : (
        <p role="alert" data-testid="stop-failed">
          {t("broken")}
        </p>
      )}
    </div>
  );
}

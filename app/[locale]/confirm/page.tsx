import { getTranslations, setRequestLocale } from "next-intl/server";
import { titleFrom } from "@/lib/i18n/metadata";
import { Link } from "@/lib/i18n/navigation";
import { confirmAction } from "../stop/actions";
import { cookies } from "next/headers";
import { CONFIRM_DONE } from "@/lib/notify/stop";

export const dynamic = "force-dynamic";
export const generateMetadata = titleFrom("ConfirmAddress");

type Props = { params: Promise<{ locale: string }>; searchParams: Promise<{ t?: string; done?: string }> };

/** The link sent to a new address or number: a button says yes to using it (the link alone does nothing). */
export default async function ConfirmPage({ params, searchParams }: Props) {
  const { locale } = await params;
  setRequestLocale(locale);
  const [t, { t: token, done: after }, jar] = await Promise.all([getTranslations("ConfirmAddress"), searchParams, cookies()]);
  // what was done comes from this browser's own cookie, set by the button: never from the address
  const done = after ? jar.get(CONFIRM_DONE)?.value : undefined;
  return (
    <div className="max-w-2xl space-y-6">
      <h1>{t("title")}</h1>
      {done === "EMAIL" || done === "SMS" ? (
        <div role="status" className="space-y-2 border-s-4 border-success bg-success-light p-4" data-testid="confirm-done">
          <p className="font-semibold">{t(`done.${done}`)}</p>
          <p>
            <Link href="/me/notifications">{t("settings")}</Link>
          </p>
        </div>
      ) : after || !token ? (
        <p role="alert" data-testid="confirm-failed">
          {t("broken")}
        </p>
      ) : (
        <form action={confirmAction} className="space-y-4">
          <input type="hidden" name="t" value={token} />
          <p>{t("ask")}</p>
          <button type="submit" className="min-h-11 bg-primary px-5 py-2 font-semibold text-white hover:bg-primary-dark">
            {t("button")}
          </button>
        </form>
      )}
    </div>
  );
}

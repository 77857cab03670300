import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { getActor } from "@/lib/auth/actor";
import { lookupInvitation } from "@/lib/relatives/invitations";
import { INVITE_COOKIE } from "@/lib/relatives/cookie";
import { clientKey } from "@/lib/security/client";
import { titleFrom } from "@/lib/i18n/metadata";
import { Link } from "@/lib/i18n/navigation";
import { acceptInvitation } from "./actions";

export const dynamic = "force-dynamic";
export const generateMetadata = titleFrom("Invite");

/**
 * Where an invite link lands (without the token in the address). A link that
 * does not work says so in one friendly way, whatever the reason.
 */
export default async function InvitePage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const [t, actor, jar, h] = await Promise.all([getTranslations("Invite"), getActor(), cookies(), headers()]);
  const token = jar.get(INVITE_COOKIE)?.value;
  const lookup = token ? await lookupInvitation(token, clientKey(h)) : ({ state: "invalid" } as const);
  // a link that does not work is forgotten at once (a page cannot delete a cookie; a route can)
  if (token && lookup.state === "invalid") redirect(`/${locale}/invite/forget`);

  if (lookup.state !== "valid") {
    return (
      <div className="max-w-2xl space-y-4">
        <h1>{lookup.state === "throttled" ? t("waitTitle") : t("invalidTitle")}</h1>
        <p className="text-lg">{lookup.state === "throttled" ? t("waitText") : t("invalidText")}</p>
        <p>
          <Link href="/">{t("home")}</Link>
        </p>
      </div>
    );
  }
  return (
    <div className="max-w-2xl space-y-6">
      <h1>{t("title", { name: lookup.citizenFirstName })}</h1>
      <p className="text-lg">{t("text", { name: lookup.citizenFirstName })}</p>
      <p>{t("fine")}</p>
      {actor.kind === "user" ? (
        <form action={acceptInvitation}>
          <button type="submit" className="min-h-11 bg-primary px-5 py-2 font-semibold text-white hover:bg-primary-dark">
            {t("accept", { name: lookup.citizenFirstName })}
          </button>
        </form>
      ) : (
        <>
          <p>{t("signInFirst")}</p>
          <p>
            <Link
              href="/sign-in"
              className="inline-flex min-h-11 items-center bg-primary px-5 py-2 font-semibold text-white no-underline hover:bg-primary-dark"
            >
              {t("signIn")}
            </Link>
          </p>
        </>
      )}
    </div>
  );
}

import { redirect } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { getAccount } from "@/lib/auth/actor";
import { staffSignInConfigured } from "@/lib/auth/server";
import { mitidWay } from "@/lib/mitid/config";
import { demoMode } from "@/lib/env-public";
import { PERSONAS } from "@/lib/demo/personas";
import { EmailSignInForm } from "@/components/auth/EmailSignInForm";
import { PasskeySignInButton } from "@/components/auth/PasskeyButtons";
import { cookies } from "next/headers";
import { sharedComputerCookie, SHARED_IDLE_MINUTES } from "@/lib/auth/shared-computer";
import { chooseComputer, requestSignInLink, signInAsPersona, signInAsStaff } from "./actions";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ locale: string }>; searchParams: Promise<{ error?: string | string[]; via?: string }> };

/** Why a MitID sign-in was refused (lib/mitid/sign-in.ts), in plain words. */
const MITID_ERRORS: Record<string, string> = {
  level: "errorMitidLevel",
  "no-cpr": "errorMitidNoCpr",
  "no-subject": "errorMitidInvalid",
  invalid: "errorMitidInvalid",
  cancelled: "errorMitidCancelled",
  unavailable: "errorMitidUnavailable",
  busy: "errorMitidBusy",
};

/** better-auth appends an error code to the page it returns to; say it in plain words. */
function errorMessageKey(error: string | undefined, via: string | undefined) {
  if (!error) return null;
  if (error === "choice") return "errorChoice";
  // the provider knew the person, but their address belongs to an account made another way: never joined by email
  if (via === "staff" && error === "account_not_linked") return "errorStaffNotLinked";
  if (via === "staff") return "errorStaff";
  if (via === "mitid") return MITID_ERRORS[error] ?? "errorMitidInvalid";
  if (["INVALID_TOKEN", "EXPIRED_TOKEN", "ATTEMPTS_EXCEEDED"].includes(error)) return "errorLink";
  return "errorOther";
}

export async function generateMetadata({ params }: Pick<Props, "params">) {
  const t = await getTranslations({ locale: (await params).locale, namespace: "SignIn" });
  return { title: t("title") };
}

export default async function SignInPage({ params, searchParams }: Props) {
  const { locale } = await params;
  setRequestLocale(locale);
  if (await getAccount()) redirect(`/${locale}/me`);
  const t = await getTranslations("SignIn");
  const { error, via } = await searchParams;
  const errorKey = errorMessageKey(Array.isArray(error) ? error.at(-1) : error, via);
  const shared = (await cookies()).get(sharedComputerCookie())?.value === "1";

  return (
    <div className="max-w-2xl space-y-8">
      <h1>{t("title")}</h1>
      {errorKey && (
        <div role="alert" className="border-s-4 border-error bg-error-light p-4">
          {t(errorKey)}
        </div>
      )}

      {/* asked before any way in, and kept in this browser, so it holds for all of them */}
      <section aria-labelledby="shared-title" className="space-y-3 border-s-4 border-info bg-info-light p-4">
        <h2 id="shared-title" className="text-lg">
          {t("sharedTitle")}
        </h2>
        <p data-testid="shared-state">
          {shared ? t("sharedChosen", { minutes: SHARED_IDLE_MINUTES }) : t("sharedIntro", { minutes: SHARED_IDLE_MINUTES })}
        </p>
        <form action={chooseComputer}>
          <input type="hidden" name="shared" value={shared ? "no" : "yes"} />
          <button type="submit" className="min-h-11 border-2 border-gray-600 bg-white px-4 py-2 text-start font-semibold hover:bg-gray-100">
            {shared ? t("sharedUndo") : t("sharedYes")}
          </button>
        </form>
      </section>

      {mitidWay() && (
        <section aria-labelledby="mitid-title" className="space-y-3">
          <h2 id="mitid-title">{t("mitidTitle")}</h2>
          <p>{t("mitidIntro")}</p>
          {/* a plain link: it works without JavaScript, and the route starts the sign-in */}
          <a
            href={`/api/mitid/start?locale=${locale}`}
            className="inline-flex min-h-11 items-center bg-primary px-5 py-2 font-semibold text-white no-underline hover:bg-primary-dark"
          >
            {t("mitidButton")}
          </a>
        </section>
      )}

      <section aria-labelledby="email-title" className="space-y-3">
        <h2 id="email-title">{t("emailTitle")}</h2>
        <p>{t("emailIntro")}</p>
        <EmailSignInForm action={requestSignInLink} />
      </section>

      <section aria-labelledby="passkey-title" className="space-y-3">
        <h2 id="passkey-title">{t("passkeyTitle")}</h2>
        <p>{t("passkeyIntro")}</p>
        <PasskeySignInButton next={`/${locale}/me`} labels={{ action: t("passkeyButton"), failed: t("passkeyFailed") }} />
      </section>

      {staffSignInConfigured() && (
        <section aria-labelledby="staff-title" className="space-y-3 border-t border-gray-300 pt-6">
          <h2 id="staff-title">{t("staffTitle")}</h2>
          <p>{t("staffIntro")}</p>
          <form action={signInAsStaff}>
            <button type="submit" className="min-h-11 border-2 border-gray-600 bg-white px-5 py-2 font-semibold hover:bg-gray-100">
              {t("staffButton")}
            </button>
          </form>
        </section>
      )}

      {demoMode && (
        <section aria-labelledby="demo-title" data-testid="persona-picker" className="space-y-3 border-4 border-dashed border-warning p-4">
          <h2 id="demo-title">{t("demoTitle")}</h2>
          <p>{t("demoIntro")}</p>
          <ul className="space-y-2">
            {PERSONAS.map((p) => (
              <li key={p.key}>
                <form action={signInAsPersona}>
                  <input type="hidden" name="persona" value={p.key} />
                  <button
                    type="submit"
                    className="min-h-11 w-full border-2 border-gray-600 bg-white px-4 py-2 text-start hover:bg-gray-100"
                  >
                    <span className="font-semibold">{p.name}</span> – {t(`persona.${p.key}`)}
                  </button>
                </form>
              </li>
            ))}
          </ul>
          <p>
            <a href={`/${locale}/demo/outbox`}>{t("demoOutbox")}</a>
          </p>
        </section>
      )}
    </div>
  );
}

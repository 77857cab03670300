import { redirect } from "next/navigation";
import { cookies } from "next/headers";
import { sharedWithMe } from "@/lib/relatives/queries";
import { INVITE_COOKIE } from "@/lib/relatives/cookie";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { getAccount } from "@/lib/auth/actor";
import { AddPasskeyButton } from "@/components/auth/PasskeyButtons";
import { SignOutButton } from "@/components/auth/SignOutButton";
import { Link } from "@/lib/i18n/navigation";
import { signOut, signOutEverywhere } from "../sign-in/actions";

export const dynamic = "force-dynamic";

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }) {
  const t = await getTranslations({ locale: (await params).locale, namespace: "Me" });
  return { title: t("title") };
}

export default async function MePage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const account = await getAccount();
  if (!account) redirect(`/${locale}/sign-in`);
  const [t, tAreas, shared, jar] = await Promise.all([
    getTranslations("Me"),
    getTranslations("ServiceAreas"),
    sharedWithMe(account.id),
    cookies(),
  ]);
  const inviteWaiting = jar.has(INVITE_COOKIE);

  return (
    <div className="max-w-2xl space-y-8">
      <div>
        <h1>{t("title")}</h1>
        <p className="mt-2 text-lg">
          {t("signedInAs")} <span data-testid="who">{account.name}</span> ({account.email ?? t("viaMitid")})
        </p>
      </div>

      {inviteWaiting && (
        <section aria-labelledby="invite-waiting" className="border-l-4 border-info bg-info-light p-4">
          <h2 id="invite-waiting">{t("inviteWaitingTitle")}</h2>
          <p className="mt-2">
            <Link href="/invite" className="font-semibold">
              {t("inviteWaitingLink")}
            </Link>
          </p>
        </section>
      )}

      {shared.length > 0 && (
        <section aria-labelledby="shared-title">
          <h2 id="shared-title">{t("sharedTitle")}</h2>
          <ul className="mt-3 space-y-2" data-testid="shared-with-me">
            {shared.map((s) => (
              <li key={s.citizenId}>
                <Link href={`/relative/${s.citizenId}`} className="inline-flex min-h-11 items-center font-semibold">
                  {t("sharedPlan", { name: s.name })}
                </Link>
              </li>
            ))}
          </ul>
        </section>
      )}

      <section aria-labelledby="roles-title">
        <h2 id="roles-title">{t("rolesTitle")}</h2>
        <ul className="mt-3 list-disc space-y-1 pl-5" data-testid="roles">
          {account.isCitizen && (
            <li>
              {t("roleCitizen")} <Link href="/plan">{t("toPlan")}</Link>
            </li>
          )}
          {account.relativeOf > 0 && <li>{t("roleRelative", { count: account.relativeOf })}</li>}
          {account.staffAreas.length > 0 && (
            <li>
              {t("roleStaff", {
                areas: account.staffAreas
                  .map((a) => (tAreas.has(a.key) ? tAreas(a.key) : locale === "da" ? a.nameDa : a.nameEn))
                  .join(", "),
              })}{" "}
              <Link href="/staff">{t("toStaff")}</Link>
            </li>
          )}
          {account.staffSignInNeeded && (
            <li>
              {t("roleStaffSignIn")} <Link href="/sign-in">{t("toStaffSignIn")}</Link>
            </li>
          )}
          {!account.isCitizen && account.relativeOf === 0 && account.staffAreas.length === 0 && !account.staffSignInNeeded && (
            <li>{t("roleNone")}</li>
          )}
        </ul>
      </section>

      <section aria-labelledby="passkey-title" className="space-y-3">
        <h2 id="passkey-title">{t("passkeyTitle")}</h2>
        <p data-testid="passkeys">{t("passkeyCount", { count: account.passkeys })}</p>
        <AddPasskeyButton labels={{ action: t("passkeyAdd"), done: t("passkeyAdded"), failed: t("passkeyFailed") }} />
      </section>

      <section aria-labelledby="signout-title" className="space-y-3">
        <h2 id="signout-title">{t("signOutTitle")}</h2>
        <div className="flex flex-wrap gap-3">
          <SignOutButton
            action={signOut}
            label={t("signOut")}
            className="min-h-11 bg-primary px-5 py-2 font-semibold text-white hover:bg-primary-dark"
          />
          <SignOutButton
            action={signOutEverywhere}
            label={t("signOutEverywhere")}
            className="min-h-11 border-2 border-gray-600 bg-white px-5 py-2 font-semibold hover:bg-gray-100"
          />
        </div>
      </section>
    </div>
  );
}

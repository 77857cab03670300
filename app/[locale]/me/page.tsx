import { redirect } from "next/navigation";
import { cookies } from "next/headers";
import { sharedWithMe } from "@/lib/relatives/queries";
import { powersIHold } from "@/lib/attorney/queries";
import { INVITE_COOKIE } from "@/lib/relatives/cookie";
import { getFormatter, getTranslations, setRequestLocale } from "next-intl/server";
import { getAccount, getReading, onSharedComputer } from "@/lib/auth/actor";
import { AddPasskeyButton } from "@/components/auth/PasskeyButtons";
import { SignOutButton } from "@/components/auth/SignOutButton";
import { Link } from "@/lib/i18n/navigation";
import { signOut, signOutEverywhere } from "../sign-in/actions";
import { removePasskey, saveTextSizeAction, startMyPlan } from "./actions";
import { TextSizeForm, textSizeNotice } from "@/components/reading/TextSizeForm";
import { myPasskeys } from "@/lib/auth/passkeys";
import { mayStartOwnPlan } from "@/lib/mitid/enrol";
import { NewsForYou } from "@/components/notify/NewsForYou";
import { markAllReadAction, markReadAction } from "../news/actions";

export const dynamic = "force-dynamic";

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }) {
  const t = await getTranslations({ locale: (await params).locale, namespace: "Me" });
  return { title: t("title") };
}

type Props = { params: Promise<{ locale: string }>; searchParams: Promise<{ passkey?: string; plan?: string; size?: string }> };

export default async function MePage({ params, searchParams }: Props) {
  const { locale } = await params;
  const { passkey, plan, size } = await searchParams;
  const passkeyStatus = passkey === "removed" || passkey === "failed" ? passkey : null;
  const planUnavailable = plan === "unavailable";
  setRequestLocale(locale);
  const account = await getAccount();
  if (!account) redirect(`/${locale}/sign-in`);
  const [t, tAreas, shared, held, jar, passkeys, canStartPlan, format, sharedComputer, reading] = await Promise.all([
    getTranslations("Me"),
    getTranslations("ServiceAreas"),
    sharedWithMe(account.id),
    powersIHold(account.id),
    cookies(),
    myPasskeys(),
    mayStartOwnPlan(account.id),
    getFormatter(),
    onSharedComputer(),
    getReading(),
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

      <NewsForYou userId={account.id} markRead={markReadAction} markAllRead={markAllReadAction} short back="/me" />

      {inviteWaiting && (
        <section aria-labelledby="invite-waiting" className="border-s-4 border-info bg-info-light p-4">
          <h2 id="invite-waiting">{t("inviteWaitingTitle")}</h2>
          <p className="mt-2">
            <Link href="/invite" className="font-semibold">
              {t("inviteWaitingLink")}
            </Link>
          </p>
        </section>
      )}

      {held.length > 0 && (
        <section aria-labelledby="acting-title">
          <h2 id="acting-title">{t("actingTitle")}</h2>
          <ul className="mt-3 space-y-2" data-testid="acting-for-list">
            {held.map((h) => (
              <li key={h.citizenId}>
                <Link href={`/relative/${h.citizenId}`} className="inline-flex min-h-11 items-center font-semibold">
                  {t("actingFor", { name: h.name })}
                </Link>
              </li>
            ))}
          </ul>
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
        <ul className="mt-3 list-disc space-y-1 ps-5" data-testid="roles">
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
                  .map((a) => (tAreas.has(a.key) ? tAreas(a.key) : locale === "en" ? a.nameEn : a.nameDa))
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
        {canStartPlan && (
          <form action={startMyPlan} className="mt-3 space-y-2">
            <p>{t("startPlanIntro")}</p>
            {planUnavailable && <p role="alert">{t("startPlanUnavailable")}</p>}
            <button type="submit" className="min-h-11 bg-primary px-5 py-2 font-semibold text-white hover:bg-primary-dark">
              {t("startPlan")}
            </button>
          </form>
        )}
      </section>

      <section aria-labelledby="passkey-title" className="space-y-3">
        <h2 id="passkey-title">{t("passkeyTitle")}</h2>
        {passkeyStatus && (
          <p
            role="status"
            className={`border-s-4 p-3 font-semibold ${passkeyStatus === "removed" ? "border-success bg-success-light" : "border-error bg-error-light"}`}
          >
            {t(passkeyStatus === "removed" ? "passkeyRemoved" : "passkeyRemoveFailed")}
          </p>
        )}
        <p data-testid="passkeys">{t("passkeyCount", { count: account.passkeys })}</p>
        {passkeys.length > 0 && (
          <ul className="space-y-2" aria-label={t("passkeyListLabel")}>
            {passkeys.map((p) => {
              const made = p.createdAt ? format.dateTime(new Date(p.createdAt), { dateStyle: "long" }) : null;
              const label = made ? t("passkeyMade", { date: made }) : t("passkeyUnknownDate");
              return (
                <li key={p.id} className="flex flex-wrap items-center gap-3 border border-gray-300 p-3">
                  <span className="grow">
                    {p.name ? `${p.name}: ` : ""}
                    {label}
                    {p.synced ? ` ${t("passkeySynced")}` : ""}
                  </span>
                  <form action={removePasskey}>
                    <input type="hidden" name="id" value={p.id} />
                    <button
                      type="submit"
                      aria-label={t("passkeyRemoveLabel", { what: label })}
                      className="min-h-11 border-2 border-gray-600 bg-white px-4 py-1 font-semibold hover:bg-gray-100"
                    >
                      {t("passkeyRemove")}
                    </button>
                  </form>
                </li>
              );
            })}
          </ul>
        )}
        {/* a passkey made here would stay on a computer other people use: it would let them in */}
        {sharedComputer ? (
          <p data-testid="no-passkey-here">{t("passkeyNotShared")}</p>
        ) : (
          <AddPasskeyButton labels={{ action: t("passkeyAdd"), done: t("passkeyAdded"), failed: t("passkeyFailed") }} />
        )}
      </section>

      <TextSizeForm current={reading.textSize} back="me" notice={textSizeNotice(size)} action={saveTextSizeAction} />

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

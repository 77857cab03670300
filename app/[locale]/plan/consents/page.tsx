import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { requireSignedIn } from "@/lib/auth/citizen";
import { readConsents } from "@/lib/consents/requests";
import { getAreaName, getDayFormat } from "@/lib/i18n/format";
import { readNotice } from "@/lib/i18n/notice";
import { titleFrom } from "@/lib/i18n/metadata";
import { lastDanishDay, todayInDenmark } from "@/lib/validation/fields";
import { NoPlan } from "@/components/plan/NoPlan";
import { PageIntro } from "@/components/plan/PageIntro";
import { Notice } from "@/components/forms/Notice";
import { OneClickForm } from "@/components/forms/OneClickForm";
import { ConsentRequestCard } from "@/components/consents/ConsentRequestCard";
import { answerConsentAction, withdrawConsentAction } from "./actions";

export const dynamic = "force-dynamic";
export const generateMetadata = titleFrom("Consents");

/** Who in the municipality may see my plan: requests to answer, and what I have said yes to (and can take back). */
export default async function ConsentsPage({
  params,
  searchParams,
}: {
  params: Promise<{ locale: string }>;
  searchParams: Promise<Record<string, string | string[]>>;
}) {
  const { locale } = await params;
  setRequestLocale(locale);
  const { actor, citizenId } = await requireSignedIn(locale);
  if (!citizenId) return <NoPlan />;
  const notice = await readNotice(searchParams, ["approved", "declined", "withdrawn", "invalid", "failed"] as const);
  const [t, tParts, area, day, result] = await Promise.all([
    getTranslations("Consents"),
    getTranslations("AccessLog.parts"),
    getAreaName(),
    getDayFormat(),
    readConsents(actor, citizenId),
  ]);
  if (!result.ok) notFound();
  const { requests, consents } = result.value;

  return (
    <div className="max-w-3xl space-y-8">
      <PageIntro back={t("back")} title={t("title")} intro={t("intro")} />
      <p>{t("tellAnyCaseworker")}</p>
      {notice && <Notice kind={notice === "invalid" || notice === "failed" ? "warning" : "success"} text={t(`notice.${notice}`)} />}

      {requests.length > 0 && (
        <section aria-labelledby="requests-title" className="space-y-4">
          <h2 id="requests-title">{t("requestsTitle")}</h2>
          {requests.map((r) => (
            <ConsentRequestCard key={r.id} request={r} action={answerConsentAction} />
          ))}
        </section>
      )}

      <section aria-labelledby="consents-title" className="space-y-3">
        <h2 id="consents-title">{t("consentsTitle")}</h2>
        {consents.length === 0 ? (
          <p className="text-gray-600">{t("consentsEmpty")}</p>
        ) : (
          <ul className="space-y-3">
            {consents.map((c) => (
              <li key={c.id} className="space-y-2 border border-gray-300 p-4" data-testid="consent">
                <h3 className="text-lg">{area(c.areaKey)}</h3>
                <p>{t("mayRead", { parts: c.parts.map((p) => tParts(p)).join(", ") })}</p>
                <p className="text-sm text-gray-600">
                  {c.validUntil ? t("until", { date: day(lastDanishDay(new Date(c.validUntil))!) }) : t("untilWithdrawn")}
                </p>
                <p className="text-sm" data-testid="consent-given">
                  {c.givenByHolder
                    ? t("givenByHolder", { name: c.givenByHolder, date: day(todayInDenmark(new Date(c.validFrom))) })
                    : c.givenHow === "APP"
                      ? t("givenInApp", { date: day(todayInDenmark(new Date(c.validFrom))) })
                      : t(c.givenHow === "PAPER" ? "givenOnPaper" : "givenInConversation", {
                          name: c.recordedBy ?? t("aCaseworker"),
                          date: day(todayInDenmark(new Date(c.validFrom))),
                        })}
                </p>
                <OneClickForm
                  action={withdrawConsentAction}
                  fields={{ consentId: c.id }}
                  label={t("withdraw")}
                  ariaLabel={t("withdrawFor", { area: area(c.areaKey) })}
                  look="danger"
                />
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}

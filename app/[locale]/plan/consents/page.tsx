import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { requireSignedIn } from "@/lib/auth/citizen";
import { readConsents } from "@/lib/consents/requests";
import { CONSENT_DURATIONS } from "@/lib/consents/schema";
import { getAreaName, getDayFormat } from "@/lib/i18n/format";
import { readNotice } from "@/lib/i18n/notice";
import { titleFrom } from "@/lib/i18n/metadata";
import { lastDanishDay, todayInDenmark } from "@/lib/validation/fields";
import { NoPlan } from "@/components/plan/NoPlan";
import { PageIntro } from "@/components/plan/PageIntro";
import { Notice } from "@/components/forms/Notice";
import { OneClickForm } from "@/components/forms/OneClickForm";
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
            <form key={r.id} action={answerConsentAction} className="space-y-4 border-2 border-primary p-4" data-testid="consent-request">
              <input type="hidden" name="requestId" value={r.id} />
              <h3>{t("asks", { name: r.staffName, area: area(r.areaKey) })}</h3>
              <p>
                <span className="font-semibold">{t("why")}</span> <span className="whitespace-pre-wrap">{r.reason}</span>
              </p>
              <fieldset className="space-y-1">
                <legend className="font-semibold">{t("partsLegend")}</legend>
                <p className="text-gray-600">{t("partsHint")}</p>
                {r.parts.map((p) => (
                  <label key={p} className="flex min-h-11 items-center gap-3">
                    <input type="checkbox" name="parts" value={p} defaultChecked className="size-6 shrink-0" />
                    {tParts(p)}
                  </label>
                ))}
              </fieldset>
              <fieldset className="space-y-1">
                <legend className="font-semibold">{t("durationLegend")}</legend>
                {CONSENT_DURATIONS.map((d) => (
                  <label key={d} className="flex min-h-11 items-center gap-3">
                    <input type="radio" name="duration" value={d} defaultChecked={d === "6m"} className="size-6 shrink-0" />
                    {t(`duration.${d}`)}
                  </label>
                ))}
              </fieldset>
              <div className="flex flex-wrap gap-3">
                <button
                  type="submit"
                  name="answer"
                  value="APPROVE"
                  className="min-h-11 bg-primary px-5 py-2 font-semibold text-white hover:bg-primary-dark"
                >
                  {t("approve")}
                </button>
                <button
                  type="submit"
                  name="answer"
                  value="DECLINE"
                  className="min-h-11 border-2 border-gray-600 bg-white px-4 py-2 font-semibold hover:bg-gray-100"
                >
                  {t("decline")}
                </button>
              </div>
              <p className="text-sm">{t("fine")}</p>
            </form>
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
                  {c.givenHow === "APP"
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

import { getTranslations } from "next-intl/server";
import type { ConsentRequestDto } from "@/lib/consents/requests";
import { CONSENT_DURATIONS } from "@/lib/consents/schema";
import { getAreaName } from "@/lib/i18n/format";
import { Glossed } from "@/components/plain/Glossed";

/**
 * One request from an area to see parts of the plan, answered yes (the parts, perhaps fewer, and how long) or
 * no: by the citizen, or by someone acting for them under a power of attorney. A plain form. The caseworker's reason
 * explains its professional words (Glossed).
 */
export async function ConsentRequestCard({
  request: r,
  action,
}: {
  request: ConsentRequestDto;
  action: (formData: FormData) => Promise<void>;
}) {
  const [t, tParts, area] = await Promise.all([getTranslations("Consents"), getTranslations("AccessLog.parts"), getAreaName()]);
  return (
    <form action={action} className="space-y-4 border-2 border-primary p-4" data-testid="consent-request">
      <input type="hidden" name="requestId" value={r.id} />
      <h3>{t("asks", { name: r.staffName, area: area(r.areaKey) })}</h3>
      <p>
        <span className="font-semibold">{t("why")}</span>{" "}
        <span className="whitespace-pre-wrap">
          <Glossed text={r.reason} />
        </span>
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
  );
}

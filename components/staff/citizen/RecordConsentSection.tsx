import type { ComponentProps } from "react";
import { getTranslations } from "next-intl/server";
import { CONSENTABLE_PARTS } from "@/lib/access/policy";
import { getAreaName } from "@/lib/i18n/format";
import type { PowerDto } from "@/lib/attorney/dto";
import { OneClickForm } from "@/components/forms/OneClickForm";
import { RecordConsentForm, RecordPowerForm, RecordWithdrawalForm } from "@/components/staff/RecordConsentForms";

/**
 * The assisted route: a consent the citizen gave in a conversation or on paper, and a withdrawal they told
 * the caseworker, recorded here with how and by whom. The citizen is told, and sees it with how it was given.
 */
export async function RecordConsentSection({
  myAreas,
  allAreas,
  record,
  withdraw,
  power,
  powers,
  endPower,
}: {
  myAreas: { id: string; key: string }[];
  allAreas: { id: string; key: string }[];
  record: ComponentProps<typeof RecordConsentForm>["action"];
  withdraw: ComponentProps<typeof RecordWithdrawalForm>["action"];
  power: ComponentProps<typeof RecordPowerForm>["action"];
  /** The powers of attorney in force, to write down one that has ended. */
  powers: PowerDto[];
  endPower: (formData: FormData) => Promise<void>;
}) {
  const [t, tParts, area] = await Promise.all([getTranslations("RecordConsent"), getTranslations("StaffCitizen.parts"), getAreaName()]);
  return (
    <section aria-labelledby="record-consent" className="no-print space-y-4 border-t border-gray-300 pt-6" data-testid="record-consent">
      <h2 id="record-consent">{t("title")}</h2>
      <p>{t("intro")}</p>
      <details className="border border-gray-300 p-3">
        <summary className="min-h-11 cursor-pointer py-2 font-semibold">{t("recordTitle")}</summary>
        <div className="mt-3">
          <RecordConsentForm
            areas={myAreas.map((a) => ({ id: a.id, name: area(a.key) }))}
            partNames={Object.fromEntries(CONSENTABLE_PARTS.map((p) => [p, tParts(p)]))}
            action={record}
          />
        </div>
      </details>
      <details className="border border-gray-300 p-3">
        <summary className="min-h-11 cursor-pointer py-2 font-semibold">{t("withdrawTitle")}</summary>
        <div className="mt-3 space-y-3">
          <p>{t("withdrawIntro")}</p>
          <RecordWithdrawalForm areas={allAreas.map((a) => ({ id: a.id, name: area(a.key) }))} action={withdraw} />
        </div>
      </details>
      <details className="border border-gray-300 p-3">
        <summary className="min-h-11 cursor-pointer py-2 font-semibold">{t("powerTitle")}</summary>
        <div className="mt-3 space-y-3">
          <p>{t("powerIntro")}</p>
          {powers.length > 0 && (
            <ul className="space-y-2" data-testid="powers-in-force">
              {powers.map((p) => (
                <li key={p.id} className="flex flex-wrap items-center justify-between gap-3 border border-gray-300 p-3">
                  <p>
                    <span className="font-semibold">{p.holderName || t("powerSomeone")}</span> · {t(`powerKind.${p.source}`)}
                  </p>
                  {(p.source === "PAPER" || p.source === "GUARDIANSHIP") && (
                    <OneClickForm
                      action={endPower}
                      fields={{ powerId: p.id }}
                      label={t("powerEnded")}
                      ariaLabel={t("powerEndedFor", { name: p.holderName || t("powerSomeone") })}
                    />
                  )}
                </li>
              ))}
            </ul>
          )}
          <RecordPowerForm action={power} />
        </div>
      </details>
    </section>
  );
}

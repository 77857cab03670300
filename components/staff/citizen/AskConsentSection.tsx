import type { ComponentProps } from "react";
import { getTranslations } from "next-intl/server";
import { CONSENTABLE_PARTS } from "@/lib/access/policy";
import { getAreaName } from "@/lib/i18n/format";
import { AskConsentForm } from "@/components/staff/StaffForms";

/**
 * No consent in force: the area sees nothing of the plan. Says so (or that the
 * area has asked and waits), and, until it has asked, asks for the parts it needs.
 */
export async function AskConsentSection({
  citizenId,
  name,
  asked,
  areas,
  ask,
}: {
  citizenId: string;
  name: string;
  /** The area has asked and waits for the citizen's answer. */
  asked: boolean;
  /** The caseworker's own areas, to ask on behalf of. */
  areas: { id: string; key: string }[];
  ask: ComponentProps<typeof AskConsentForm>["action"];
}) {
  const [t, tParts, area] = await Promise.all([getTranslations("StaffCitizen"), getTranslations("StaffCitizen.parts"), getAreaName()]);
  return (
    <>
      <p className="border-s-4 border-info bg-info-light p-4" data-testid="no-access">
        {asked ? t("waiting", { name }) : t("noAccess", { name })}
      </p>
      {!asked && (
        <section aria-labelledby="ask-title" className="space-y-3">
          <h2 id="ask-title">{t("askTitle")}</h2>
          <p>{t("askIntro")}</p>
          <AskConsentForm
            citizenId={citizenId}
            areas={areas.map((a) => ({ id: a.id, name: area(a.key) }))}
            partNames={Object.fromEntries(CONSENTABLE_PARTS.map((p) => [p, tParts(p)]))}
            action={ask}
          />
        </section>
      )}
    </>
  );
}

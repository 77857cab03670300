import type { ComponentProps } from "react";
import { getTranslations } from "next-intl/server";
import type { AgreementDto, WhoChoices } from "@/lib/agreements/dto";
import { getAreaName } from "@/lib/i18n/format";
import { AgreementList } from "@/components/agreements/AgreementList";
import { AgreementForm } from "@/components/agreements/AgreementForm";

/** Every area's open agreements (each marked done or not done here), and writing down a new one in plain language. */
export async function AgreementsSection({
  citizenId,
  citizenName,
  agreements,
  mark,
  add,
}: {
  citizenId: string;
  /** Shown where the citizen is the one who does it. */
  citizenName: string;
  agreements: { open: AgreementDto[]; choices: WhoChoices };
  mark: NonNullable<ComponentProps<typeof AgreementList>["mark"]>;
  add: ComponentProps<typeof AgreementForm>["action"];
}) {
  const [t, area] = await Promise.all([getTranslations("StaffCitizen"), getAreaName()]);
  return (
    <section aria-labelledby="staff-agreements" className="space-y-3">
      <h2 id="staff-agreements">{t("agreements")}</h2>
      {agreements.open.length === 0 ? (
        <p className="text-gray-600">{t("agreementsEmpty")}</p>
      ) : (
        <AgreementList agreements={agreements.open} mark={mark} />
      )}
      <div className="no-print space-y-3 border-t border-gray-300 pt-4">
        <h3>{t("addAgreement")}</h3>
        <AgreementForm
          choices={agreements.choices}
          areaNames={Object.fromEntries(agreements.choices.areas.map((a) => [a.key, area(a.key)]))}
          action={add}
          meLabel={citizenName}
          draftScope={`staff:${citizenId}`}
          plainLanguage
        />
      </div>
    </section>
  );
}

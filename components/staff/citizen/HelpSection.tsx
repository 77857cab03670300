import type { ComponentProps } from "react";
import { getTranslations } from "next-intl/server";
import type { PlanDto } from "@/lib/plan/dto";
import { HelpList } from "@/components/plan/AreaLists";
import { HelpForm } from "@/components/staff/StaffForms";

/** Every area's help in the plan, and writing in the reader's area's own. */
export async function HelpSection({
  citizenId,
  help,
  addHelp,
}: {
  citizenId: string;
  help: NonNullable<PlanDto["help"]>;
  addHelp: ComponentProps<typeof HelpForm>["action"];
}) {
  const t = await getTranslations("StaffCitizen");
  return (
    <section aria-labelledby="staff-help" className="space-y-3">
      <h2 id="staff-help">{t("help")}</h2>
      {help.length === 0 ? <p className="text-gray-600">{t("helpEmpty")}</p> : <HelpList help={help} testId="help" />}
      <div className="no-print space-y-3 border-t border-gray-300 pt-4">
        <h3>{t("addHelp")}</h3>
        <HelpForm citizenId={citizenId} action={addHelp} />
      </div>
    </section>
  );
}

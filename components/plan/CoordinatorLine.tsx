import { getTranslations } from "next-intl/server";
import { showPhone } from "@/lib/staff/profile-schema";
import type { PlanDto } from "@/lib/plan/dto";
import { getAreaName } from "@/lib/i18n/format";

/**
 * The coordinator's direct line, as they wrote it on their staff profile: a
 * phone number to tap and when they answer it. Nothing when they gave none
 * (the page then offers "contact me", which always reaches them).
 */
export async function CoordinatorLine({ name, line }: { name: string; line: { phone: string; hours: string } }) {
  if (!line.phone) return null;
  const t = await getTranslations("Coordinator");
  return (
    <p className="mt-2" data-testid="coordinator-line">
      {t("phone", { name })}{" "}
      <a href={`tel:${line.phone}`} className="font-semibold whitespace-nowrap">
        {showPhone(line.phone)}
      </a>
      {line.hours && <> · {t("hours", { hours: line.hours })}</>}
    </p>
  );
}

/**
 * Who holds the red thread, in one sentence, and their direct line while they hold it: the same words on
 * my plan and on the help page.
 */
export async function CoordinatorSummary({ coordinator, testId }: { coordinator: PlanDto["coordinator"]; testId: string }) {
  const [t, area] = await Promise.all([getTranslations("Plan"), getAreaName()]);
  return (
    <>
      <p className="mt-2" data-testid={testId}>
        {coordinator
          ? coordinator.inForce && coordinator.areaKey
            ? t("threadHolder", { name: coordinator.name, area: area(coordinator.areaKey) })
            : t("threadLapsed", { name: coordinator.name })
          : t("threadNobody")}
      </p>
      {coordinator?.inForce && coordinator.line && <CoordinatorLine name={coordinator.name} line={coordinator.line} />}
    </>
  );
}

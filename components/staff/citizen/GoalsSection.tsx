import type { ComponentProps } from "react";
import { getTranslations } from "next-intl/server";
import type { GoalSummaryDto } from "@/lib/plan/dto";
import { ProposeStepForm } from "@/components/staff/PlanForms";

/** The citizen's goals with their steps, the steps an area suggested that wait for the citizen's answer, and suggesting one more. */
export async function GoalsSection({
  goals,
  proposeStep,
}: {
  goals: GoalSummaryDto[];
  proposeStep: ComponentProps<typeof ProposeStepForm>["action"];
}) {
  const t = await getTranslations("StaffCitizen");
  return (
    <section aria-labelledby="staff-goals">
      <h2 id="staff-goals">{t("goals")}</h2>
      {goals.length === 0 ? (
        <p className="mt-2 text-gray-600">{t("goalsEmpty")}</p>
      ) : (
        <ul className="mt-3 space-y-4">
          {goals.map((g) => (
            <li key={g.id} className="space-y-2 border border-gray-300 p-3">
              <p className="font-semibold">{g.title}</p>
              {g.steps.length > 0 && (
                <ul className="list-disc ps-5 text-sm">
                  {g.steps.map((s, i) => (
                    <li key={i}>{s.done ? t("stepDone", { text: s.text }) : s.text}</li>
                  ))}
                </ul>
              )}
              {g.proposed.length > 0 && (
                <ul className="list-disc ps-5 text-sm" aria-label={t("proposedWaiting")}>
                  {g.proposed.map((text, i) => (
                    <li key={i}>{t("proposedStep", { text })}</li>
                  ))}
                </ul>
              )}
              <div className="no-print">
                <ProposeStepForm goalId={g.id} goalTitle={g.title} action={proposeStep} />
              </div>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

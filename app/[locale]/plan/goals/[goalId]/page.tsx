import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { requireSignedIn } from "@/lib/auth/citizen";
import { readNotice } from "@/lib/i18n/notice";
import { readGoals } from "@/lib/goals/queries";
import { getAreaName } from "@/lib/i18n/format";
import { Link } from "@/lib/i18n/navigation";
import { NoPlan } from "@/components/plan/NoPlan";
import { Notice } from "@/components/forms/Notice";
import { OneClickForm } from "@/components/forms/OneClickForm";
import { GoalSummary } from "@/components/goals/GoalSummary";
import { GoalForm } from "@/components/goals/GoalForm";
import { StepForm } from "@/components/goals/StepForm";
import { CloseGoalForm } from "@/components/goals/CloseGoalForm";
import { Glossed } from "@/components/plain/Glossed";
import { addStepAction, answerProposalAction, closeGoalAction, markStepAction, updateGoalAction } from "../actions";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ locale: string; goalId: string }>; searchParams: Promise<Record<string, string | string[]>> };

export async function generateMetadata({ params }: Pick<Props, "params">) {
  const t = await getTranslations({ locale: (await params).locale, namespace: "Goal" });
  return { title: t("title") };
}

/** One goal: what it is about, its steps, changing it, and ending it (reached or let go). */
export default async function GoalPage({ params, searchParams }: Props) {
  const { locale, goalId } = await params;
  setRequestLocale(locale);
  const { actor, citizenId } = await requireSignedIn(locale);
  if (!citizenId) return <NoPlan />;
  const notice = await readNotice(searchParams, [
    "created",
    "step",
    "reached",
    "letGo",
    "proposalAccepted",
    "proposalDeclined",
    "conflict",
    "failed",
  ] as const);
  const [t, area, goals] = await Promise.all([getTranslations("Goal"), getAreaName(), readGoals(actor, citizenId, { goalId })]);
  if (!goals.ok) notFound();
  const goal = goals.value.active[0] ?? goals.value.closed[0];
  if (!goal) notFound();
  const { choices } = goals.value;
  const active = goal.status === "ACTIVE";

  return (
    <div className="max-w-3xl space-y-8">
      <p className="no-print">
        <Link href="/plan/goals">{t("back")}</Link>
      </p>
      {notice && <Notice kind={notice === "conflict" || notice === "failed" ? "warning" : "success"} text={t(`notice.${notice}`)} />}
      <div>
        <p className="text-gray-600">{active ? t("activeLabel") : goal.status === "REACHED" ? t("reachedLabel") : t("letGoLabel")}</p>
        <h1>{goal.title}</h1>
      </div>
      <GoalSummary goal={goal} />

      <section aria-labelledby="steps-title" className="space-y-3">
        <h2 id="steps-title">{t("stepsTitle")}</h2>
        {goal.steps.length === 0 && <p className="text-gray-600">{t("stepsEmpty")}</p>}
        <ul className="space-y-2">
          {goal.steps.map((s) => (
            <li key={s.id} className="flex flex-wrap items-center justify-between gap-3 border border-gray-300 p-3">
              <p className={s.done ? "text-gray-600" : ""}>
                <span className="font-semibold">{s.done ? t("stepDone") : t("stepOpen")}</span> {s.text}
              </p>
              {active && (
                <OneClickForm
                  action={markStepAction}
                  fields={{ goalId: goal.id, stepId: s.id, version: s.version, done: s.done ? "false" : "true" }}
                  label={s.done ? t("markNotDone") : t("markDone")}
                  ariaLabel={`${s.done ? t("markNotDone") : t("markDone")}: ${s.text}`}
                />
              )}
            </li>
          ))}
        </ul>
        {active && <StepForm goalId={goal.id} action={addStepAction} />}
      </section>

      {goal.proposals.length > 0 && (
        <section aria-labelledby="proposals-title" className="space-y-3 border-s-4 border-info bg-info-light p-4" data-testid="proposals">
          <h2 id="proposals-title">{t("proposalsTitle")}</h2>
          <p>{t("proposalsIntro")}</p>
          <ul className="space-y-3">
            {goal.proposals.map((s) => (
              <li key={s.id} className="space-y-2 border border-gray-300 bg-white p-3">
                <p>
                  <span className="font-semibold whitespace-pre-wrap">
                    <Glossed text={s.text} />
                  </span>
                  {s.areaKey && <span className="text-gray-600"> · {t("proposedBy", { area: area(s.areaKey) })}</span>}
                </p>
                <div className="flex flex-wrap gap-3">
                  <OneClickForm
                    action={answerProposalAction}
                    fields={{ goalId: goal.id, stepId: s.id, answer: "ACCEPT" }}
                    label={t("acceptStep")}
                    ariaLabel={`${t("acceptStep")}: ${s.text}`}
                    look="primary"
                  />
                  <OneClickForm
                    action={answerProposalAction}
                    fields={{ goalId: goal.id, stepId: s.id, answer: "DECLINE" }}
                    label={t("declineStep")}
                    ariaLabel={`${t("declineStep")}: ${s.text}`}
                  />
                </div>
              </li>
            ))}
          </ul>
        </section>
      )}

      {active && (
        <>
          <section aria-labelledby="end-title" className="no-print space-y-3 border-t border-gray-300 pt-6">
            <h2 id="end-title">{t("endTitle")}</h2>
            <p>{t("endIntro")}</p>
            <CloseGoalForm goalId={goal.id} version={goal.version} action={closeGoalAction} />
          </section>
          <section aria-labelledby="edit-title" className="no-print space-y-3 border-t border-gray-300 pt-6">
            <h2 id="edit-title">{t("editTitle")}</h2>
            <GoalForm
              goal={goal}
              choices={choices}
              areaNames={Object.fromEntries(choices.areas.map((a) => [a.key, area(a.key)]))}
              action={updateGoalAction}
            />
          </section>
        </>
      )}
    </div>
  );
}

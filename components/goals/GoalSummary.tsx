import { getTranslations } from "next-intl/server";
import type { GoalDto } from "@/lib/goals/dto";
import { getAreaName, getDayFormat } from "@/lib/i18n/format";

/** What a goal is about, in the citizen's words: the wish, how they will know, who helps, when we look again. */
export async function GoalSummary({ goal }: { goal: GoalDto }) {
  const [t, day, area] = await Promise.all([getTranslations("Goals"), getDayFormat(), getAreaName()]);
  const helpers = goal.helpers.map((h) => (h.kind === "SERVICE_AREA" ? area(h.areaKey ?? "") : (h.name ?? ""))).filter(Boolean);
  const done = goal.steps.filter((s) => s.done).length;
  return (
    <dl className="space-y-2">
      {goal.wish && (
        <div>
          <dt className="font-semibold">{t("wish")}</dt>
          <dd className="whitespace-pre-wrap">{goal.wish}</dd>
        </div>
      )}
      {goal.reachedWhen && (
        <div>
          <dt className="font-semibold">{t("reachedWhen")}</dt>
          <dd className="whitespace-pre-wrap">{goal.reachedWhen}</dd>
        </div>
      )}
      {helpers.length > 0 && (
        <div>
          <dt className="font-semibold">{t("helpers")}</dt>
          <dd>{helpers.join(", ")}</dd>
        </div>
      )}
      {goal.steps.length > 0 && (
        <div>
          <dt className="font-semibold">{t("steps")}</dt>
          <dd>{t("stepsDone", { done, total: goal.steps.length })}</dd>
        </div>
      )}
      {goal.reviewOn && goal.status === "ACTIVE" && (
        <div>
          <dt className="font-semibold">{t("reviewOn")}</dt>
          <dd>{day(goal.reviewOn)}</dd>
        </div>
      )}
      {goal.status !== "ACTIVE" && (
        <div>
          <dt className="font-semibold">{goal.status === "REACHED" ? t("reachedOn") : t("letGoOn")}</dt>
          <dd>
            {goal.closedOn ? day(goal.closedOn) : ""}
            {goal.closingNote && <span className="mt-1 block whitespace-pre-wrap italic">“{goal.closingNote}”</span>}
          </dd>
        </div>
      )}
    </dl>
  );
}

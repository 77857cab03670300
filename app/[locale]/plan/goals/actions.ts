"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getLocale } from "next-intl/server";
import { citizenFromSession } from "@/lib/auth/citizen";
import { addGoalStep, answerProposedStep, closeGoal, createGoal, setGoalStepDone, updateGoal } from "@/lib/goals/commands";
import { formValues, toFormState, type FormState } from "@/lib/forms/form-state";
import { isId } from "@/lib/validation/fields";

const GOAL_FIELDS = ["wish", "title", "reachedWhen", "reviewOn", "helpers"] as const;

/** From a wish to a goal; then on to the goal's own page, where steps are added. */
export async function createGoalAction(_: FormState, formData: FormData): Promise<FormState> {
  const values = formValues(formData, GOAL_FIELDS);
  const me = await citizenFromSession();
  if (!me) return { status: "failed", values };
  const result = await createGoal(me.actor, { citizenId: me.citizenId, ...values });
  if (!result.ok) return toFormState(result, values);
  const locale = await getLocale();
  revalidatePath(`/${locale}/plan`, "layout");
  redirect(`/${locale}/plan/goals/${result.value.goalId}?notice=created`);
}

export async function updateGoalAction(_: FormState, formData: FormData): Promise<FormState> {
  const values = formValues(formData, GOAL_FIELDS);
  const me = await citizenFromSession();
  if (!me) return { status: "failed", values };
  const result = await updateGoal(me.actor, {
    citizenId: me.citizenId,
    ...values,
    goalId: formData.get("goalId"),
    version: formData.get("version"),
  });
  if (result.ok) revalidatePath(`/${await getLocale()}/plan`, "layout");
  return toFormState(result, values, (v) => v.version);
}

export async function addStepAction(_: FormState, formData: FormData): Promise<FormState> {
  const values = formValues(formData, ["text"]);
  const me = await citizenFromSession();
  if (!me) return { status: "failed", values };
  const result = await addGoalStep(me.actor, { citizenId: me.citizenId, goalId: formData.get("goalId"), ...values });
  if (result.ok) revalidatePath(`/${await getLocale()}/plan`, "layout");
  return toFormState(result, values);
}

/** Ticks a step off or on: a plain form, so it works without JavaScript. */
export async function markStepAction(formData: FormData): Promise<void> {
  const locale = await getLocale();
  const goalId = String(formData.get("goalId") ?? "");
  const me = await citizenFromSession();
  const result = me
    ? await setGoalStepDone(me.actor, {
        citizenId: me.citizenId,
        stepId: formData.get("stepId"),
        done: formData.get("done"),
        version: formData.get("version"),
      })
    : null;
  revalidatePath(`/${locale}/plan`, "layout");
  const notice = result?.ok ? "step" : result?.error === "conflict" ? "conflict" : "failed";
  redirect(`/${locale}/plan/goals/${encodeURIComponent(goalId)}?notice=${notice}`);
}

/** Yes or no to a step a caseworker proposed: a plain form, so it works without JavaScript. */
export async function answerProposalAction(formData: FormData): Promise<void> {
  const locale = await getLocale();
  // only for the way back: an id, or no goal page at all
  const goalId = isId(formData.get("goalId")) ? String(formData.get("goalId")) : null;
  const me = await citizenFromSession();
  const answer = formData.get("answer");
  const result = me ? await answerProposedStep(me.actor, { citizenId: me.citizenId, stepId: formData.get("stepId"), answer }) : null;
  revalidatePath(`/${locale}/plan`, "layout");
  const notice = result?.ok ? (answer === "ACCEPT" ? "proposalAccepted" : "proposalDeclined") : "failed";
  redirect(goalId ? `/${locale}/plan/goals/${goalId}?notice=${notice}` : `/${locale}/plan/goals`);
}

/** Reached (celebrated) or let go: the goal moves to the history with the citizen's words. */
export async function closeGoalAction(_: FormState, formData: FormData): Promise<FormState> {
  const values = formValues(formData, ["closingNote"]);
  const me = await citizenFromSession();
  if (!me) return { status: "failed", values };
  const goalId = String(formData.get("goalId") ?? "");
  const outcome = formData.get("outcome");
  const result = await closeGoal(me.actor, { citizenId: me.citizenId, goalId, version: formData.get("version"), outcome, ...values });
  if (!result.ok) return toFormState(result, values);
  const locale = await getLocale();
  revalidatePath(`/${locale}/plan`, "layout");
  redirect(`/${locale}/plan/goals/${encodeURIComponent(goalId)}?notice=${outcome === "REACHED" ? "reached" : "letGo"}`);
}

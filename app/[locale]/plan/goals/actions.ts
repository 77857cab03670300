"use server";

import { addGoalStep, answerProposedStep, closeGoal, createGoal, setGoalStepDone, updateGoal } from "@/lib/goals/commands";
import { buttonAction, formAction } from "@/lib/forms/form-action";
import { isId } from "@/lib/validation/fields";

const GOAL_FIELDS = ["wish", "title", "reachedWhen", "reviewOn", "helpers"] as const;
const PLAN = [{ layout: "/plan" }];
const goalPage = (formData: FormData) => `/plan/goals/${encodeURIComponent(String(formData.get("goalId") ?? ""))}`;

/** From a wish to a goal; then on to the goal's own page, where steps are added. */
export const createGoalAction = formAction({
  command: createGoal,
  fields: GOAL_FIELDS,
  revalidate: PLAN,
  redirectTo: (value) => `/plan/goals/${value.goalId}?notice=created`,
});

export const updateGoalAction = formAction({
  command: updateGoal,
  fields: GOAL_FIELDS,
  input: (formData) => ({ goalId: formData.get("goalId"), version: formData.get("version") }),
  revalidate: PLAN,
  onSaved: (value) => ({ status: "saved", version: value.version }),
});

export const addStepAction = formAction({
  command: addGoalStep,
  fields: ["text"],
  input: (formData) => ({ goalId: formData.get("goalId") }),
  revalidate: PLAN,
});

/** Ticks a step off or on: a plain form, so it works without JavaScript. */
export const markStepAction = buttonAction({
  command: setGoalStepDone,
  input: (formData) => ({ stepId: formData.get("stepId"), done: formData.get("done"), version: formData.get("version") }),
  revalidate: PLAN,
  ok: "step",
  back: (notice, { formData }) => `${goalPage(formData)}?notice=${notice}`,
});

/** Yes or no to a step a caseworker proposed: a plain form, so it works without JavaScript. */
export const answerProposalAction = buttonAction({
  command: answerProposedStep,
  input: (formData) => ({ stepId: formData.get("stepId"), answer: formData.get("answer") }),
  revalidate: PLAN,
  ok: (formData) => (formData.get("answer") === "ACCEPT" ? "proposalAccepted" : "proposalDeclined"),
  refused: [],
  // the goal only for the way back: an id, or no goal page at all
  back: (notice, { formData }) =>
    isId(formData.get("goalId")) ? `/plan/goals/${String(formData.get("goalId"))}?notice=${notice}` : "/plan/goals",
});

/** Reached (celebrated) or let go: the goal moves to the history with the citizen's words. */
export const closeGoalAction = formAction({
  command: closeGoal,
  fields: ["closingNote"],
  input: (formData) => ({
    goalId: String(formData.get("goalId") ?? ""),
    version: formData.get("version"),
    outcome: formData.get("outcome"),
  }),
  revalidate: PLAN,
  redirectTo: (_, { formData }) => `${goalPage(formData)}?notice=${formData.get("outcome") === "REACHED" ? "reached" : "letGo"}`,
});

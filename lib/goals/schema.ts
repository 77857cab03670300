import { z } from "zod";
import { id, listOf, optionalDate, version, words } from "@/lib/validation/fields";

// Safe for the browser. Errors are message keys.
export const GOAL_TITLE_MAX = 200;
export const GOAL_TEXT_MAX = 600;
export const STEP_TEXT_MAX = 200;
export const CLOSING_NOTE_MAX = 1000;

/** A helper with a goal, as a checkbox says it: "NETWORK_MEMBER:<id>" or "SERVICE_AREA:<id>". */
const helper = z.string().transform((s, ctx) => {
  const [kind, ref] = s.split(":");
  if ((kind === "NETWORK_MEMBER" || kind === "SERVICE_AREA") && id.safeParse(ref).success)
    return { kind, id: ref! } as { kind: "NETWORK_MEMBER" | "SERVICE_AREA"; id: string };
  ctx.addIssue({ code: "custom", message: "Validation.chooseOne" });
  return z.NEVER;
});
const helpers = listOf(helper, { max: 50 });

const goalFields = {
  citizenId: id,
  /** Where it starts: a wish or a dream, in the citizen's words. */
  wish: words(GOAL_TEXT_MAX),
  title: words(GOAL_TITLE_MAX, { required: true }),
  /** "How will I know it is reached?" */
  reachedWhen: words(GOAL_TEXT_MAX),
  reviewOn: optionalDate,
  helpers,
};

export const createGoalSchema = z.object(goalFields);
export const updateGoalSchema = z.object({ ...goalFields, goalId: id, version });

export const addStepSchema = z.object({ citizenId: id, goalId: id, text: words(STEP_TEXT_MAX, { required: true }) });

/** A caseworker proposes a step; the citizen says yes or no. */
export const proposeStepSchema = addStepSchema;
export const answerProposalSchema = z.object({
  citizenId: id,
  stepId: id,
  answer: z.enum(["ACCEPT", "DECLINE"], { error: "Validation.chooseOne" }),
});

export const setStepDoneSchema = z.object({
  citizenId: id,
  stepId: id,
  done: z.enum(["true", "false"], { error: "Validation.invalid" }).transform((v) => v === "true"),
  version,
});

export const GOAL_OUTCOMES = ["REACHED", "LET_GO"] as const;
export const closeGoalSchema = z.object({
  citizenId: id,
  goalId: id,
  version,
  outcome: z.enum(GOAL_OUTCOMES, { error: "Validation.chooseOne" }),
  /** How it went (reached) or why it was let go, in the citizen's own words. */
  closingNote: words(CLOSING_NOTE_MAX),
});

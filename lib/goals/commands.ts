import "server-only";
import { pathFor } from "@/lib/notify/kinds";
import { citizenUser } from "@/lib/notify/recipients";
import { InvalidInput, StaleWrite } from "@/lib/record/gate";
import { command } from "@/lib/record/command";
import type { Tx } from "@/lib/record/tx";
import { toDbDate } from "@/lib/validation/fields";
import {
  addStepSchema,
  answerProposalSchema,
  closeGoalSchema,
  createGoalSchema,
  proposeStepSchema,
  setStepDoneSchema,
  updateGoalSchema,
} from "./schema";

// A goal is the citizen's own: only the citizen creates, changes and closes it
// (staff propose steps, which the citizen accepts or declines): see the goal.*
// operations in lib/access/operations.ts.

type Helper = { kind: "NETWORK_MEMBER" | "SERVICE_AREA"; id: string };

/** The helpers as supporter rows, after checking each is in this citizen's network or municipality. */
async function supporterRows(tx: Tx, citizenId: string, goalId: string, helpers: Helper[]) {
  const memberIds = [...new Set(helpers.filter((h) => h.kind === "NETWORK_MEMBER").map((h) => h.id))];
  const areaIds = [...new Set(helpers.filter((h) => h.kind === "SERVICE_AREA").map((h) => h.id))];
  const members = memberIds.length ? await tx.networkMember.count({ where: { id: { in: memberIds }, citizenId, removedAt: null } }) : 0;
  const areas = areaIds.length
    ? await tx.serviceArea.count({ where: { id: { in: areaIds }, municipality: { citizens: { some: { id: citizenId } } } } })
    : 0;
  if (members !== memberIds.length || areas !== areaIds.length) throw new InvalidInput({ helpers: ["Validation.chooseOne"] });
  return [
    ...memberIds.map((networkMemberId) => ({ citizenId, goalId, networkMemberId })),
    ...areaIds.map((serviceAreaId) => ({ citizenId, goalId, serviceAreaId })),
  ];
}

/** From a wish to a goal: what, how I will know, who helps, when we look at it again. */
export const createGoal = command(
  "goal.create",
  createGoalSchema,
  async ({ tx, changed }, { citizenId, helpers, reviewOn, ...fields }): Promise<{ goalId: string }> => {
    const goal = await tx.goal.create({ data: { citizenId, ...fields, reviewOn: toDbDate(reviewOn) } });
    const rows = await supporterRows(tx, citizenId, goal.id, helpers);
    if (rows.length) await tx.goalSupporter.createMany({ data: rows });
    changed({ entity: "Goal", entityId: goal.id, before: null, after: { ...fields, reviewOn, helpers } });
    return { goalId: goal.id };
  },
);

/** Changes an active goal's words, helpers or review date. A stale version is refused with the current copy. */
export const updateGoal = command(
  "goal.edit",
  updateGoalSchema,
  async ({ tx, changed }, { citizenId, goalId, version, helpers, reviewOn, ...fields }): Promise<{ version: number }> => {
    const before = await tx.goal.findFirst({
      where: { id: goalId, citizenId, status: "ACTIVE" },
      select: { title: true, wish: true, reachedWhen: true, version: true },
    });
    if (!before) throw new InvalidInput({ goalId: ["Validation.invalid"] });
    const { count } = await tx.goal.updateMany({
      where: { id: goalId, citizenId, version },
      data: { ...fields, reviewOn: toDbDate(reviewOn), version: { increment: 1 }, writtenWithId: null, writtenWithAt: null },
    });
    if (count === 0) throw new StaleWrite(before);
    const rows = await supporterRows(tx, citizenId, goalId, helpers);
    await tx.goalSupporter.deleteMany({ where: { citizenId, goalId } });
    if (rows.length) await tx.goalSupporter.createMany({ data: rows });
    changed({ entity: "Goal", entityId: goalId, before, after: { ...fields, reviewOn, helpers } });
    return { version: version + 1 };
  },
);

/** A step on the way, at the end of the list. */
export const addGoalStep = command(
  "goal.add-step",
  addStepSchema,
  async ({ tx, changed }, { citizenId, goalId, text }): Promise<{ stepId: string }> => {
    const goal = await tx.goal.findFirst({ where: { id: goalId, citizenId, status: "ACTIVE" }, select: { id: true } });
    if (!goal) throw new InvalidInput({ goalId: ["Validation.invalid"] });
    const last = await tx.goalStep.aggregate({ where: { citizenId, goalId }, _max: { position: true } });
    const step = await tx.goalStep.create({ data: { citizenId, goalId, text, position: (last._max.position ?? 0) + 1 } });
    changed({ entity: "GoalStep", entityId: step.id, before: null, after: { goalId, text } });
    return { stepId: step.id };
  },
);

/**
 * A caseworker proposes a step towards the citizen's goal. It waits, marked
 * with the area, until the citizen says yes (it becomes one of their steps) or
 * no (it stays in the history, never shown as theirs).
 */
export const proposeGoalStep = command(
  "goal.propose-step",
  proposeStepSchema,
  async ({ tx, changed, serviceAreaId, tell }, { citizenId, goalId, text }): Promise<{ stepId: string }> => {
    const goal = await tx.goal.findFirst({ where: { id: goalId, citizenId, status: "ACTIVE" }, select: { id: true } });
    if (!goal) throw new InvalidInput({ goalId: ["Validation.invalid"] });
    const last = await tx.goalStep.aggregate({ where: { citizenId, goalId }, _max: { position: true } });
    const step = await tx.goalStep.create({
      data: { citizenId, goalId, text, proposal: "PROPOSED", proposedByArea: serviceAreaId, position: (last._max.position ?? 0) + 1 },
    });
    changed({ entity: "GoalStep", entityId: step.id, before: null, after: { goalId, text, proposal: "PROPOSED" } });
    tell({
      to: [await citizenUser(tx, citizenId)],
      kind: "step-proposed",
      path: pathFor("step-proposed", { citizenId, goalId }),
      subjectId: step.id,
    });
    return { stepId: step.id };
  },
);

/** The citizen answers a proposed step: yes makes it theirs, no puts it aside. Answered once. */
export const answerProposedStep = command(
  "goal.answer-proposed-step",
  answerProposalSchema,
  async ({ tx, changed }, { citizenId, stepId, answer }): Promise<null> => {
    const proposal = answer === "ACCEPT" ? "ACCEPTED" : "DECLINED";
    const { count } = await tx.goalStep.updateMany({
      where: { id: stepId, citizenId, proposal: "PROPOSED", goal: { status: "ACTIVE" } },
      data: { proposal, version: { increment: 1 } },
    });
    if (count === 0) throw new InvalidInput({ stepId: ["Validation.invalid"] });
    changed({ entity: "GoalStep", entityId: stepId, before: { proposal: "PROPOSED" }, after: { proposal } });
    return null;
  },
);

/** Ticks a step off, or back on. */
export const setGoalStepDone = command(
  "goal.mark-step",
  setStepDoneSchema,
  async ({ tx, changed }, { citizenId, stepId, done, version }): Promise<{ version: number }> => {
    const before = await tx.goalStep.findFirst({
      where: { id: stepId, citizenId, proposal: "ACCEPTED" },
      select: { done: true, version: true },
    });
    if (!before) throw new InvalidInput({ stepId: ["Validation.invalid"] });
    const { count } = await tx.goalStep.updateMany({
      where: { id: stepId, citizenId, version },
      data: { done, version: { increment: 1 } },
    });
    if (count === 0) throw new StaleWrite(before);
    changed({ entity: "GoalStep", entityId: stepId, before: { done: before.done }, after: { done } });
    return { version: version + 1 };
  },
);

/** A goal ends: reached (with the citizen's own words on how it went) or let go (with why). It stays in the history. */
export const closeGoal = command(
  ({ outcome }) => (outcome === "REACHED" ? "goal.reach" : "goal.let-go"),
  closeGoalSchema,
  async ({ tx, changed, now }, { citizenId, goalId, version, outcome, closingNote }): Promise<{ version: number }> => {
    const before = await tx.goal.findFirst({ where: { id: goalId, citizenId }, select: { status: true, version: true } });
    if (!before) throw new InvalidInput({ goalId: ["Validation.invalid"] });
    const { count } = await tx.goal.updateMany({
      where: { id: goalId, citizenId, version, status: "ACTIVE" },
      data: { status: outcome, closingNote, closedAt: now, version: { increment: 1 } },
    });
    if (count === 0) throw new StaleWrite(before);
    changed({ entity: "Goal", entityId: goalId, before: { status: before.status }, after: { status: outcome, closingNote } });
    return { version: version + 1 };
  },
);

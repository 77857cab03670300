import "server-only";
import type { Prisma } from "@/lib/db/generated/client";
import { command, staffOf } from "@/lib/record/command";
import { InvalidInput, NotFound, StaleWrite, type GateContext } from "@/lib/record/gate";
import type { OneOperationName } from "@/lib/access/operations";
import { pathFor } from "@/lib/notify/kinds";
import { citizenUser } from "@/lib/notify/recipients";
import { answerWrittenWithSchema, recordYesSchema, writeWithSchema, type WrittenWithTarget } from "./schema";

/**
 * Written *with* the citizen (issue 14, decision 025): a caseworker writes a part of the story, a goal or the
 * contact wishes during a visit or a call. It changes nothing until the citizen says yes — on their phone, or
 * to a caseworker, who records it. A yes applies it, marked as written with that caseworker; the citizen can
 * undo it while they have not changed it since, and what it replaced comes back. The citizen's own words are
 * never overwritten without them: a yes told to a caseworker is refused when the citizen changed the text since
 * it was written.
 */
const OPS: Record<WrittenWithTarget, { write: OneOperationName; recordYes: OneOperationName; answer: OneOperationName }> = {
  STORY: { write: "story.write-with", recordYes: "story.record-yes", answer: "story.answer-written-with" },
  GOAL: { write: "goal.write-with", recordYes: "goal.record-yes", answer: "goal.answer-written-with" },
  CONTACT: { write: "contact.write-with", recordYes: "contact.record-yes", answer: "contact.answer-written-with" },
};

type Row = Prisma.WrittenWithGetPayload<object>;
type StoryContent = { text: string };
type GoalContent = { title: string; whyItMatters: string };
type ContactContent = {
  channel: "PHONE" | "SMS" | "EMAIL" | "LETTER" | "VISIT";
  times: string;
  visit: "NO_PREFERENCE" | "RING_DOORBELL" | "CALL_BEFORE";
  language: string;
  interpreter: "NONE" | "SPOKEN_LANGUAGE" | "SIGN_LANGUAGE";
  someonePresent: string;
};
const CONTACT_FIELDS = ["channel", "times", "visit", "language", "interpreter", "someonePresent"] as const;
/** What a text replaced, kept wrapped so that "nothing was there" is a value too. */
const kept = (v: unknown) => ({ value: v }) as Prisma.InputJsonValue;
const keptValue = <T>(row: Row) => ((row.previous ?? { value: null }) as { value: T | null }).value;

/** The version of what a text would replace now (0: nothing there): for a goal, always 0 (a new goal replaces nothing). */
async function currentVersion(ctx: GateContext, target: WrittenWithTarget, storyKind: Row["storyKind"]): Promise<number> {
  const { tx, citizenId } = ctx;
  if (target === "STORY")
    return (
      (await tx.storySection.findUnique({ where: { citizenId_kind: { citizenId, kind: storyKind! } }, select: { version: true } }))
        ?.version ?? 0
    );
  if (target === "CONTACT")
    return (await tx.contactPreferences.findUnique({ where: { citizenId }, select: { version: true } }))?.version ?? 0;
  return 0;
}

export const writeWith = command(
  (input) => OPS[input.target].write,
  writeWithSchema,
  async (ctx, input) => {
    const { tx, changed, tell, citizenId, serviceAreaId } = ctx;
    const { target } = input;
    const content =
      input.target === "STORY"
        ? { text: input.text }
        : input.target === "GOAL"
          ? { title: input.title, whyItMatters: input.whyItMatters }
          : Object.fromEntries(CONTACT_FIELDS.map((f) => [f, input[f]]));
    const storyKind = input.target === "STORY" ? input.storyKind : null;
    const row = await tx.writtenWith.create({
      data: {
        citizenId,
        target,
        storyKind,
        content,
        baseVersion: await currentVersion(ctx, target, storyKind),
        writtenById: staffOf(ctx),
        serviceAreaId: serviceAreaId!,
      },
    });
    changed({ entity: "WrittenWith", entityId: row.id, before: null, after: { target, storyKind, ...content } });
    tell({ to: [await citizenUser(tx, citizenId)], kind: "written-with", path: pathFor("written-with", { citizenId }), subjectId: row.id });
    return { writtenWithId: row.id };
  },
);

/** Applies a confirmed text to the plan, marked as written with; returns what it replaced and the version it got. */
async function apply(
  ctx: GateContext,
  row: Row,
  /** For a yes told to a caseworker: the version it was written against, which must still be there. */
  expected?: number,
): Promise<{ previous: unknown; appliedVersion: number; goalId: string | null }> {
  const { tx, citizenId, changed, userId } = ctx;
  const mark = { writtenWithId: row.id, writtenWithAt: row.writtenAt };
  if (row.target === "STORY") {
    const { text } = row.content as StoryContent;
    const kind = row.storyKind!;
    const before = await tx.storySection.findUnique({ where: { citizenId_kind: { citizenId, kind } } });
    // compare-and-set: what the citizen saved a moment ago is never written over unseen
    const moved = () => new InvalidInput({ _form: ["Validation.changedSinceWritten"] });
    if (expected !== undefined && (before?.version ?? 0) !== expected) throw moved();
    if (before) {
      const { count } = await tx.storySection.updateMany({
        where: { id: before.id, version: before.version },
        data: { text, version: { increment: 1 }, updatedByUserId: userId, ...mark },
      });
      if (count === 0) throw moved();
    } else {
      const { count } = await tx.storySection.createMany({
        data: [{ citizenId, kind, text, updatedByUserId: userId, ...mark }],
        skipDuplicates: true,
      });
      if (count === 0) throw moved();
    }
    const after = await tx.storySection.findUniqueOrThrow({ where: { citizenId_kind: { citizenId, kind } } });
    changed({
      entity: "StorySection",
      entityId: after.id,
      before: before && { text: before.text, version: before.version },
      after: { text, version: after.version, writtenWith: row.id },
      part: "STORY",
    });
    return { previous: before ? { text: before.text } : null, appliedVersion: after.version, goalId: null };
  }
  if (row.target === "GOAL") {
    const { title, whyItMatters } = row.content as GoalContent;
    const goal = await tx.goal.create({ data: { citizenId, title, whyItMatters, ...mark } });
    changed({ entity: "Goal", entityId: goal.id, before: null, after: { title, whyItMatters, writtenWith: row.id }, part: "GOALS" });
    return { previous: null, appliedVersion: goal.version, goalId: goal.id };
  }
  const fields = row.content as ContactContent;
  const before = await tx.contactPreferences.findUnique({ where: { citizenId } });
  if (expected !== undefined && (before?.version ?? 0) !== expected) throw new InvalidInput({ _form: ["Validation.changedSinceWritten"] });
  if (before) {
    const { count } = await tx.contactPreferences.updateMany({
      where: { citizenId, version: before.version },
      data: { ...fields, version: { increment: 1 }, ...mark },
    });
    if (count === 0) throw new InvalidInput({ _form: ["Validation.changedSinceWritten"] });
  } else {
    const { count } = await tx.contactPreferences.createMany({ data: [{ citizenId, ...fields, ...mark }], skipDuplicates: true });
    if (count === 0) throw new InvalidInput({ _form: ["Validation.changedSinceWritten"] });
  }
  const after = await tx.contactPreferences.findUniqueOrThrow({ where: { citizenId } });
  const previous = before ? Object.fromEntries(CONTACT_FIELDS.map((f) => [f, before[f]])) : null;
  changed({
    entity: "ContactPreferences",
    entityId: citizenId,
    before: previous,
    after: { ...fields, writtenWith: row.id },
    part: "CONTACT",
  });
  return { previous, appliedVersion: after.version, goalId: null };
}

/** Puts back what a confirmed text replaced, while the citizen has not changed it since. */
async function revert(ctx: GateContext, row: Row): Promise<void> {
  const { tx, citizenId, changed } = ctx;
  const changedSince = () => new InvalidInput({ _form: ["Validation.changedSinceWrittenWith"] });
  if (row.target === "STORY") {
    const kind = row.storyKind!;
    const now = await tx.storySection.findUnique({ where: { citizenId_kind: { citizenId, kind } } });
    if (!now || now.version !== row.appliedVersion || now.writtenWithId !== row.id) throw changedSince();
    const previous = keptValue<StoryContent>(row);
    if (previous)
      await tx.storySection.update({
        where: { id: now.id },
        data: { text: previous.text, version: { increment: 1 }, writtenWithId: null, writtenWithAt: null },
      });
    else await tx.storySection.delete({ where: { id: now.id } });
    changed({ entity: "StorySection", entityId: now.id, before: { text: now.text }, after: previous, part: "STORY" });
    return;
  }
  if (row.target === "GOAL") {
    const goal = row.goalId ? await tx.goal.findFirst({ where: { id: row.goalId, citizenId } }) : null;
    const steps = goal ? await tx.goalStep.count({ where: { goalId: goal.id } }) : 0;
    if (!goal || goal.version !== row.appliedVersion || goal.status !== "ACTIVE" || steps > 0) throw changedSince();
    await tx.goalSupporter.deleteMany({ where: { citizenId, goalId: goal.id } });
    await tx.goal.delete({ where: { id: goal.id } });
    changed({ entity: "Goal", entityId: goal.id, before: { title: goal.title }, after: null, part: "GOALS" });
    return;
  }
  const now = await tx.contactPreferences.findUnique({ where: { citizenId } });
  if (!now || now.version !== row.appliedVersion || now.writtenWithId !== row.id) throw changedSince();
  const previous = keptValue<ContactContent>(row);
  if (previous)
    await tx.contactPreferences.update({
      where: { citizenId },
      data: { ...previous, version: { increment: 1 }, writtenWithId: null, writtenWithAt: null },
    });
  else await tx.contactPreferences.delete({ where: { citizenId } });
  changed({ entity: "ContactPreferences", entityId: citizenId, before: { writtenWith: row.id }, after: previous, part: "CONTACT" });
}

/** The row, in this record, for this target, at the version the person saw (else the current copy, as a conflict). */
async function rowFor(ctx: GateContext, id: string, target: WrittenWithTarget, version?: number): Promise<Row> {
  const row = await ctx.tx.writtenWith.findFirst({ where: { id, citizenId: ctx.citizenId, target } });
  if (!row) throw new NotFound();
  if (version !== undefined && row.version !== version) throw new StaleWrite({ status: row.status, version: row.version });
  return row;
}

/** Moves a row on from the state it was read in, once: two answers at once cannot both apply. */
async function settle(ctx: GateContext, row: Row, data: Prisma.WrittenWithUncheckedUpdateManyInput) {
  const { count } = await ctx.tx.writtenWith.updateMany({
    where: { id: row.id, version: row.version },
    data: { ...data, version: { increment: 1 } },
  });
  if (count === 0) throw new StaleWrite({ status: row.status, version: row.version });
}

/** What a confirmed text replaced and became, kept for undo. */
async function keep(ctx: GateContext, row: Row, applied: Awaited<ReturnType<typeof apply>>) {
  await ctx.tx.writtenWith.update({
    where: { id: row.id },
    data: { previous: kept(applied.previous), appliedVersion: applied.appliedVersion, goalId: applied.goalId },
  });
}

/** The citizen's answer, on their phone. */
export const answerWrittenWith = command(
  (input) => OPS[input.target].answer,
  answerWrittenWithSchema,
  async (ctx, { writtenWithId, target, answer, version }) => {
    const { now, changed } = ctx;
    const row = await rowFor(ctx, writtenWithId, target, version);
    if (answer === "CONFIRM" || answer === "DECLINE") {
      if (row.status !== "WAITING") throw new InvalidInput({ _form: ["Validation.alreadyAnswered"] });
      if (answer === "DECLINE") {
        await settle(ctx, row, { status: "DECLINED", decidedAt: now });
      } else {
        // claimed first (compare-and-set on the version): two presses at once cannot both apply it
        // not yet "seen": it stays on the plan with Undo until the citizen says it is right
        await settle(ctx, row, { status: "CONFIRMED", confirmedHow: "APP", decidedAt: now });
        await keep(ctx, row, await apply(ctx, row));
      }
    } else if (answer === "UNDO") {
      if (row.status !== "CONFIRMED") throw new InvalidInput({ _form: ["Validation.alreadyAnswered"] });
      await settle(ctx, row, { status: "UNDONE", seenAt: now });
      await revert(ctx, row);
    } else {
      if (row.status !== "CONFIRMED" || row.seenAt) throw new InvalidInput({ _form: ["Validation.alreadyAnswered"] });
      await settle(ctx, row, { seenAt: now });
    }
    changed({ entity: "WrittenWith", entityId: row.id, before: { status: row.status }, after: { answer } });
    return { status: answer };
  },
);

/**
 * A caseworker records the yes the citizen told them: applied now, marked as told to them, and the citizen is
 * told so they can see it and undo it. Refused when the citizen has changed the text since it was written.
 */
export const recordYes = command(
  (input) => OPS[input.target].recordYes,
  recordYesSchema,
  async (ctx, { writtenWithId, target }) => {
    const { now, tx, citizenId, tell } = ctx;
    // told to a caseworker who works with the citizen: not to anyone whose area may read the part
    if ((await tx.assignment.count({ where: { citizenId, staffId: staffOf(ctx), endedAt: null } })) === 0) throw new NotFound();
    const row = await rowFor(ctx, writtenWithId, target);
    if (row.status !== "WAITING") throw new InvalidInput({ _form: ["Validation.alreadyAnswered"] });
    if ((await currentVersion(ctx, row.target, row.storyKind)) !== row.baseVersion)
      throw new InvalidInput({ _form: ["Validation.changedSinceWritten"] });
    await settle(ctx, row, { status: "CONFIRMED", confirmedHow: "CONVERSATION", confirmedById: staffOf(ctx), decidedAt: now });
    await keep(ctx, row, await apply(ctx, row, row.baseVersion));
    ctx.changed({
      entity: "WrittenWith",
      entityId: row.id,
      before: { status: "WAITING" },
      after: { status: "CONFIRMED", how: "CONVERSATION" },
    });
    tell({
      to: [await citizenUser(tx, citizenId)],
      kind: "written-with-yes-recorded",
      path: pathFor("written-with-yes-recorded", { citizenId }),
      subjectId: row.id,
    });
    return null;
  },
);

import "server-only";
import { pathFor } from "@/lib/notify/kinds";
import { writeOutbox, type Tell } from "@/lib/notify/outbox";
import { contactAnswerers, coordinatorUser } from "@/lib/notify/recipients";
import { directoryDb } from "@/lib/db/directory";
import type { Actor } from "@/lib/record/actor";
import type { Result } from "@/lib/validation/result";
import { besideCommand } from "@/lib/record/command";
import type { RelativeSpaceDto } from "./dto";
import { isId } from "@/lib/validation/fields";
import { relationshipActiveWhere } from "@/lib/access/in-force";
import { spaceDto } from "./queries";
import { askOwnContactIn } from "./contact";
import { checkInSchema, relativeSpaceSchema } from "./schema";

/**
 * The relative's own space is the relative's, not the citizen's record: only
 * they write it, here, through their own active relationship. The citizen sees
 * it only if the relative shares it (lib/relatives/queries.ts, through the
 * gate), and caseworkers the same way. An ended relationship closes it too.
 */
const CHECK_INS_SHOWN = 20;

async function ownRelationship(actor: Actor, citizenId: string, now = new Date()) {
  if (actor.kind !== "user") return null;
  return directoryDb().relationship.findFirst({
    where: { citizenId, userId: actor.userId, ...relationshipActiveWhere(now) },
    select: { id: true },
  });
}

export async function readOwnSpace(actor: Actor, citizenId: string): Promise<RelativeSpaceDto | null> {
  if (!isId(citizenId)) return null;
  const relationship = await ownRelationship(actor, citizenId);
  if (!relationship) return null;
  const space = await directoryDb().relativeSpace.upsert({
    where: { relationshipId: relationship.id },
    create: { relationshipId: relationship.id, citizenId },
    update: {},
  });
  const checkIns = await directoryDb().relativeCheckIn.findMany({
    where: { relationshipId: relationship.id },
    orderBy: { createdAt: "desc" },
    take: CHECK_INS_SHOWN,
  });
  return spaceDto(space, checkIns);
}

/** How I want to help (or not), what I can do, what I need, and who may see it. */
export const saveOwnSpace = besideCommand(
  "relative-space.save",
  relativeSpaceSchema,
  async (actor, { citizenId, version, ...fields }): Promise<Result<{ version: number }>> => {
    const relationship = await ownRelationship(actor, citizenId);
    if (!relationship) return { ok: false, error: "not-found" };
    const count = await directoryDb().$transaction(async (tx) => {
      const before = await tx.relativeSpace.findUnique({ where: { relationshipId: relationship.id } });
      const { count } = await tx.relativeSpace.updateMany({
        where: { relationshipId: relationship.id, version },
        data: { ...fields, version: { increment: 1 } },
      });
      // what the relative chose to share with staff, newly said: the coordinator is told (not what they wrote)
      if (count === 1 && fields.sharedWithStaff) {
        const now = new Date();
        // the coordinator; without one in force, whoever answers "contact me" for the citizen, so it reaches someone
        const coordinator = await coordinatorUser(tx, citizenId, now);
        const to = coordinator ? [coordinator] : await contactAnswerers(tx, citizenId, now);
        const path = pathFor("relative-needs-break", { citizenId });
        const tells: Tell[] = [];
        if (fields.needsRespite && !(before?.needsRespite && before.sharedWithStaff))
          tells.push({ to, kind: "relative-needs-break", path, citizenId, subjectId: relationship.id });
        const wantsTalk = fields.wantsCoordinator && !(before?.wantsCoordinator && before.sharedWithStaff);
        if (wantsTalk) tells.push({ to, kind: "relative-wants-talk", path, citizenId, subjectId: relationship.id });
        await writeOutbox(tx, tells, actor.userId);
        // "I want to talk to the coordinator" is a request with a deadline on their work list, like "contact me"
        // (unless one of the relative's is open already, or no area may answer yet)
        if (wantsTalk) await askOwnContactIn(tx, { citizenId, userId: actor.userId, text: "", channel: null, now, tell: false });
      }
      return count;
    });
    if (count === 0)
      return {
        ok: false,
        error: "conflict",
        current: await directoryDb().relativeSpace.findUnique({ where: { relationshipId: relationship.id } }),
      };
    return { ok: true, value: { version: version + 1 } };
  },
);

/** "How am I doing": one check-in, kept over time. */
export const addCheckIn = besideCommand(
  "relative-space.check-in",
  checkInSchema,
  async (actor, { citizenId, feeling, note }): Promise<Result<{ id: string }>> => {
    const relationship = await ownRelationship(actor, citizenId);
    if (!relationship) return { ok: false, error: "not-found" };
    const row = await directoryDb().relativeCheckIn.create({ data: { relationshipId: relationship.id, feeling, note } });
    return { ok: true, value: { id: row.id } };
  },
);

import "server-only";
import { InvalidInput, NotFound, StaleWrite, type GateContext } from "@/lib/record/gate";
import { command, staffOf } from "@/lib/record/command";
import { lockCitizenWork } from "@/lib/record/tx";
import { coveringAreas, holders } from "./holder";
import { CONSENT_FIELDS } from "@/lib/record/standing";
import { pathFor } from "@/lib/notify/kinds";
import { citizenUser, staffUser } from "@/lib/notify/recipients";
import { answerHandoverSchema, offerHandoverSchema, takeRedThreadSchema, withdrawHandoverSchema } from "./schema";

/**
 * The red thread: each citizen has one coordinator. The role changes hands only
 * when a named colleague accepts it, having read the plan; until then the old
 * coordinator holds it. There is no way to put it down without a successor.
 * Taking the role (accepting it, or taking it up) needs the policy's yes to the
 * whole of the work, for the same area (red-thread.accept and red-thread.take
 * in lib/access/operations.ts).
 */

/**
 * The colleagues who could take the red thread: staff of the citizen's
 * municipality (not the coordinator) in an area whose consent in force covers
 * the whole of the work — reading the plan before they say yes, and answering
 * "contact me" after.
 */
export async function eligibleColleagues(ctx: Pick<GateContext, "tx" | "citizenId" | "now">, exceptStaffId: string) {
  const { tx, citizenId, now } = ctx;
  const consents = await tx.consent.findMany({ where: { citizenId }, select: CONSENT_FIELDS });
  const areaIds = [...coveringAreas(consents, now)].map((key) => key.split(":")[1]!);
  if (areaIds.length === 0) return [];
  return tx.staffMember.findMany({
    where: {
      id: { not: exceptStaffId },
      municipality: { citizens: { some: { id: citizenId } } },
      areas: { some: { serviceAreaId: { in: areaIds } } },
    },
    orderBy: { name: "asc" },
    select: {
      id: true,
      name: true,
      areas: { where: { serviceAreaId: { in: areaIds } }, select: { serviceArea: { select: { key: true } } } },
    },
  });
}

export const offerHandover = command(
  "red-thread.offer",
  offerHandoverSchema,
  async (ctx, { citizenId, toStaffId, note }) => {
    const { tx, changed } = ctx;
    const me = staffOf(ctx);
    const holder = await tx.coordination.findUnique({ where: { citizenId }, select: { staffId: true } });
    if (holder?.staffId !== me) throw new InvalidInput({ _form: ["Validation.notCoordinator"] });
    const colleagues = await eligibleColleagues(ctx, me);
    const to = colleagues.find((c) => c.id === toStaffId);
    if (!to) throw new InvalidInput({ toStaffId: ["Validation.chooseOne"] });
    const pending = await tx.handover.count({ where: { citizenId, status: "OFFERED" } });
    if (pending > 0) throw new InvalidInput({ _form: ["Validation.handoverPending"] });
    const handover = await tx.handover.create({ data: { citizenId, fromStaffId: me, toStaffId, note } });
    changed({ entity: "Handover", entityId: handover.id, before: null, after: { name: to.name, status: "OFFERED" } });
    ctx.tell({
      to: [await staffUser(tx, toStaffId)],
      kind: "handover-to-you",
      path: pathFor("handover-to-you", { citizenId }),
      subjectId: handover.id,
    });
    ctx.tell({
      to: [await citizenUser(tx, citizenId)],
      kind: "handover-offered",
      path: pathFor("handover-offered", { citizenId }),
      subjectId: handover.id,
    });
    return { handoverId: handover.id };
  },
  // one offer at a time, held by a partial unique index when two race
  { raced: { _form: ["Validation.handoverPending"] } },
);

/** The coordinator takes an offer back before it is answered; they keep the red thread. */
export const withdrawHandover = command("red-thread.withdraw-offer", withdrawHandoverSchema, async (ctx, { citizenId, handoverId }) => {
  const { tx, changed, now } = ctx;
  const { count } = await tx.handover.updateMany({
    where: { id: handoverId, citizenId, fromStaffId: staffOf(ctx), status: "OFFERED" },
    data: { status: "WITHDRAWN", respondedAt: now },
  });
  if (count === 0) throw new InvalidInput({ _form: ["Validation.handoverGone"] });
  changed({ entity: "Handover", entityId: handoverId, before: { status: "OFFERED" }, after: { status: "WITHDRAWN" } });
  // the citizen was told it was offered; now that it is not, they are told it stays
  ctx.tell({
    to: [await citizenUser(tx, citizenId)],
    kind: "handover-stays",
    path: pathFor("handover-stays", { citizenId }),
    subjectId: handoverId,
  });
  return null;
});

/**
 * The colleague answers an offer made to them. A yes needs their word that they
 * have read the plan, and the policy's yes to their area seeing the red thread;
 * then they hold it, in one step with closing the offer. A no leaves the
 * coordinator where they were.
 */
export const answerHandover = command(
  ({ answer }) => (answer === "ACCEPT" ? "red-thread.accept" : "red-thread.decline"),
  answerHandoverSchema,
  async (ctx, { citizenId, handoverId, answer }) => {
    const { tx, changed, now, serviceAreaId } = ctx;
    const me = staffOf(ctx);
    await lockCitizenWork(tx, citizenId);
    const offer = await tx.handover.findFirst({
      where: { id: handoverId, citizenId, toStaffId: me, status: "OFFERED" },
      select: { fromStaffId: true, fromStaff: { select: { name: true } } },
    });
    if (!offer) throw new InvalidInput({ _form: ["Validation.handoverGone"] });
    if (answer === "DECLINE") {
      await tx.handover.update({ where: { id: handoverId }, data: { status: "DECLINED", respondedAt: now } });
      changed({ entity: "Handover", entityId: handoverId, before: { status: "OFFERED" }, after: { status: "DECLINED" } });
      ctx.tell({
        to: [await citizenUser(tx, citizenId)],
        kind: "handover-stays",
        path: pathFor("handover-stays", { citizenId }),
        subjectId: handoverId,
      });
      return { accepted: false };
    }
    const holder = await tx.coordination.findUnique({ where: { citizenId }, select: { staffId: true, version: true } });
    // the offer stands only while the one who made it still holds the red thread
    if (!holder || holder.staffId !== offer.fromStaffId) throw new StaleWrite(holder);
    const { count } = await tx.coordination.updateMany({
      where: { citizenId, staffId: offer.fromStaffId, version: holder.version },
      data: { staffId: me, serviceAreaId, since: now, version: { increment: 1 } },
    });
    if (count === 0) throw new StaleWrite(holder);
    await tx.handover.update({ where: { id: handoverId }, data: { status: "ACCEPTED", respondedAt: now, planReadAt: now } });
    // the new coordinator works with the citizen from now on, for the area they accepted through
    const newName = (await tx.staffMember.findUniqueOrThrow({ where: { id: me }, select: { name: true } })).name;
    changed({ entity: "Coordination", entityId: citizenId, before: { name: offer.fromStaff.name }, after: { name: newName } });
    changed({ entity: "Handover", entityId: handoverId, before: { status: "OFFERED" }, after: { status: "ACCEPTED", planRead: true } });
    ctx.tell({
      to: [await citizenUser(tx, citizenId)],
      kind: "handover-accepted",
      path: pathFor("handover-accepted", { citizenId }),
      subjectId: handoverId,
    });
    return { accepted: true };
  },
);

/**
 * When nobody holds the red thread — a new plan, or a holder whose area may no
 * longer see the plan because the citizen took consent back — a caseworker
 * whose area may do the work takes it up. An offer the old holder made can no
 * longer be accepted, so it is withdrawn.
 */
export const takeRedThread = command(
  "red-thread.take",
  takeRedThreadSchema,
  async (ctx, { citizenId }) => {
    const { tx, changed, serviceAreaId, now } = ctx;
    const me = staffOf(ctx);
    await lockCitizenWork(tx, citizenId);
    const holder = (await holders(tx, [citizenId], now)).get(citizenId);
    if (holder?.inForce) throw new InvalidInput({ _form: ["Validation.someoneHolds"] });
    // only one who works with the citizen takes it up: a reason stated for today would otherwise become lasting
    // need to know (decision 029)
    const assigned = await tx.assignment.count({ where: { citizenId, staffId: me, endedAt: null } });
    if (assigned === 0) throw new NotFound();
    if (holder) {
      const { count } = await tx.coordination.updateMany({
        where: { citizenId, staffId: holder.staffId },
        data: { staffId: me, serviceAreaId, since: now, version: { increment: 1 } },
      });
      if (count === 0) throw new InvalidInput({ _form: ["Validation.someoneHolds"] });
      await tx.handover.updateMany({ where: { citizenId, status: "OFFERED" }, data: { status: "WITHDRAWN", respondedAt: now } });
    } else {
      await tx.coordination.create({ data: { citizenId, staffId: me, serviceAreaId } });
    }
    const name = (await tx.staffMember.findUniqueOrThrow({ where: { id: me }, select: { name: true } })).name;
    changed({ entity: "Coordination", entityId: citizenId, before: holder ? { name: holder.name } : null, after: { name } });
    // a new coordinator, however they came to hold it
    ctx.tell({
      to: [await citizenUser(tx, citizenId)],
      kind: "handover-accepted",
      path: pathFor("handover-accepted", { citizenId }),
      subjectId: null,
    });
    return null;
  },
  // two caseworkers taking it up at once: one coordinator per citizen (the key is the citizen)
  { raced: { _form: ["Validation.someoneHolds"] } },
);

import "server-only";
import { throughGate } from "@/lib/record/gate";
import type { Result } from "@/lib/validation/result";
import type { Actor } from "@/lib/record/actor";
import { eligibleColleagues } from "./commands";
import { holders } from "./holder";
import { COORDINATOR_NEEDS } from "@/lib/access/operations";

export type { ColleagueDto, RedThreadDto } from "./dto";
import type { RedThreadDto } from "./dto";

const areaKeys = (s: { areas: { serviceArea: { key: string } }[] }) => s.areas.map((a) => a.serviceArea.key);

/** Who holds a citizen's red thread, any handover on offer, and (for the coordinator) whom they could hand it to. */
export async function readRedThread(actor: Actor, citizenId: string): Promise<Result<RedThreadDto>> {
  const me = actor.kind === "user" ? (actor.staff?.staffId ?? null) : null;
  return throughGate(actor, citizenId, "red-thread.read", async (ctx) => {
    const { tx, now } = ctx;
    const holder = (await holders(tx, [citizenId], now)).get(citizenId);
    const offer = await tx.handover.findFirst({
      where: { citizenId, status: "OFFERED" },
      select: {
        id: true,
        note: true,
        offeredAt: true,
        fromStaffId: true,
        toStaffId: true,
        fromStaff: { select: { name: true } },
        toStaff: { select: { name: true } },
      },
    });
    const isHolder = Boolean(me && holder?.staffId === me);
    const colleagues =
      isHolder && !offer ? (await eligibleColleagues(ctx, me!)).map((c) => ({ id: c.id, name: c.name, areaKeys: areaKeys(c) })) : [];
    return {
      holder: holder ? { name: holder.name, areaKey: holder.areaKey, isMe: isHolder, inForce: holder.inForce } : null,
      pending: offer
        ? {
            id: offer.id,
            fromName: offer.fromStaff.name,
            toName: offer.toStaff.name,
            note: ctx.role === "STAFF" ? offer.note : "",
            offeredAt: offer.offeredAt.toISOString(),
            fromMe: offer.fromStaffId === me,
            toMe: offer.toStaffId === me,
          }
        : null,
      colleagues,
      offers: await tx.handover.count({ where: { citizenId } }),
      mayTake:
        ctx.role === "STAFF" &&
        !holder?.inForce &&
        ctx.allows("RED_THREAD", "WRITE") &&
        COORDINATOR_NEEDS.every((n) => ctx.allows(n.part, n.action)) &&
        // only one who works with the citizen takes it up (decision 029): no button that would be refused
        Boolean(me) &&
        (await tx.assignment.count({ where: { citizenId, staffId: me!, endedAt: null } })) > 0,
    };
  });
}

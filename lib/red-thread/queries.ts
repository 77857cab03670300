import "server-only";
import { throughGate } from "@/lib/record/gate";
import type { Result } from "@/lib/validation/result";
import type { Actor } from "@/lib/record/actor";
import { eligibleColleagues } from "./commands";
import { holders } from "./holder";
import { COORDINATOR_NEEDS } from "@/lib/access/operations";

export type ColleagueDto = { id: string; name: string; areaKeys: string[] };
export type RedThreadDto = {
  /** Who holds it; `inForce` false when their area may no longer see the plan (then anyone allowed may take it up). */
  holder: { name: string; areaKeys: string[]; isMe: boolean; inForce: boolean } | null;
  /** A handover on offer; its note is between staff (empty for the citizen and relatives). */
  pending: { id: string; fromName: string; toName: string; note: string; offeredAt: string; fromMe: boolean; toMe: boolean } | null;
  /** Whom the coordinator may offer the red thread to (only for the coordinator, with nothing pending). */
  colleagues: ColleagueDto[];
  /** How many handovers were ever offered for this citizen: a new offer's draft starts afresh. */
  offers: number;
  /** Whether the reader may take up the red thread now: nobody holds it in force, and their area may do the work. */
  mayTake: boolean;
};

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
      holder: holder ? { name: holder.name, areaKeys: holder.areaKeys, isMe: isHolder, inForce: holder.inForce } : null,
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
        COORDINATOR_NEEDS.every((n) => ctx.allows(n.part, n.action)),
    };
  });
}

import "server-only";
import { throughGate, type GateResult } from "@/lib/record/gate";
import type { Actor } from "@/lib/record/actor";
import { eligibleColleagues } from "./commands";

export type ColleagueDto = { id: string; name: string; areaKeys: string[] };
export type RedThreadDto = {
  holder: { name: string; areaKeys: string[]; isMe: boolean } | null;
  pending: { id: string; fromName: string; toName: string; note: string; offeredAt: string; fromMe: boolean; toMe: boolean } | null;
  /** Whom the coordinator may offer the red thread to (only for the coordinator, with nothing pending). */
  colleagues: ColleagueDto[];
};

const areaKeys = (s: { areas: { serviceArea: { key: string } }[] }) => s.areas.map((a) => a.serviceArea.key);

/** Who holds a citizen's red thread, any handover on offer, and (for the coordinator) whom they could hand it to. */
export async function readRedThread(actor: Actor, citizenId: string): Promise<GateResult<RedThreadDto>> {
  const me = actor.kind === "user" ? (actor.staff?.staffId ?? null) : null;
  return throughGate(actor, citizenId, { part: "COORDINATION", action: "READ", purpose: "view-red-thread" }, async (ctx) => {
    const { tx } = ctx;
    const staff = { select: { id: true, name: true, areas: { select: { serviceArea: { select: { key: true } } } } } } as const;
    const holder = await tx.coordination.findUnique({ where: { citizenId }, select: { staff } });
    const offer = await tx.handover.findFirst({ where: { citizenId, status: "OFFERED" }, select: { id: true, note: true, offeredAt: true, fromStaffId: true, toStaffId: true, fromStaff: { select: { name: true } }, toStaff: { select: { name: true } } } });
    const isHolder = Boolean(me && holder?.staff.id === me);
    const colleagues = isHolder && !offer ? (await eligibleColleagues(ctx, me!)).map((c) => ({ id: c.id, name: c.name, areaKeys: areaKeys(c) })) : [];
    return {
      holder: holder ? { name: holder.staff.name, areaKeys: areaKeys(holder.staff), isMe: isHolder } : null,
      pending: offer
        ? { id: offer.id, fromName: offer.fromStaff.name, toName: offer.toStaff.name, note: offer.note, offeredAt: offer.offeredAt.toISOString(), fromMe: offer.fromStaffId === me, toMe: offer.toStaffId === me }
        : null,
      colleagues,
    };
  });
}

import "server-only";
import { throughGate, type GateResult } from "@/lib/record/gate";
import type { Actor } from "@/lib/record/actor";

export type AccessLogEntryDto = {
  at: string;
  actorRole: string;
  serviceAreaId: string | null;
  part: string;
  action: string;
  purpose: string;
  outcome: string;
};

const PAGE_SIZE = 25;

/** "Who has seen my plan": newest first, a page at a time, optionally one service area. Codes; the page translates them. */
export async function readAccessLog(
  actor: Actor,
  citizenId: string,
  { page = 1, serviceAreaId }: { page?: number; serviceAreaId?: string } = {},
): Promise<GateResult<{ entries: AccessLogEntryDto[]; hasMore: boolean }>> {
  return throughGate(actor, citizenId, { part: "LOG", action: "READ", purpose: "view" }, async ({ tx }) => {
    const rows = await tx.accessLog.findMany({
      where: { citizenId, ...(serviceAreaId ? { serviceAreaId } : {}) },
      orderBy: [{ at: "desc" }, { id: "desc" }],
      skip: (Math.max(1, page) - 1) * PAGE_SIZE,
      take: PAGE_SIZE + 1,
      select: { at: true, actorRole: true, serviceAreaId: true, part: true, action: true, purpose: true, outcome: true },
    });
    return {
      entries: rows.slice(0, PAGE_SIZE).map((r) => ({ ...r, at: r.at.toISOString() })),
      hasMore: rows.length > PAGE_SIZE,
    };
  });
}

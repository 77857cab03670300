import "server-only";
import { throughGate } from "@/lib/record/gate";
import type { Result } from "@/lib/validation/result";
import type { Actor } from "@/lib/record/actor";

export type AccessLogEntryDto = {
  id: string;
  at: string;
  actorRole: "CITIZEN" | "RELATIVE" | "PROXY" | "STAFF" | "ANONYMOUS";
  actorName: string | null;
  areaKey: string | null;
  part: string;
  action: "READ" | "WRITE" | "ASK" | "PROPOSE";
  purpose: string;
  outcome: "ALLOWED" | "DENIED";
  /** How many times, for a refusal (repeats within the hour are one entry). */
  count: number;
};

export const ACCESS_LOG_PAGE_SIZE = 20;

/**
 * "Who has seen my plan": newest first, a page at a time, optionally one
 * service area. Codes, not sentences; the page says them in plain words.
 * Names are shown for relatives and staff, who are people the citizen may ask, as they were named when it
 * happened (kept in the row: renaming an account never relabels the past). Rows from before names were kept
 * show the name as it is now.
 */
export async function readAccessLog(
  actor: Actor,
  citizenId: string,
  { page = 1, serviceAreaId }: { page?: number; serviceAreaId?: string } = {},
): Promise<Result<{ entries: AccessLogEntryDto[]; hasMore: boolean; page: number; areas: { id: string; key: string }[] }>> {
  const current = Math.max(1, Math.floor(page) || 1);
  return throughGate(actor, citizenId, "access-log.read", async ({ tx }) => {
    const rows = await tx.accessLog.findMany({
      where: { citizenId, ...(serviceAreaId ? { serviceAreaId } : {}) },
      orderBy: [{ at: "desc" }, { id: "desc" }],
      skip: (current - 1) * ACCESS_LOG_PAGE_SIZE,
      take: ACCESS_LOG_PAGE_SIZE + 1,
      select: {
        id: true,
        at: true,
        actorRole: true,
        actorUserId: true,
        actorName: true,
        serviceAreaId: true,
        part: true,
        action: true,
        purpose: true,
        outcome: true,
        count: true,
      },
    });
    const shown = rows.slice(0, ACCESS_LOG_PAGE_SIZE);
    const legacy = shown.filter((r) => r.actorName === null);
    const userIds = [...new Set(legacy.map((r) => r.actorUserId).filter((id): id is string => Boolean(id)))];
    const citizen = await tx.citizen.findUniqueOrThrow({ where: { id: citizenId }, select: { municipalityId: true } });
    const users = await tx.user.findMany({ where: { id: { in: userIds } }, select: { id: true, name: true } });
    const areas = await tx.serviceArea.findMany({
      where: { municipalityId: citizen.municipalityId },
      orderBy: { createdAt: "asc" },
      select: { id: true, key: true },
    });
    // someone acting for the citizen is named as the power of attorney names them ("Mette, for you")
    const proxies = legacy.some((r) => r.actorRole === "PROXY")
      ? await tx.powerOfAttorney.findMany({
          where: { citizenId, holderUserId: { in: userIds } },
          select: { holderUserId: true, holderName: true },
        })
      : [];
    const names = new Map(users.map((u) => [u.id, u.name]));
    const proxyNames = new Map(proxies.map((p) => [p.holderUserId!, p.holderName]));
    const areaKeys = new Map(areas.map((a) => [a.id, a.key]));
    return {
      page: current,
      hasMore: rows.length > ACCESS_LOG_PAGE_SIZE,
      areas,
      entries: shown.map((r) => ({
        id: r.id.toString(),
        at: r.at.toISOString(),
        actorRole: r.actorRole,
        // someone who signed in but has nothing to do with the record stays unnamed
        actorName:
          r.actorUserId && r.outcome === "ALLOWED"
            ? (r.actorName ?? (r.actorRole === "PROXY" ? proxyNames.get(r.actorUserId) : names.get(r.actorUserId)) ?? null)
            : null,
        areaKey: r.serviceAreaId ? (areaKeys.get(r.serviceAreaId) ?? null) : null,
        part: r.part,
        action: r.action,
        purpose: r.purpose,
        outcome: r.outcome,
        count: r.count,
      })),
    };
  });
}

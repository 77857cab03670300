import "server-only";
import { throughGate, type GateResult } from "@/lib/record/gate";
import type { Actor } from "@/lib/record/actor";

/** A visit lasts this long: reloading the plan within it shows the same "new since last time". */
export const VISIT_GAP_MS = 60 * 60 * 1000;

/**
 * The citizen opens their plan: a new visit begins unless one began within the
 * hour. Returns when the visit before began: what others changed after that is
 * "new since your last visit" (null on a first visit: nothing is new yet).
 */
export async function beginVisit(actor: Actor, citizenId: string): Promise<GateResult<{ since: Date | null }>> {
  return throughGate(actor, citizenId, { part: "PROFILE", action: "WRITE", purpose: "visit", roles: ["CITIZEN"] }, async ({ tx, now }) => {
    const citizen = await tx.citizen.findUniqueOrThrow({ where: { id: citizenId }, select: { lastVisitAt: true, previousVisitAt: true } });
    if (citizen.lastVisitAt && now.getTime() - citizen.lastVisitAt.getTime() < VISIT_GAP_MS) return { since: citizen.previousVisitAt };
    // not a change to the record (no version, no change log): only where the citizen is in their reading
    await tx.citizen.update({ where: { id: citizenId }, data: { previousVisitAt: citizen.lastVisitAt, lastVisitAt: now } });
    return { since: citizen.lastVisitAt };
  });
}

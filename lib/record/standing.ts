import "server-only";
import type { ConsentGrant, Part, RelativePermission, Standing } from "@/lib/access/policy";
import type { Tx } from "./tx";
import type { Actor } from "./actor";

/** One way an actor stands toward a record, with what the log needs to say about it. */
export type Position = { standing: Standing; role: "CITIZEN" | "RELATIVE" | "STAFF" | "ANONYMOUS"; serviceAreaId: string | null };

/**
 * Every way `actor` stands toward the record of `citizenId`, read fresh from the
 * database: as the citizen, as a relative, as staff of each of their areas (with
 * that area's consents). `exists` is false when there is no such record in reach.
 */
export async function resolvePositions(tx: Tx, actor: Actor, citizenId: string): Promise<{ exists: boolean; positions: Position[] }> {
  const citizen = await tx.citizen.findUnique({ where: { id: citizenId }, select: { id: true, municipalityId: true } });
  if (!citizen) return { exists: false, positions: [] };
  if (actor.kind === "anonymous") return { exists: true, positions: [{ standing: { kind: "none" }, role: "ANONYMOUS", serviceAreaId: null }] };
  if (actor.citizenId === citizenId) return { exists: true, positions: [{ standing: { kind: "self" }, role: "CITIZEN", serviceAreaId: null }] };

  const positions: Position[] = [];
  const relationship = await tx.relationship.findUnique({
    where: { citizenId_userId: { citizenId, userId: actor.userId } },
    select: { permissions: true, validUntil: true, endedAt: true },
  });
  if (relationship) {
    positions.push({
      standing: { kind: "relative", permissions: relationship.permissions as RelativePermission[], validUntil: relationship.validUntil, endedAt: relationship.endedAt },
      role: "RELATIVE",
      serviceAreaId: null,
    });
  }
  const staff = actor.staff;
  if (staff && staff.municipalityId === citizen.municipalityId && staff.serviceAreaIds.length > 0) {
    const consents = await tx.consent.findMany({
      where: { citizenId, serviceAreaId: { in: [...staff.serviceAreaIds] } },
      select: { serviceAreaId: true, parts: true, validFrom: true, validUntil: true, withdrawnAt: true },
    });
    for (const serviceAreaId of staff.serviceAreaIds) {
      const grants: ConsentGrant[] = consents
        .filter((c) => c.serviceAreaId === serviceAreaId)
        .map((c) => ({ parts: c.parts as Part[], validFrom: c.validFrom, validUntil: c.validUntil, withdrawnAt: c.withdrawnAt }));
      positions.push({ standing: { kind: "staff", serviceAreaId, consents: grants }, role: "STAFF", serviceAreaId });
    }
  }
  if (positions.length === 0) {
    // signed in, but nothing to do with this record: another citizen, a relative of someone else, staff elsewhere
    const role = staff ? "STAFF" : actor.citizenId ? "CITIZEN" : "RELATIVE";
    positions.push({ standing: { kind: "none" }, role, serviceAreaId: null });
  }
  return { exists: true, positions };
}

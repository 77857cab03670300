import "server-only";
import type { AttorneyGrant, AttorneyRight, ConsentGrant, Part, RelativePermission, Standing } from "@/lib/access/policy";
import type { Tx } from "./tx";
import type { Actor } from "./actor";

/** One way an actor stands toward a record, with what the log needs to say about it. */
export type Position = { standing: Standing; role: "CITIZEN" | "RELATIVE" | "PROXY" | "STAFF" | "ANONYMOUS"; serviceAreaId: string | null };

/** A consent row as decisions need it (here and in lib/red-thread/holder.ts). */
export const CONSENT_FIELDS = {
  citizenId: true,
  serviceAreaId: true,
  parts: true,
  validFrom: true,
  validUntil: true,
  withdrawnAt: true,
} as const;
export type ConsentRow = {
  citizenId: string;
  serviceAreaId: string;
  parts: string[];
  validFrom: Date;
  validUntil: Date | null;
  withdrawnAt: Date | null;
};

/** A caseworker's positions toward one record: one per area of theirs, with that area's consents. */
function staffPositions(serviceAreaIds: readonly string[], consents: readonly ConsentRow[]): Position[] {
  return serviceAreaIds.map((serviceAreaId) => {
    const grants: ConsentGrant[] = consents
      .filter((c) => c.serviceAreaId === serviceAreaId)
      .map((c) => ({ parts: c.parts as Part[], validFrom: c.validFrom, validUntil: c.validUntil, withdrawnAt: c.withdrawnAt }));
    return { standing: { kind: "staff", serviceAreaId, consents: grants }, role: "STAFF", serviceAreaId };
  });
}

/**
 * A caseworker's positions toward many records at once (their work list), in
 * two statements: the citizens of their municipality among `citizenIds`, and
 * their areas' consents. Citizens elsewhere are simply absent.
 */
export async function resolveStaffPositionsMany(tx: Tx, actor: Actor, citizenIds: readonly string[]): Promise<Map<string, Position[]>> {
  const out = new Map<string, Position[]>();
  const staff = actor.kind === "user" ? actor.staff : null;
  if (!staff || staff.serviceAreaIds.length === 0 || citizenIds.length === 0) return out;
  const citizens = await tx.citizen.findMany({
    where: { id: { in: [...citizenIds] }, municipalityId: staff.municipalityId },
    select: { id: true },
  });
  const consents = await tx.consent.findMany({
    where: { citizenId: { in: citizens.map((c) => c.id) }, serviceAreaId: { in: [...staff.serviceAreaIds] } },
    select: CONSENT_FIELDS,
  });
  for (const c of citizens)
    out.set(
      c.id,
      staffPositions(
        staff.serviceAreaIds,
        consents.filter((k) => k.citizenId === c.id),
      ),
    );
  return out;
}

/**
 * Every way `actor` stands toward the record of `citizenId`, read fresh from the
 * database: as the citizen, as a relative, as staff of each of their areas (with
 * that area's consents). `exists` is false when there is no such record in reach.
 */
export async function resolvePositions(tx: Tx, actor: Actor, citizenId: string): Promise<{ exists: boolean; positions: Position[] }> {
  const citizen = await tx.citizen.findUnique({ where: { id: citizenId }, select: { id: true, municipalityId: true } });
  if (!citizen) return { exists: false, positions: [] };
  if (actor.kind === "anonymous")
    return { exists: true, positions: [{ standing: { kind: "none" }, role: "ANONYMOUS", serviceAreaId: null }] };
  if (actor.citizenId === citizenId)
    return { exists: true, positions: [{ standing: { kind: "self" }, role: "CITIZEN", serviceAreaId: null }] };

  const positions: Position[] = [];
  // acting for the citizen under a power of attorney comes first: what is done under it is logged as done for them
  const powers = await tx.powerOfAttorney.findMany({
    where: { citizenId, holderUserId: actor.userId },
    select: { rights: true, validFrom: true, validUntil: true, endedAt: true },
  });
  if (powers.length) {
    const grants: AttorneyGrant[] = powers.map((p) => ({ ...p, rights: p.rights as AttorneyRight[] }));
    positions.push({ standing: { kind: "attorney", grants }, role: "PROXY", serviceAreaId: null });
  }
  const relationship = await tx.relationship.findUnique({
    where: { citizenId_userId: { citizenId, userId: actor.userId } },
    select: { permissions: true, validUntil: true, endedAt: true },
  });
  if (relationship) {
    positions.push({
      standing: {
        kind: "relative",
        permissions: relationship.permissions as RelativePermission[],
        validUntil: relationship.validUntil,
        endedAt: relationship.endedAt,
      },
      role: "RELATIVE",
      serviceAreaId: null,
    });
  }
  const staff = actor.staff;
  if (staff && staff.municipalityId === citizen.municipalityId && staff.serviceAreaIds.length > 0) {
    const consents = await tx.consent.findMany({
      where: { citizenId, serviceAreaId: { in: [...staff.serviceAreaIds] } },
      select: CONSENT_FIELDS,
    });
    positions.push(...staffPositions(staff.serviceAreaIds, consents));
  }
  if (positions.length === 0) {
    // signed in, but nothing to do with this record: another citizen, a relative of someone else, staff elsewhere
    const role = staff ? "STAFF" : actor.citizenId ? "CITIZEN" : "RELATIVE";
    positions.push({ standing: { kind: "none" }, role, serviceAreaId: null });
  }
  return { exists: true, positions };
}

import "server-only";
import type { AttorneyGrant, AttorneyRight, ConsentGrant, NeedToKnow, Part, RelativePermission, Standing } from "@/lib/access/policy";
import type { Tx } from "./tx";
import type { Actor } from "./actor";

/**
 * One way an actor stands toward a record, with what the log needs to say about it: the role, the area, and
 * the actor's name as it is now (kept in the log row, so nobody can relabel their past entries by renaming).
 */
export type Position = {
  standing: Standing;
  role: "CITIZEN" | "RELATIVE" | "PROXY" | "STAFF" | "ANONYMOUS";
  serviceAreaId: string | null;
  name: string | null;
};

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

/** A caseworker's positions toward one record: one per area of theirs, with that area's consents and their need to know. */
function staffPositions(
  serviceAreaIds: readonly string[],
  consents: readonly ConsentRow[],
  name: string | null,
  knows: (serviceAreaId: string) => NeedToKnow | null,
): Position[] {
  return serviceAreaIds.map((serviceAreaId) => {
    const grants: ConsentGrant[] = consents
      .filter((c) => c.serviceAreaId === serviceAreaId)
      .map((c) => ({ parts: c.parts as Part[], validFrom: c.validFrom, validUntil: c.validUntil, withdrawnAt: c.withdrawnAt }));
    return {
      standing: { kind: "staff", serviceAreaId, consents: grants, knows: knows(serviceAreaId) },
      role: "STAFF",
      serviceAreaId,
      name,
    };
  });
}

/**
 * Why this caseworker needs to know about these citizens, area by area (decision 029), in one statement per
 * source: assigned for the area; holding the red thread (for whichever area: the plan is theirs to follow);
 * offered it now; or a reason stated today.
 */
async function needToKnow(tx: Tx, staffId: string, citizenIds: readonly string[], now: Date) {
  const ids = [...citizenIds];
  const [assigned, holding, offered, stated] = await Promise.all([
    tx.assignment.findMany({ where: { staffId, citizenId: { in: ids }, endedAt: null }, select: { citizenId: true, serviceAreaId: true } }),
    tx.coordination.findMany({ where: { staffId, citizenId: { in: ids } }, select: { citizenId: true } }),
    tx.handover.findMany({ where: { toStaffId: staffId, citizenId: { in: ids }, status: "OFFERED" }, select: { citizenId: true } }),
    tx.statedReason.findMany({
      where: { staffId, citizenId: { in: ids }, until: { gt: now } },
      select: { citizenId: true, serviceAreaId: true },
    }),
  ]);
  const inArea = (rows: { citizenId: string; serviceAreaId: string }[], citizenId: string, serviceAreaId: string) =>
    rows.some((r) => r.citizenId === citizenId && r.serviceAreaId === serviceAreaId);
  return (citizenId: string) =>
    (serviceAreaId: string): NeedToKnow | null =>
      inArea(assigned, citizenId, serviceAreaId)
        ? "assigned"
        : holding.some((h) => h.citizenId === citizenId)
          ? "red-thread"
          : offered.some((h) => h.citizenId === citizenId)
            ? "handover"
            : inArea(stated, citizenId, serviceAreaId)
              ? "stated-reason"
              : null;
}

/** A caseworker's name as the staff directory has it now. */
const staffName = async (tx: Tx, staffId: string) =>
  (await tx.staffMember.findUnique({ where: { id: staffId }, select: { name: true } }))?.name ?? null;

/**
 * A caseworker's positions toward many records at once (their work list), in
 * two statements: the citizens of their municipality among `citizenIds`, and
 * their areas' consents. Citizens elsewhere are simply absent.
 */
export async function resolveStaffPositionsMany(
  tx: Tx,
  actor: Actor,
  citizenIds: readonly string[],
  now: Date,
): Promise<Map<string, Position[]>> {
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
  const name = await staffName(tx, staff.staffId);
  const knows = await needToKnow(
    tx,
    staff.staffId,
    citizens.map((c) => c.id),
    now,
  );
  for (const c of citizens)
    out.set(
      c.id,
      staffPositions(
        staff.serviceAreaIds,
        consents.filter((k) => k.citizenId === c.id),
        name,
        knows(c.id),
      ),
    );
  return out;
}

/**
 * Every way `actor` stands toward the record of `citizenId`, read fresh from the
 * database: as the citizen, as a relative, as staff of each of their areas (with
 * that area's consents). `exists` is false when there is no such record in reach.
 */
export async function resolvePositions(
  tx: Tx,
  actor: Actor,
  citizenId: string,
  now = new Date(),
): Promise<{ exists: boolean; positions: Position[] }> {
  const citizen = await tx.citizen.findUnique({ where: { id: citizenId }, select: { id: true, municipalityId: true } });
  if (!citizen) return { exists: false, positions: [] };
  if (actor.kind === "anonymous")
    return { exists: true, positions: [{ standing: { kind: "none" }, role: "ANONYMOUS", serviceAreaId: null, name: null }] };
  if (actor.citizenId === citizenId)
    return { exists: true, positions: [{ standing: { kind: "self" }, role: "CITIZEN", serviceAreaId: null, name: null }] };

  const positions: Position[] = [];
  // acting for the citizen under a power of attorney comes first: what is done under it is logged as done for them
  const powers = await tx.powerOfAttorney.findMany({
    where: { citizenId, holderUserId: actor.userId },
    orderBy: { validFrom: "desc" },
    select: { rights: true, validFrom: true, validUntil: true, endedAt: true, holderName: true },
  });
  if (powers.length) {
    const grants: AttorneyGrant[] = powers.map((p) => ({
      rights: p.rights as AttorneyRight[],
      validFrom: p.validFrom,
      validUntil: p.validUntil,
      endedAt: p.endedAt,
    }));
    // named as the power names them ("Mette, for you")
    positions.push({ standing: { kind: "attorney", grants }, role: "PROXY", serviceAreaId: null, name: powers[0]!.holderName });
  }
  const relationship = await tx.relationship.findUnique({
    where: { citizenId_userId: { citizenId, userId: actor.userId } },
    select: {
      permissions: true,
      validUntil: true,
      endedAt: true,
      networkMember: { select: { name: true } },
      user: { select: { name: true } },
    },
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
      // the name the citizen knows them by, else the name their account was made with (never renamed)
      name: relationship.networkMember?.name || relationship.user.name || null,
    });
  }
  const staff = actor.staff;
  if (staff && staff.municipalityId === citizen.municipalityId && staff.serviceAreaIds.length > 0) {
    const consents = await tx.consent.findMany({
      where: { citizenId, serviceAreaId: { in: [...staff.serviceAreaIds] } },
      select: CONSENT_FIELDS,
    });
    const knows = await needToKnow(tx, staff.staffId, [citizenId], now);
    positions.push(...staffPositions(staff.serviceAreaIds, consents, await staffName(tx, staff.staffId), knows(citizenId)));
  }
  if (positions.length === 0) {
    // signed in, but nothing to do with this record: another citizen, a relative of someone else, staff elsewhere
    const role = staff ? "STAFF" : actor.citizenId ? "CITIZEN" : "RELATIVE";
    positions.push({ standing: { kind: "none" }, role, serviceAreaId: null, name: null });
  }
  return { exists: true, positions };
}

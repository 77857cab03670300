import "server-only";
import { decide, type Part } from "@/lib/access/policy";
import { consentInForceWhere, relationshipActiveWhere } from "@/lib/access/in-force";
import type { RelativePermission } from "@/lib/access/policy";
import type { Tx } from "@/lib/record/tx";
import { coveringAreas, holders } from "@/lib/red-thread/holder";
import { CONSENT_FIELDS } from "@/lib/record/standing";

/**
 * Who is told, found in the transaction of the change (so it is who they are at
 * that moment): user ids, never names. A caseworker who has never signed in has
 * no account yet and cannot be told; the area lead is told instead where it matters.
 */

/** The citizen's own account, if they have signed in (a plan started with a caseworker may not have one yet). */
export async function citizenUser(tx: Tx, citizenId: string): Promise<string | null> {
  const row = await tx.citizen.findUnique({ where: { id: citizenId }, select: { userId: true } });
  return row?.userId ?? null;
}

/** The coordinator's account, while their holding of the red thread is in force. */
export async function coordinatorUser(tx: Tx, citizenId: string, now: Date): Promise<string | null> {
  const holder = (await holders(tx, [citizenId], now)).get(citizenId);
  if (!holder?.inForce) return null;
  const staff = await tx.staffMember.findUnique({ where: { id: holder.staffId }, select: { userId: true } });
  return staff?.userId ?? null;
}

/** The account of one caseworker. */
export async function staffUser(tx: Tx, staffId: string): Promise<string | null> {
  return (await tx.staffMember.findUnique({ where: { id: staffId }, select: { userId: true } }))?.userId ?? null;
}

export async function leadsOfAreas(tx: Tx, areaIds: readonly string[]): Promise<string[]> {
  if (areaIds.length === 0) return [];
  const leads = await tx.staffArea.findMany({
    where: { serviceAreaId: { in: [...areaIds] }, isLead: true, staff: { userId: { not: null } } },
    select: { staff: { select: { userId: true } } },
  });
  return leads.flatMap((l) => (l.staff.userId ? [l.staff.userId] : []));
}

/**
 * Who answers a new "contact me": the coordinator, while their holding is in
 * force; without one, the caseworkers assigned for an area whose consent lets it
 * answer, or, with nobody assigned, those areas' leads, so no request waits unseen.
 */
export async function contactAnswerers(tx: Tx, citizenId: string, now: Date): Promise<string[]> {
  const coordinator = await coordinatorUser(tx, citizenId, now);
  if (coordinator) return [coordinator];
  // the areas whose consents in force, together, let them answer: see the request and write down the agreement
  const consents = await tx.consent.findMany({ where: { citizenId, ...consentInForceWhere(now) }, select: CONSENT_FIELDS });
  const areaIds = [...coveringAreas(consents, now, ["CONTACT_REQUESTS", "AGREEMENTS"])].map((key) => key.split(":")[1]!);
  if (areaIds.length === 0) return [];
  const assigned = await tx.assignment.findMany({
    where: { citizenId, endedAt: null, serviceAreaId: { in: areaIds }, staff: { userId: { not: null } } },
    select: { staff: { select: { userId: true } } },
  });
  const users = assigned.flatMap((a) => (a.staff.userId ? [a.staff.userId] : []));
  return users.length ? users : leadsOfAreas(tx, areaIds);
}

/** The relatives whose access in force lets them read `part` now: the policy decides, as for a page. */
export async function relativesWhoMayRead(tx: Tx, citizenId: string, part: Part, now: Date): Promise<string[]> {
  const rows = await tx.relationship.findMany({
    where: { citizenId, ...relationshipActiveWhere(now) },
    select: { userId: true, permissions: true, validUntil: true, endedAt: true },
  });
  return rows
    .filter(
      (r) =>
        decide(
          { kind: "relative", permissions: r.permissions as RelativePermission[], validUntil: r.validUntil, endedAt: r.endedAt },
          "READ",
          part,
          now,
        ).allow,
    )
    .map((r) => r.userId);
}

import "server-only";
import type { Part } from "@/lib/access/policy";
import { consentInForce } from "@/lib/access/in-force";
import { COORDINATOR_PARTS } from "@/lib/access/operations";
import type { Tx } from "@/lib/record/tx";
import { CONSENT_FIELDS, type ConsentRow } from "@/lib/record/standing";

/**
 * The areas whose consents in force, taken together (as the policy takes them), let them do a coordinator's
 * work (or, with `parts`, those parts): a consent given in the app and another recorded on a visit add up.
 */
export function coveringAreas(consents: readonly ConsentRow[], now: Date, parts: readonly Part[] = COORDINATOR_PARTS): Set<string> {
  const granted = new Map<string, Set<string>>();
  for (const c of consents)
    if (consentInForce(c, now)) {
      const key = `${c.citizenId}:${c.serviceAreaId}`;
      const set = granted.get(key) ?? new Set<string>();
      for (const p of c.parts) set.add(p);
      granted.set(key, set);
    }
  return new Set([...granted].filter(([, set]) => parts.every((p) => set.has(p))).map(([key]) => key));
}
/** Whether `areaId`'s consents in force for `citizenId`, together, cover `parts`. */
export const areaCovers = (consents: readonly ConsentRow[], citizenId: string, areaId: string, now: Date, parts?: readonly Part[]) =>
  coveringAreas(consents, now, parts).has(`${citizenId}:${areaId}`);

/**
 * `areaKey`: the one area the holder holds the red thread for (the area they
 * took it up or accepted it through), never all of theirs: which areas help a
 * citizen is itself sensitive. `phone` and `hours`: their direct line, as they
 * wrote it on their staff profile (empty: not given).
 */
export type Holder = { staffId: string; name: string; areaKey: string | null; phone: string; hours: string; inForce: boolean };

/**
 * Who holds the red thread for each of `citizenIds`, in two statements, and
 * whether the holding is in force: whether the area they hold it for still has
 * a consent that lets them do the work. A holder whose area lost the citizen's
 * consent holds nothing any more: someone whose area may can take it up, so a
 * request for contact is never left with nobody to answer it. A holding from
 * before the area was kept is for the first of the holder's areas whose
 * consent lets them (the migration chose the same).
 */
export async function holders(tx: Tx, citizenIds: readonly string[], now: Date): Promise<Map<string, Holder>> {
  const out = new Map<string, Holder>();
  if (citizenIds.length === 0) return out;
  const rows = await tx.coordination.findMany({
    where: { citizenId: { in: [...citizenIds] } },
    select: {
      citizenId: true,
      serviceAreaId: true,
      staff: {
        select: {
          id: true,
          name: true,
          phone: true,
          hours: true,
          areas: {
            orderBy: [{ since: "asc" }, { serviceAreaId: "asc" }],
            select: { serviceAreaId: true, serviceArea: { select: { key: true } } },
          },
        },
      },
    },
  });
  if (rows.length === 0) return out;
  const consents = await tx.consent.findMany({ where: { citizenId: { in: rows.map((r) => r.citizenId) } }, select: CONSENT_FIELDS });
  for (const r of rows) {
    const coveredBy = (areaId: string) => areaCovers(consents, r.citizenId, areaId, now);
    const held = r.serviceAreaId
      ? r.staff.areas.find((a) => a.serviceAreaId === r.serviceAreaId)
      : (r.staff.areas.find((a) => coveredBy(a.serviceAreaId)) ?? r.staff.areas[0]);
    out.set(r.citizenId, {
      staffId: r.staff.id,
      name: r.staff.name,
      areaKey: held?.serviceArea.key ?? null,
      phone: r.staff.phone,
      hours: r.staff.hours,
      // held for an area they no longer work in, or whose consent lapsed: held for nothing
      inForce: held ? coveredBy(held.serviceAreaId) : false,
    });
  }
  return out;
}

/**
 * Who answers "contact me": the coordinator, while their holding is in force;
 * when nobody holds the red thread in force, any caseworker whose area may.
 */
export const answersContact = (holder: Holder | undefined, staffId: string) => (holder?.inForce ? holder.staffId === staffId : true);

/** Whether any area may answer "contact me" for this citizen now (see, and write down the agreement). */
export async function someoneCanAnswer(tx: Tx, citizenId: string, now: Date): Promise<boolean> {
  const consents = await tx.consent.findMany({ where: { citizenId }, select: CONSENT_FIELDS });
  return coveringAreas(consents, now, ["CONTACT_REQUESTS", "AGREEMENTS"]).size > 0;
}

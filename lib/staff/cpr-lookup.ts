import "server-only";
import { directoryDb } from "@/lib/db/directory";
import { env } from "@/lib/env";
import { throughGate } from "@/lib/record/gate";
import type { Actor } from "@/lib/record/actor";
import { recordFailure, type Limit } from "@/lib/security/attempts";
import { fieldErrors } from "@/lib/validation/result";
import { isStaff } from "./caseload";
import { cprHash, cprLookupSchema, type CprLookupPurpose } from "./cpr";
import type { OneOperationName } from "@/lib/access/operations";

/** Every lookup counts, found or not: one caseworker may look up this many numbers per 10 minutes. */
export const CPR_LOOKUPS_PER_WINDOW = 30;
export const CPR_LOOKUP_LIMIT = (staffId: string): Limit => ({
  key: `cpr-lookup:${staffId}`,
  max: CPR_LOOKUPS_PER_WINDOW,
  windowSeconds: 600,
});

/** The gate's operation for each purpose: the citizen's log says why they were looked up. */
const LOOKUP: Record<CprLookupPurpose, OneOperationName> = {
  CITIZEN_CONTACTED: "citizen.find-by-cpr.contacted",
  REFERRAL: "citizen.find-by-cpr.referral",
  MEETING: "citizen.find-by-cpr.meeting",
};

/** Whom a lookup found: the name only; `inMyAreas` says whether the caseworker's areas already work with them (their page opens). */
export type CprFound = { citizenId: string; name: string; inMyAreas: boolean };

export type CprLookupResult =
  | { ok: true; value: CprFound | null }
  | { ok: false; error: "invalid"; fieldErrors: Record<string, string[]> }
  | { ok: false; error: "not-found" }
  | { ok: false; error: "throttled" };

/**
 * An exact CPR-number lookup by a caseworker, among the citizens of their own
 * municipality, for a purpose from a short list. The number is hashed at once
 * and never kept, returned, logged or put in an address; what is stored is the
 * keyed hash. A found citizen is an access to their record, so it goes through
 * the gate and is logged with the purpose (CONSENTS, ASK, "cpr-lookup-…":
 * looking someone up is the first step of asking). Nobody found is `null`, and
 * kept on the staff side (who, when, why; never the number), where the area's
 * leads see it. Every lookup counts against the caseworker's limit. Anyone but
 * staff: not found.
 */
export async function lookupByCpr(actor: Actor, input: unknown, now = new Date()): Promise<CprLookupResult> {
  if (!isStaff(actor)) return { ok: false, error: "not-found" };
  const parsed = cprLookupSchema.safeParse(input);
  if (!parsed.success) return { ok: false, error: "invalid", fieldErrors: fieldErrors(parsed.error) };
  const limit = CPR_LOOKUP_LIMIT(actor.staff.staffId);
  // counted first and refused on the count the upsert returns: parallel lookups cannot slip past a check
  if ((await recordFailure(limit, now)) > limit.max) return { ok: false, error: "throttled" };

  const hash = cprHash(parsed.data.cpr, env().CPR_HASH_KEY);
  const citizen = await directoryDb().citizen.findUnique({
    where: { municipalityId_cprHash: { municipalityId: actor.staff.municipalityId, cprHash: hash } },
    select: { id: true },
  });
  const nobody = async (): Promise<CprLookupResult> => {
    await directoryDb().cprLookupMiss.create({
      data: {
        staffId: actor.staff.staffId,
        municipalityId: actor.staff.municipalityId,
        serviceAreaIds: [...actor.staff.serviceAreaIds],
        purpose: parsed.data.purpose,
        at: now,
      },
    });
    return { ok: true, value: null };
  };
  if (!citizen) return nobody();

  const areas = [...actor.staff.serviceAreaIds];
  const found = await throughGate(actor, citizen.id, LOOKUP[parsed.data.purpose], async ({ tx, citizenId }) => {
    const row = await tx.citizen.findUniqueOrThrow({ where: { id: citizenId }, select: { name: true } });
    const working = await tx.assignment.count({ where: { citizenId, serviceAreaId: { in: areas }, endedAt: null } });
    return { citizenId, name: row.name, inMyAreas: working > 0 };
  });
  // a caseworker the gate turns away (no area of theirs) finds nobody, like anyone else (the gate logged the refusal)
  return found.ok ? { ok: true, value: found.value } : { ok: true, value: null };
}

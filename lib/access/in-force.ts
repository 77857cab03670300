/**
 * When a consent is in force, and when a relative's access is: one rule each,
 * written twice side by side — as a TypeScript predicate (what the policy,
 * lib/access/policy.ts, decides access with) and as a Prisma `where` (what
 * queries filter rows with). The predicate is the rule; the filter must pick
 * exactly the rows the predicate accepts, which
 * tests/integration/in-force.int.test.ts checks against PostgreSQL for every
 * combination of the dates (null, past, exactly now, future).
 *
 * Pure: no I/O, no database client, safe anywhere. Every function takes `now`;
 * nothing here reads the clock.
 *
 * The filters are plain objects with a single `AND` key, so they can be spread
 * into a `where` that has no `AND` of its own (`{ citizenId, ...consentInForceWhere(now) }`),
 * or put inside one (`AND: [consentInForceWhere(now), …]`).
 */

/** The dates of a consent, as stored (never a boolean, so its history survives). */
export type ConsentDates = { validFrom: Date; validUntil: Date | null; withdrawnAt: Date | null };
export type ConsentState = "active" | "withdrawn" | "not-started" | "expired";

/**
 * The state of one consent at `now`. A consent is in force ("active") from
 * `validFrom` inclusive, until `validUntil` exclusive (none: no end), unless it
 * was withdrawn at or before `now` (a withdrawal dated later has not happened
 * yet). When it is not in force, the reason: withdrawn beats not started beats
 * expired.
 */
export function consentState(c: ConsentDates, now: Date): ConsentState {
  if (c.withdrawnAt && c.withdrawnAt <= now) return "withdrawn";
  if (c.validFrom > now) return "not-started";
  if (c.validUntil && c.validUntil <= now) return "expired";
  return "active";
}

/** Whether a consent is in force at `now` (see `consentState`). */
export const consentInForce = (c: ConsentDates, now: Date): boolean => consentState(c, now) === "active";

/** The database form of `consentInForce`: consents in force at `now`. */
export const consentInForceWhere = (now: Date) => ({
  AND: [
    { validFrom: { lte: now } },
    { OR: [{ validUntil: null }, { validUntil: { gt: now } }] },
    { OR: [{ withdrawnAt: null }, { withdrawnAt: { gt: now } }] },
  ],
});

/** The dates of a relative's access, as stored. */
export type RelationshipDates = { endedAt: Date | null; validUntil: Date | null };

/**
 * Whether a relative's access is in force at `now`: until `validUntil`
 * exclusive (none: no end, the date the citizen chose), unless the citizen
 * ended it at or before `now`. It begins when the invitation is accepted, when
 * the row is written (`startedAt`), so the rule has no start date to check.
 */
export function relationshipActive(r: RelationshipDates, now: Date): boolean {
  return !(r.endedAt && r.endedAt <= now) && !(r.validUntil && r.validUntil <= now);
}

/** The database form of `relationshipActive`: relationships in force at `now`. */
export const relationshipActiveWhere = (now: Date) => ({
  AND: [{ OR: [{ endedAt: null }, { endedAt: { gt: now } }] }, { OR: [{ validUntil: null }, { validUntil: { gt: now } }] }],
});

/**
 * The database form of `relationshipActive` (lib/access/policy.ts): a
 * relationship not ended and not run out at `now`. Keep the two in step.
 */
export const activeRelationshipWhere = (now: Date) => ({ endedAt: null, OR: [{ validUntil: null }, { validUntil: { gt: now } }] });

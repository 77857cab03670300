/** A visit lasts this long: reloading the plan within it shows the same "new since last time". */
export const VISIT_GAP_MS = 60 * 60 * 1000;

/**
 * Where the citizen is in their reading, when they open their plan at `now`:
 * a new visit begins unless one began within the hour. `since` is when the
 * visit before began (null on a first visit: nothing is new yet); `begin` says
 * whether to record the new visit.
 */
export function visitAt(now: Date, lastVisitAt: Date | null, previousVisitAt: Date | null): { since: Date | null; begin: boolean } {
  if (lastVisitAt && now.getTime() - lastVisitAt.getTime() < VISIT_GAP_MS) return { since: previousVisitAt, begin: false };
  return { since: lastVisitAt, begin: true };
}

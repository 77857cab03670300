import "server-only";
import { systemDb } from "@/lib/db/system";
import type { Db } from "@/lib/db/connect";

/** Where a count is kept: the system door, or a transaction already open (the record gate counts refusals in its own). */
type Counter = Pick<Db, "$queryRaw" | "attemptWindow">;

/**
 * Throttling in PostgreSQL, so a limit holds however many app servers there
 * are: fixed windows of `windowSeconds`, a counter per key and window. Every
 * try is counted before the decision is made on the count (`tryCounted`,
 * `recordFailure`), so parallel tries cannot all slip past a separate check.
 */
export type Limit = { key: string; max: number; windowSeconds: number };

const windowStart = (now: Date, seconds: number) => new Date(Math.floor(now.getTime() / (seconds * 1000)) * seconds * 1000);

/**
 * Counts one failure in the current window (one atomic upsert) and returns the
 * window's count with it, so a caller that counts every try can refuse on that
 * number: parallel tries cannot all slip past a separate check. A new window
 * sweeps away day-old ones.
 */
export async function recordFailure({ key, windowSeconds }: Limit, now = new Date(), client: Counter = systemDb()): Promise<number> {
  const start = windowStart(now, windowSeconds);
  const [row] = await client.$queryRaw<{ count: number }[]>`
    INSERT INTO "AttemptWindow" (key, "windowStart", count) VALUES (${key}, ${start.toISOString()}::timestamptz AT TIME ZONE 'UTC', 1)
    ON CONFLICT (key, "windowStart") DO UPDATE SET count = "AttemptWindow".count + 1
    RETURNING count`;
  if (row?.count === 1) await forgetOldWindows(now, client);
  return row?.count ?? 1;
}

/**
 * Counts a try before it is made, and says whether it may go ahead: count first, then decide on the count, so
 * parallel tries cannot all pass a check made before any of them was counted. A try that turns out well is
 * given back with `forgive`, so the people a link is meant for never run out of tries.
 */
export async function tryCounted(limit: Limit, now = new Date()): Promise<boolean> {
  return (await recordFailure(limit, now)) <= limit.max;
}

/** Gives back one try counted by `tryCounted` that turned out well. */
export async function forgive({ key, windowSeconds }: Limit, now = new Date()): Promise<void> {
  await systemDb().attemptWindow.updateMany({
    where: { key, windowStart: windowStart(now, windowSeconds), count: { gt: 0 } },
    data: { count: { decrement: 1 } },
  });
}

/** Old windows are of no use: drop those that ended more than a day ago. */
export async function forgetOldWindows(now = new Date(), client: Counter = systemDb()): Promise<void> {
  await client.attemptWindow.deleteMany({ where: { windowStart: { lt: new Date(now.getTime() - 86_400_000) } } });
}

import "server-only";
import { systemDb } from "@/lib/db/system";

/**
 * Throttling in PostgreSQL, so a limit holds however many app servers there
 * are: fixed windows of `windowSeconds`, a counter per key and window. A caller
 * asks `throttled(key)` before it tries, and records each failure; successes
 * cost nothing, so the people a link is meant for never run out of tries.
 */
export type Limit = { key: string; max: number; windowSeconds: number };

const windowStart = (now: Date, seconds: number) => new Date(Math.floor(now.getTime() / (seconds * 1000)) * seconds * 1000);

export async function throttled({ key, max, windowSeconds }: Limit, now = new Date()): Promise<boolean> {
  const row = await systemDb().attemptWindow.findUnique({
    where: { key_windowStart: { key, windowStart: windowStart(now, windowSeconds) } },
    select: { count: true },
  });
  return (row?.count ?? 0) >= max;
}

/**
 * Counts one failure in the current window (one atomic upsert) and returns the
 * window's count with it, so a caller that counts every try can refuse on that
 * number: parallel tries cannot all slip past a separate check. A new window
 * sweeps away day-old ones.
 */
export async function recordFailure({ key, windowSeconds }: Limit, now = new Date()): Promise<number> {
  const start = windowStart(now, windowSeconds);
  const [row] = await systemDb().$queryRaw<{ count: number }[]>`
    INSERT INTO "AttemptWindow" (key, "windowStart", count) VALUES (${key}, ${start.toISOString()}::timestamptz AT TIME ZONE 'UTC', 1)
    ON CONFLICT (key, "windowStart") DO UPDATE SET count = "AttemptWindow".count + 1
    RETURNING count`;
  if (row?.count === 1) await forgetOldWindows(now);
  return row?.count ?? 1;
}

/** Old windows are of no use: drop those that ended more than a day ago. */
export async function forgetOldWindows(now = new Date()): Promise<void> {
  await systemDb().attemptWindow.deleteMany({ where: { windowStart: { lt: new Date(now.getTime() - 86_400_000) } } });
}

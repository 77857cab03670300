import "server-only";
import { PgBoss, type Job, type JobResult } from "pg-boss";
import { env } from "@/lib/env";

/**
 * The job queue: pg-boss 12 in its own schema of the same PostgreSQL
 * (docs/decisions/023-notifications-through-an-outbox.md). One job per
 * delivery; failed jobs are retried with a doubling wait, and a job whose
 * retries are spent lands in the dead-letter queue, where the worker marks the
 * delivery dead for an operator to see.
 */
export const DELIVER = "notify-deliver";
export const DEAD = "notify-dead";

/** How long a job may run before it counts as failed, and how often a running job says it is alive. */
const EXPIRE_SECONDS = 300;
const HEARTBEAT_SECONDS = 10;

export function newBoss(url = env().DATABASE_URL, max = 6) {
  return new PgBoss({
    connectionString: url,
    schema: "pgboss",
    // the owner makes the schema at every deploy (scripts/db.mjs: grantApp); the app's role may not make schemas
    createSchema: false,
    max,
    application_name: "tell-it-once-worker",
    // a worker that dies mid-job is noticed by its missing heartbeat within about this long
    monitorIntervalSeconds: 5,
    superviseIntervalSeconds: 5,
    useListenNotify: true,
  });
}

/** Jobs a worker's loop takes at once: while every fetch comes back full, the loop fetches again at once (a backlog). */
const BATCH_SIZE = 5;

/**
 * How a worker takes delivery jobs: `loops` fetch loops, each taking up to five
 * jobs and delivering them side by side, each settled on its own (one failing
 * retries alone). The raw queue in bench/notify.ts uses the same, so the two
 * compare like with like.
 */
export const deliverWork = (loops: number) =>
  ({
    batchSize: BATCH_SIZE,
    perJobResults: true,
    localConcurrency: loops,
    pollingIntervalSeconds: 1,
    notifyPollingIntervalSeconds: 2,
  }) as const;

export async function settleEach<T>(jobs: Job<T>[], handle: (data: T) => Promise<unknown>): Promise<JobResult[]> {
  const outcomes = await Promise.allSettled(jobs.map((job) => handle(job.data)));
  return outcomes.map((o, i) => ({
    id: jobs[i]!.id,
    status: o.status === "fulfilled" ? "completed" : "failed",
    // the reason only: our errors name no address and no text
    output: o.status === "rejected" ? { message: o.reason instanceof Error ? o.reason.message : String(o.reason) } : undefined,
  }));
}

/** Creates the queues (or brings their settings up to date): safe to run at every start, by every worker. */
export async function ensureQueues(boss: PgBoss) {
  const e = env();
  const retry = {
    retryLimit: e.NOTIFY_RETRY_LIMIT,
    retryDelay: e.NOTIFY_RETRY_DELAY_SECONDS,
    retryBackoff: true,
    retryDelayMax: 3600,
    expireInSeconds: EXPIRE_SECONDS,
    heartbeatSeconds: HEARTBEAT_SECONDS,
  };
  for (const [name, options] of [
    [DEAD, { retryLimit: 10, retryDelay: 60, retryBackoff: true, notify: true }],
    [DELIVER, { ...retry, deadLetter: DEAD, notify: true }],
  ] as const) {
    const existing = await boss.getQueue(name);
    if (existing) await boss.updateQueue(name, options);
    else await boss.createQueue(name, options);
  }
}

// Telling people, under load (issue 13): outbox throughput and delivery latency
// for BENCH_EVENTS notifications (10 000) with two workers, beside the raw queue
// (pg-boss alone, the same mail sent by the same code) in the same run; and the
// latency when the queue is not backlogged (200 events at 20/s, workers idle).
// Usage: npm run bench -- notify
//   BENCH_EVENTS=N          notifications (and raw jobs) in the backlog runs
//   BENCH_CONCURRENCY=N     deliveries at a time per worker (default 4, as `npm run worker`)
//   BENCH_MAX_SECONDS=N     how long a backlog run may take before it is cut off and said so
//
// The workers are child processes, two of them, each `scripts/worker.ts` as
// production runs it (`npm run worker`): two workers in one process would share
// one event loop and one core, which is not what "two workers" means on a
// server. The raw queue's workers are child processes too (this file, started
// as `raw-worker`), with the same pg-boss settings and work options, so the two
// paths differ only in what the outbox adds: the Notification row, the relay,
// the delivery row and its statuses, the settings read.
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const RAW = "bench-raw-mail";
const EVENTS = Number(process.env.BENCH_EVENTS ?? 10_000);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 4);
const MAX_SECONDS = Number(process.env.BENCH_MAX_SECONDS ?? 240);
const RECIPIENTS = 100;
const BATCH = 100; // notifications per transaction, as a busy gate might write them
const STEADY = { events: 200, perSecond: 20 };
const TARGET = { perSecond: 200, p99Ms: 5000 };

if (process.argv[2] === "raw-worker") await rawWorker();
else await main();

/** The raw queue's worker: pg-boss with the app's settings, a handler that sends the same mail through lib/mail. */
async function rawWorker() {
  const { newBoss } = await import("../lib/notify/queue");
  const { sendMail } = await import("../lib/mail/send");
  const { links, mailFor } = await import("../lib/notify/texts");
  const boss = newBoss(process.env.DATABASE_URL!);
  boss.on("error", (e) => console.error(`[raw-worker] queue: ${e.message}`));
  await boss.start();
  // the work options of lib/notify/worker.ts, copied by hand: keep them in step
  await boss.work<{ to: string; userId: string; key: string }>(
    RAW,
    { localConcurrency: CONCURRENCY, pollingIntervalSeconds: 1, notifyPollingIntervalSeconds: 2 },
    async ([job]) => {
      const { to, userId, key } = job!.data;
      const l = links("da", "/plan", userId, "EMAIL");
      await sendMail({ ...mailFor("message", "da", to, l), key, oneClickStop: l.oneClickUrl });
    },
  );
  console.log("[raw-worker] started");
  process.on("SIGTERM", () => void boss.stop({ graceful: true, timeout: 10_000 }).then(() => process.exit(0)));
}

async function main() {
  const { startEmbedded } = await import("../scripts/embedded-db.mjs");
  const { deploy } = await import("../scripts/db.mjs");
  const { startSmtpServer } = await import("../tests/smtp/server.mjs");

  // a database of its own: pg-boss's schema starts empty and no earlier run's rows are counted
  const cluster = await startEmbedded({ name: "bench", database: `bench_notify_${Date.now()}` });
  const smtp = await startSmtpServer();
  const children: ChildProcess[] = [];
  try {
    deploy(cluster.url, { quiet: true });
    // before anything reads lib/env: the workers inherit this, and the main process counts statements with it
    Object.assign(process.env, {
      DATABASE_URL: cluster.url,
      SMTP_HOST: "127.0.0.1",
      SMTP_PORT: String(smtp.port),
      SMTP_SECURITY: "none",
      MAIL_FROM: "Fortæl det én gang <noreply@solbjerg.test>",
      APP_URL: "https://fortael.solbjerg.test",
      AUTH_SECRET: "bench-auth-secret-0123456789abcdefghijklm",
      CPR_HASH_KEY: "bench-cpr-hash-key-0123456789abcdefghijk",
      NOTIFY_SWEEP_SECONDS: "3600", // nothing comes due by itself here; keep the sweep out of the figures
      WORKER_CONCURRENCY: String(CONCURRENCY),
    });
    const { connect } = await import("../lib/db/connect");
    let counting = false;
    let statements: string[] = [];
    const db = connect(cluster.url, { max: 10, onQuery: (sql) => counting && statements.push(sql) });
    (globalThis as { __db?: unknown }).__db = db; // lib/ code in this process uses it, so its statements are counted
    const { writeOutbox } = await import("../lib/notify/outbox");
    const { newBoss, ensureQueues } = await import("../lib/notify/queue");
    const raw = new pg.Pool({ connectionString: cluster.url, max: 4 });

    // people who want mail at once: a confirmed address, no quiet hours, no digest, no push or SMS
    const users = Array.from({ length: RECIPIENTS }, (_, i) => ({
      id: crypto.randomUUID(),
      name: `Modtager ${i}`,
      email: `modtager-${i}@bench.test`,
      emailVerified: true,
    }));
    await db.user.createMany({ data: users });
    await db.notificationSettings.createMany({
      data: users.map((u) => ({ userId: u.id, email: true, sms: false, push: false, quietFrom: 0, quietTo: 0 })),
    });

    // the main process's own pg-boss: creates the queues and inserts the raw jobs; it works no jobs
    const boss = newBoss(cluster.url, 4);
    boss.on("error", (e) => console.error(`[bench] queue: ${e.message}`));
    await boss.start();
    await ensureQueues(boss);
    // the raw queue gets the delivery queue's settings (retries, expiry, heartbeat, notify), without its dead-letter queue
    const q = (await boss.getQueue("notify-deliver"))!;
    await boss.createQueue(RAW, {
      retryLimit: q.retryLimit,
      retryDelay: q.retryDelay,
      retryBackoff: q.retryBackoff,
      retryDelayMax: q.retryDelayMax,
      expireInSeconds: q.expireInSeconds,
      heartbeatSeconds: q.heartbeatSeconds,
      notify: true,
    });

    const startWorkers = async (args: string[], ready: RegExp) => {
      const started = await Promise.all(
        [0, 1].map(
          () =>
            new Promise<ChildProcess>((resolve, reject) => {
              const child = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", ...args], {
                cwd: ROOT,
                env: process.env,
                stdio: ["ignore", "pipe", "inherit"],
              });
              children.push(child);
              child.once("exit", (code) => reject(new Error(`a worker exited (${code}) before it started`)));
              child.stdout!.setEncoding("utf8");
              child.stdout!.on("data", (text: string) => {
                for (const line of text.split("\n").filter(Boolean)) {
                  if (ready.test(line)) resolve(child);
                  // what a worker says besides starting is a problem worth seeing (it logs counts and reasons only)
                  else if (!/Node\.js|stopping/.test(line)) console.error(line);
                }
              });
            }),
        ),
      );
      return async () => {
        await Promise.all(
          started.map(
            (child) =>
              new Promise((resolve) => {
                child.removeAllListeners("exit");
                child.once("exit", resolve);
                child.kill("SIGTERM");
              }),
          ),
        );
        children.length = 0;
      };
    };

    // --- the raw queue: pg-boss jobs straight in, the same mail out ---
    const user = (i: number) => users[i % RECIPIENTS]!;
    const rawJob = (i: number, run: string) => ({
      data: { to: user(i).email, userId: user(i).id, key: `${run}:${i}:EMAIL` },
    });
    const rawFigures = async (run: string, n: number, t0: number) =>
      figures(
        (
          await raw.query<{ created: Date; done: Date | null }>(
            `SELECT created_on AS created, completed_on AS done FROM pgboss.job WHERE name = $1 AND data->>'key' LIKE $2`,
            [RAW, `${run}:%`],
          )
        ).rows,
        n,
        t0,
      );
    const untilRaw = (run: string, n: number) =>
      until(async () => {
        const { rows } = await raw.query<{ n: number }>(
          `SELECT count(*)::int AS n FROM pgboss.job WHERE name = $1 AND state = 'completed' AND data->>'key' LIKE $2`,
          [RAW, `${run}:%`],
        );
        return rows[0]!.n >= n;
      });

    let stop = await startWorkers(["bench/notify.ts", "raw-worker"], /\[raw-worker\] started/);
    await settle();
    let t0 = Date.now();
    await steadily(STEADY, (i) => boss.insert(RAW, [rawJob(i, "raw-steady")]));
    await untilRaw("raw-steady", STEADY.events);
    const rawSteady = await rawFigures("raw-steady", STEADY.events, t0);

    t0 = Date.now();
    for (let i = 0; i < EVENTS; i += BATCH)
      await boss.insert(
        RAW,
        Array.from({ length: Math.min(BATCH, EVENTS - i) }, (_, j) => rawJob(i + j, "raw-backlog")),
      );
    const rawWritten = Date.now() - t0;
    const rawCut = await untilRaw("raw-backlog", EVENTS);
    const rawBacklog = await rawFigures("raw-backlog", EVENTS, t0);
    await stop();

    // --- the outbox: written as the gate writes it, relayed, planned and delivered by scripts/worker.ts ---
    const tells = (from: number, count: number, subjectId: string) =>
      Array.from({ length: count }, (_, j) => ({
        to: [user(from + j).id],
        kind: "message" as const,
        path: "/plan",
        subjectId, // marks the run, to find its rows afterwards
      }));
    const outboxFigures = async (subjectId: string, n: number, t0: number) =>
      figures(
        (
          await raw.query<{ created: Date; done: Date | null }>(
            `SELECT n."createdAt" AS created, d."sentAt" AS done
             FROM "Notification" n LEFT JOIN "NotificationDelivery" d ON d."notificationId" = n.id
             WHERE n."subjectId" = $1::uuid`,
            [subjectId],
          )
        ).rows,
        n,
        t0,
      );
    const untilOutbox = (subjectId: string, n: number) =>
      until(async () => {
        const { rows } = await raw.query<{ n: number }>(
          `SELECT count(*)::int AS n FROM "NotificationDelivery" d JOIN "Notification" n ON n.id = d."notificationId"
           WHERE n."subjectId" = $1::uuid AND d.status = 'SENT'`,
          [subjectId],
        );
        return rows[0]!.n >= n;
      });
    const mailsBefore = smtp.messages.length;

    stop = await startWorkers(["scripts/worker.ts"], /\[worker\] started/);
    await settle();
    const steadyRun = crypto.randomUUID();
    t0 = Date.now();
    await steadily(STEADY, (i) => db.$transaction((tx) => writeOutbox(tx, tells(i, 1, steadyRun), null)));
    await untilOutbox(steadyRun, STEADY.events);
    const outboxSteady = await outboxFigures(steadyRun, STEADY.events, t0);

    const backlogRun = crypto.randomUUID();
    t0 = Date.now();
    for (let i = 0; i < EVENTS; i += BATCH)
      await db.$transaction((tx) => writeOutbox(tx, tells(i, Math.min(BATCH, EVENTS - i), backlogRun), null));
    const outboxWritten = Date.now() - t0;
    const outboxCut = await untilOutbox(backlogRun, EVENTS);
    const outboxBacklog = await outboxFigures(backlogRun, EVENTS, t0);
    await stop();
    const mailsSent = smtp.messages.length - mailsBefore;

    // --- the statements one notification costs, in this process with the workers stopped ---
    const { relayOnce } = await import("../lib/notify/relay");
    const { deliver } = await import("../lib/notify/deliver");
    // leave nothing from a cut-off run in the outbox: the relay below must take only the one written here
    await raw.query(`UPDATE "Notification" SET "dispatchedAt" = now() WHERE "dispatchedAt" IS NULL`);
    const countRun = crypto.randomUUID();
    await db.$transaction((tx) => writeOutbox(tx, tells(0, 1, countRun), null));
    // Prisma logs COMMIT but not the BEGIN of an interactive transaction: count it
    const withBegin = (list: string[]) => list.length + (list.includes("COMMIT") && !list.includes("BEGIN") ? 1 : 0);
    counting = true;
    statements = [];
    await relayOnce(boss);
    const relayStatements = withBegin(statements);
    const relayShow = statements;
    statements = [];
    const { id: deliveryId } = await db.notificationDelivery.findFirstOrThrow({
      where: { notification: { subjectId: countRun } },
      select: { id: true },
    });
    statements = [];
    await deliver(deliveryId);
    const deliverStatements = statements.length + 1; // markSent's batch transaction: BEGIN is not logged either
    counting = false;
    if (process.env.BENCH_SHOW_SQL) console.log([...relayShow, "--", ...statements].join("\n"));

    const ms = (n: number) => (Number.isFinite(n) ? `${Math.round(n)}` : "—");
    const ratio = (a: number, b: number) => (b > 0 && Number.isFinite(a) && Number.isFinite(b) ? (a / b).toFixed(2) : "—");
    const met = (ok: boolean) => (ok ? "met" : "not met");
    console.log(
      `\nTelling people: ${EVENTS} notifications, one mail each, two workers (child processes, ${CONCURRENCY} deliveries at a time each), ` +
        `local SMTP server, embedded PostgreSQL on loopback`,
    );
    console.log("run | delivered | deliveries/s | p50 ms | p95 ms | p99 ms | max ms | ratio to raw (deliveries/s)");
    console.log("--- | --- | --- | --- | --- | --- | --- | ---");
    const row = (label: string, f: Figures, base?: Figures) =>
      console.log(
        `${label} | ${f.delivered}/${f.n} | ${f.perSecond.toFixed(1)} | ${ms(f.p50)} | ${ms(f.p95)} | ${ms(f.p99)} | ${ms(f.max)} | ${base ? ratio(f.perSecond, base.perSecond) : "1.00"}`,
      );
    row(`raw queue, ${EVENTS} jobs (baseline)`, rawBacklog);
    row(`outbox, ${EVENTS} notifications`, outboxBacklog, rawBacklog);
    row(`raw queue, ${STEADY.events} at ${STEADY.perSecond}/s (baseline)`, rawSteady);
    row(`outbox, ${STEADY.events} at ${STEADY.perSecond}/s`, outboxSteady, rawSteady);
    console.log(
      `\nWriting the backlog: outbox ${outboxWritten} ms (${EVENTS / BATCH} transactions of ${BATCH}), raw queue ${rawWritten} ms (${EVENTS / BATCH} inserts of ${BATCH}).`,
    );
    if (rawCut || outboxCut)
      console.log(
        `Cut off after ${MAX_SECONDS} s (BENCH_MAX_SECONDS): ${[rawCut && "the raw queue", outboxCut && "the outbox"].filter(Boolean).join(" and ")} ` +
          `had not delivered everything; deliveries/s counts what was delivered by then, and a percentile that falls on an undelivered one shows "—".`,
      );
    console.log(
      `Mail the SMTP server took in the outbox runs: ${mailsSent} (one per notification: ${STEADY.events + outboxBacklog.delivered}).`,
    );
    console.log("\ntarget (issue 13) | figure | ");
    console.log("--- | --- | ---");
    console.log(
      `≥ ${TARGET.perSecond} deliveries/s with two workers | ${outboxBacklog.perSecond.toFixed(1)} | ${met(outboxBacklog.perSecond >= TARGET.perSecond && !outboxCut)}`,
    );
    console.log(
      `p99 ≤ ${TARGET.p99Ms / 1000} s from change to mail accepted, queue not backlogged | ${ms(outboxSteady.p99)} ms | ${met(outboxSteady.p99 <= TARGET.p99Ms)}`,
    );
    console.log(
      `\nSQL statements for one notification (one mail), through Prisma: ${relayStatements} to relay it (one relay transaction, incl. BEGIN/COMMIT; ` +
        `shared by up to 200 in a batch, about ${Math.round((relayStatements - 7) / 1)} of them per new recipient), ${deliverStatements} to deliver it ` +
        `(incl. BEGIN/COMMIT); pg-boss's own fetch and complete per job come on top.`,
    );

    await boss.stop({ graceful: false });
    await raw.end();
    await db.$disconnect();
  } finally {
    for (const child of children) child.kill("SIGTERM");
    await smtp.stop();
    await cluster.stop();
  }
}

type Figures = {
  n: number;
  delivered: number;
  perSecond: number;
  p50: string;
  p95: string;
  p99: string;
  max: string;
  p99Ms: number;
};

/**
 * Latency of each one (done − created) and throughput from the first write to
 * the last one done. One not done when the run was cut off counts with what it
 * had waited by then, a lower bound: a percentile that lands on or above such a
 * one is printed "≥", since the true figure can only be larger.
 */
function figures(rows: { created: Date; done: Date | null }[], n: number, t0: number, cutAt: number): Figures {
  const all = rows.map((r) => (r.done ? { ms: r.done.getTime() - r.created.getTime(), exact: true } : { ms: cutAt - r.created.getTime(), exact: false }));
  while (all.length < n) all.push({ ms: 0, exact: false }); // not even written: nothing known
  all.sort((a, b) => a.ms - b.ms);
  const done = rows.filter((r) => r.done).map((r) => r.done!.getTime());
  const last = done.length ? Math.max(...done) : t0;
  const at = (p: number) => {
    const k = Math.min(all.length - 1, Math.ceil((p / 100) * all.length) - 1);
    const exact = all.slice(0, k + 1).every((x) => x.exact);
    return { text: `${exact ? "" : "≥ "}${Math.round(all[k]!.ms)}`, ms: exact ? all[k]!.ms : Infinity };
  };
  return {
    n,
    delivered: done.length,
    perSecond: done.length / Math.max(0.001, (last - t0) / 1000),
    p50: at(50).text,
    p95: at(95).text,
    p99: at(99).text,
    max: at(100).text,
    p99Ms: at(99).ms,
  };
}

/** `events` calls of `op`, started at a steady rate (not waiting for each other, as changes come from many people). */
async function steadily({ events, perSecond }: { events: number; perSecond: number }, op: (i: number) => Promise<unknown>) {
  const t0 = performance.now();
  const pending: Promise<unknown>[] = [];
  for (let i = 0; i < events; i++) {
    const wait = t0 + (i * 1000) / perSecond - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    pending.push(op(i));
  }
  await Promise.all(pending);
}

/** Waits for `check`, at most BENCH_MAX_SECONDS; true when it was cut off. */
async function until(check: () => Promise<boolean>): Promise<boolean> {
  const end = Date.now() + MAX_SECONDS * 1000;
  while (!(await check())) {
    if (Date.now() > end) return true;
    await new Promise((r) => setTimeout(r, 200));
  }
  return false;
}

/** Lets freshly started workers finish starting (their first polls, the relay's first look) before a run is timed. */
function settle() {
  return new Promise((r) => setTimeout(r, 3000));
}

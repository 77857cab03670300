// Telling people, under load (issue 13): outbox throughput and delivery latency
// for 10 000 notifications with two workers, beside the raw queue (pg-boss alone,
// the same mail sent by the same code) in the same run; and the latency when the
// queue is not backlogged (200 events at 20/s, the workers idle before).
// Usage: npm run bench -- notify
//   BENCH_EVENTS=N         notifications (and raw jobs) in the backlog runs (10 000)
//   BENCH_CONCURRENCY=N    deliveries at a time per worker (4, as `npm run worker`)
//   BENCH_MAX_SECONDS=N    how long a backlog run may go on before it is cut off, and said so (60)
//   BENCH_SHOW_SQL=1       print the statements counted for one notification
//
// Two workers are two child processes, each `scripts/worker.ts` as production
// runs it (`npm run worker`): two workers in one process would share one event
// loop, which is not what two workers are on a server. The raw queue's workers
// are two child processes too (this file, started as `raw-worker`) with the
// same pg-boss settings and work options, and a handler that sends the same
// mail through lib/mail; so the two paths differ only in what the outbox adds:
// the Notification row, the relay that plans it, the delivery row and its
// statuses, the settings read at sending.
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const RAW = "bench-raw-mail";
const EVENTS = Number(process.env.BENCH_EVENTS ?? 10_000);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 4);
const MAX_SECONDS = Number(process.env.BENCH_MAX_SECONDS ?? 60);
const RECIPIENTS = 100;
const BATCH = 100; // notifications per transaction while the backlog is written
const STEADY = { events: 200, perSecond: 20 };
const TARGET = { perSecond: 200, p99Ms: 5000 };
/** A cut-off run also says its rate over its last seconds: by then the writes and the relay's wake-ups are over. */
const TAIL_SECONDS = 20;

if (process.argv[2] === "raw-worker") await rawWorker();
else await main();

/** The raw queue's worker: pg-boss as the app sets it up, a handler that sends the same mail through lib/mail. */
async function rawWorker() {
  const { deliverWork, newBoss, settleEach } = await import("../lib/notify/queue");
  const { sendMail } = await import("../lib/mail/send");
  const { links, mailFor } = await import("../lib/notify/texts");
  const boss = newBoss(process.env.DATABASE_URL!);
  boss.on("error", (e) => console.error(`[raw-worker] queue: ${e.message}`));
  await boss.start();
  // the work options of lib/notify/worker.ts (lib/notify/queue.ts), so the two compare like with like
  await boss.work<{ to: string; userId: string; key: string }>(RAW, deliverWork(CONCURRENCY), (jobs) =>
    settleEach(jobs, async ({ to, userId, key }) => {
      const l = links("da", "/plan", userId, "EMAIL");
      await sendMail({ ...mailFor("message", "da", to, l), key, oneClickStop: l.oneClickUrl });
    }),
  );
  console.log("[raw-worker] started");
  process.on("SIGTERM", () => void boss.stop({ graceful: true, timeout: 10_000 }).then(() => process.exit(0)));
}

type Row = { created: Date; done: Date | null };

async function main() {
  const { startEmbedded } = await import("../scripts/embedded-db.mjs");
  const { deploy } = await import("../scripts/db.mjs");
  const { startSmtpServer } = await import("../tests/smtp/server.mjs");

  // a database of its own: pg-boss's schema starts empty, and nothing from an earlier run is counted
  const database = `bench_notify_${Date.now()}`;
  const cluster = await startEmbedded({ name: "bench", database });
  const smtp = await startSmtpServer();
  const children = new Set<ChildProcess>();
  const closers: (() => Promise<unknown>)[] = []; // run at the end, last opened first, even after a failure
  try {
    // the owner migrates; the workers, pg-boss and the raw queue all run as the app's role, as the app does
    await deploy(cluster.ownerUrl, { quiet: true, appRole: cluster.appRole });
    // before anything reads lib/env; the workers inherit it
    Object.assign(process.env, {
      DATABASE_URL: cluster.appUrl,
      SMTP_HOST: "127.0.0.1",
      SMTP_PORT: String(smtp.port),
      SMTP_SECURITY: "none",
      MAIL_FROM: "Fortæl det én gang <noreply@solbjerg.test>",
      APP_URL: "https://fortael.solbjerg.test",
      AUTH_SECRET: "bench-auth-secret-0123456789abcdefghijklm",
      CPR_HASH_KEY: "bench-cpr-hash-key-0123456789abcdefghijk",
      NOTIFY_SWEEP_SECONDS: "3600", // nothing comes due by itself here: keep the sweep out of the figures
      WORKER_CONCURRENCY: String(CONCURRENCY),
    });
    const { connect } = await import("../lib/db/connect");
    let counting = false;
    let statements: string[] = [];
    const db = connect(cluster.appUrl, { max: 10, onQuery: (sql) => counting && statements.push(sql) });
    (globalThis as { __db?: unknown }).__db = db; // lib/ in this process uses it, so its statements are counted
    const { writeOutbox } = await import("../lib/notify/outbox");
    const { newBoss, ensureQueues } = await import("../lib/notify/queue");
    const sql = new pg.Pool({ connectionString: cluster.appUrl, max: 4 });
    closers.push(
      () => db.$disconnect(),
      () => sql.end(),
    );
    const query = async <T extends pg.QueryResultRow>(text: string, values: unknown[]) => (await sql.query<T>(text, values)).rows;

    // people who want mail at once: a checked address, no quiet hours, no digest, no push or SMS
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
    // each a citizen told of a caseworker's message in their own record, as the gate tells it (with the citizen's id)
    const { id: municipalityId } = await db.municipality.create({ data: { slug: "bench", name: "Benchkommune" } });
    const citizens = await db.citizen.createManyAndReturn({
      data: users.map((u) => ({ municipalityId, name: u.name, userId: u.id })),
      select: { id: true, userId: true },
    });
    const citizenOf = new Map(citizens.map((c) => [c.userId, c.id]));
    const user = (i: number) => users[i % RECIPIENTS]!;

    // this process's pg-boss creates the queues and inserts the raw jobs; it works none
    const boss = newBoss(cluster.appUrl, 4);
    boss.on("error", (e) => console.error(`[bench] queue: ${e.message}`));
    await boss.start();
    closers.push(() => boss.stop({ graceful: false }));
    await ensureQueues(boss);
    // the raw queue has the delivery queue's settings (retries, expiry, heartbeat, NOTIFY), without its dead letters
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

    /** Two workers as child processes; resolves when both say they started, with a function that stops them. */
    async function startWorkers(args: string[], ready: RegExp) {
      const started = await Promise.all(
        [0, 1].map(
          () =>
            new Promise<ChildProcess>((resolve, reject) => {
              const child = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", ...args], {
                cwd: ROOT,
                env: process.env,
                stdio: ["ignore", "pipe", "inherit"],
              });
              children.add(child);
              child.once("exit", (code) => reject(new Error(`a worker exited (${code}) before it started`)));
              child.stdout!.setEncoding("utf8");
              child.stdout!.on("data", (text: string) => {
                for (const line of text.split("\n").filter(Boolean)) {
                  if (ready.test(line)) resolve(child);
                  // a worker logs counts and reasons only; anything besides starting and stopping is worth seeing
                  else if (!/Node\.js|stopping/.test(line)) console.error(line);
                }
              });
            }),
        ),
      );
      // let them finish starting (first polls, the relay's first look) before anything is timed
      await new Promise((r) => setTimeout(r, 3000));
      return () =>
        Promise.all(
          started.map(
            (child) =>
              new Promise((resolve) => {
                child.removeAllListeners("exit");
                child.once("exit", () => resolve(children.delete(child)));
                child.kill("SIGTERM");
              }),
          ),
        );
    }

    /**
     * Times one run: `write` puts the work in (timed from its start), then
     * waits until `done` says all of it went out or BENCH_MAX_SECONDS passed,
     * and reads each one's created and done times with `rows`.
     */
    async function timed(n: number, write: () => Promise<unknown>, done: () => Promise<number>, rows: () => Promise<Row[]>) {
      const t0 = Date.now();
      await write();
      const written = Date.now() - t0;
      const end = t0 + MAX_SECONDS * 1000;
      while ((await done()) < n && Date.now() < end) await new Promise((r) => setTimeout(r, 200));
      const cutAt = Date.now();
      return { ...figures(await rows(), n, t0, cutAt), written, cut: (await done()) < n };
    }

    // --- the raw queue: pg-boss jobs straight in, the same mail out ---
    const rawJob = (i: number, run: string) => ({ data: { to: user(i).email, userId: user(i).id, key: `${run}:${i}:EMAIL` } });
    const rawRun = (run: string, n: number, write: () => Promise<unknown>) =>
      timed(
        n,
        write,
        async () =>
          (
            await query<{ n: number }>(
              `SELECT count(*)::int AS n FROM pgboss.job WHERE name = $1 AND state = 'completed' AND data->>'key' LIKE $2`,
              [RAW, `${run}:%`],
            )
          )[0]!.n,
        () =>
          query<Row>(`SELECT created_on AS created, completed_on AS done FROM pgboss.job WHERE name = $1 AND data->>'key' LIKE $2`, [
            RAW,
            `${run}:%`,
          ]),
      );
    let stop = await startWorkers(["bench/notify.ts", "raw-worker"], /\[raw-worker\] started/);
    const rawSteady = await rawRun("steady", STEADY.events, () => steadily(STEADY, (i) => boss.insert(RAW, [rawJob(i, "steady")])));
    const rawBacklog = await rawRun("backlog", EVENTS, async () => {
      for (let i = 0; i < EVENTS; i += BATCH)
        await boss.insert(
          RAW,
          Array.from({ length: Math.min(BATCH, EVENTS - i) }, (_, j) => rawJob(i + j, "backlog")),
        );
    });
    await stop();

    // --- the outbox: written as the gate writes it, relayed, planned and delivered by scripts/worker.ts ---
    const tells = (from: number, count: number, run: string) =>
      Array.from({ length: count }, (_, j) => ({
        to: [user(from + j).id],
        kind: "message" as const,
        path: "/plan",
        citizenId: citizenOf.get(user(from + j).id)!,
        subjectId: run, // marks the run, to find its rows afterwards
      }));
    const outboxRun = (run: string, n: number, write: () => Promise<unknown>) =>
      timed(
        n,
        write,
        async () =>
          (
            await query<{ n: number }>(
              `SELECT count(*)::int AS n FROM "NotificationDelivery" d JOIN "Notification" n ON n.id = d."notificationId"
               WHERE n."subjectId" = $1::uuid AND d.status = 'SENT'`,
              [run],
            )
          )[0]!.n,
        () =>
          query<Row>(
            `SELECT n."createdAt" AS created, d."sentAt" AS done
             FROM "Notification" n LEFT JOIN "NotificationDelivery" d ON d."notificationId" = n.id
             WHERE n."subjectId" = $1::uuid`,
            [run],
          ),
      );
    const mailsBefore = smtp.messages.length;
    stop = await startWorkers(["scripts/worker.ts"], /\[worker\] started/);
    const steadyRun = crypto.randomUUID();
    const outboxSteady = await outboxRun(steadyRun, STEADY.events, () =>
      steadily(STEADY, (i) => db.$transaction((tx) => writeOutbox(tx, tells(i, 1, steadyRun), null))),
    );
    const backlogRun = crypto.randomUUID();
    const outboxBacklog = await outboxRun(backlogRun, EVENTS, async () => {
      for (let i = 0; i < EVENTS; i += BATCH)
        await db.$transaction((tx) => writeOutbox(tx, tells(i, Math.min(BATCH, EVENTS - i), backlogRun), null));
    });
    // how far the relay got: planned and queued, whether or not sent
    const [relayed] = await query<{ n: number; last: Date | null; first: Date | null }>(
      `SELECT count("dispatchedAt")::int AS n, max("dispatchedAt") AS last, min("createdAt") AS first FROM "Notification" WHERE "subjectId" = $1::uuid`,
      [backlogRun],
    );
    await stop();
    // every delivery marked sent reached the SMTP server once: one mail, one Message-ID (the delivery key)
    const mails = smtp.messages.slice(mailsBefore);
    const [{ sent }] = (await query<{ sent: number }>(
      `SELECT count(*)::int AS sent FROM "NotificationDelivery" d JOIN "Notification" n ON n.id = d."notificationId"
       WHERE n."subjectId" = ANY($1::uuid[]) AND d.status = 'SENT'`,
      [[steadyRun, backlogRun]],
    )) as [{ sent: number }];

    // --- the statements of one notification, in this process, with the workers stopped ---
    const { relayOnce } = await import("../lib/notify/relay");
    const { deliver } = await import("../lib/notify/deliver");
    // what a cut-off run left in the outbox stays out of the relay counted here
    await sql.query(`UPDATE "Notification" SET "dispatchedAt" = now() WHERE "dispatchedAt" IS NULL`);
    const countRun = crypto.randomUUID();
    await db.$transaction((tx) => writeOutbox(tx, tells(0, 1, countRun), null));
    // Prisma logs COMMIT but not BEGIN
    const withBegin = (list: string[]) =>
      list.length + list.filter((s) => s === "COMMIT").length - list.filter((s) => s === "BEGIN").length;
    counting = true;
    statements = [];
    await relayOnce(boss);
    const relayStatements = withBegin(statements);
    const shown = [...statements, "-- deliver"];
    counting = false;
    const { id: deliveryId } = await db.notificationDelivery.findFirstOrThrow({
      where: { notification: { subjectId: countRun } },
      select: { id: true },
    });
    counting = true;
    statements = [];
    await deliver(deliveryId);
    counting = false;
    const deliverStatements = withBegin(statements);
    if (process.env.BENCH_SHOW_SQL) console.log([...shown, ...statements].join("\n"));

    const ratio = (a: number, b: number) => (b > 0 ? (a / b).toFixed(2) : "—");
    const met = (ok: boolean) => (ok ? "met" : "not met");
    console.log(
      `\nTelling people: one mail per notification, two workers (child processes, ${CONCURRENCY} loops of up to 5 deliveries each), ` +
        `the test SMTP server, embedded PostgreSQL, all on loopback`,
    );
    console.log("run | delivered | deliveries/s | ratio to raw | p50 ms | p95 ms | p99 ms | max ms");
    console.log("--- | --- | --- | --- | --- | --- | --- | ---");
    const row = (label: string, f: Figures, base?: Figures) =>
      console.log(
        `${label} | ${f.delivered}/${f.n} | ${f.perSecond.toFixed(1)} | ${base ? ratio(f.perSecond, base.perSecond) : "1.00"} | ${f.p50} | ${f.p95} | ${f.p99} | ${f.max}`,
      );
    row(`raw queue, ${EVENTS} jobs at once (baseline)`, rawBacklog);
    row(`outbox, ${EVENTS} notifications at once`, outboxBacklog, rawBacklog);
    row(`raw queue, ${STEADY.events} at ${STEADY.perSecond}/s (baseline)`, rawSteady);
    row(`outbox, ${STEADY.events} at ${STEADY.perSecond}/s`, outboxSteady, rawSteady);
    console.log(
      `\nLatency: from the notification's row (the raw job's insert) to the mail accepted by the SMTP server (the job completed). ` +
        `Throughput: from the first write to the last mail.`,
    );
    console.log(
      `Writing ${EVENTS} took ${outboxBacklog.written} ms through the outbox (${Math.ceil(EVENTS / BATCH)} transactions of ${BATCH}), ` +
        `${rawBacklog.written} ms into the raw queue (${Math.ceil(EVENTS / BATCH)} inserts of ${BATCH}).`,
    );
    console.log(
      `The relay planned and queued ${relayed!.n} of ${EVENTS}` +
        (relayed!.last && relayed!.first
          ? ` in ${((relayed!.last.getTime() - relayed!.first.getTime()) / 1000).toFixed(1)} s from the first write (${(relayed!.n / Math.max(0.001, (relayed!.last.getTime() - relayed!.first.getTime()) / 1000)).toFixed(0)}/s).`
          : "."),
    );
    for (const [label, f] of [
      ["the raw queue", rawBacklog],
      ["the outbox", outboxBacklog],
    ] as const)
      if (f.cut)
        console.log(
          `Cut off after ${MAX_SECONDS} s (BENCH_MAX_SECONDS): ${label} had sent ${f.delivered} of ${f.n}, ` +
            `${f.lastPerSecond.toFixed(1)}/s in the last ${TAIL_SECONDS} s; at that rate all would take ${Math.round(f.n / f.lastPerSecond / 60)} min. ` +
            `A percentile marked ≥ counts the unsent with what they had waited when cut off.`,
        );
    console.log(
      `The SMTP server took ${mails.length} mails (${new Set(mails.map((m) => m.messageId)).size} Message-IDs) while the outbox ran; ` +
        `${sent} deliveries are marked sent (the workers finish what they hold when stopped).`,
    );
    console.log("\nour aim (issue 13 sets none; decision 023) | figure | ");
    console.log("--- | --- | ---");
    console.log(
      `≥ ${TARGET.perSecond} deliveries/s, two workers, ${EVENTS} at once | ${outboxBacklog.perSecond.toFixed(1)}/s | ${met(outboxBacklog.perSecond >= TARGET.perSecond && !outboxBacklog.cut)}`,
    );
    console.log(
      `p99 ≤ ${TARGET.p99Ms / 1000} s from the change to the mail accepted, queue not backlogged | ${outboxSteady.p99} ms | ${met(outboxSteady.p99Ms <= TARGET.p99Ms)}`,
    );
    console.log(
      `\nSQL statements for one notification to one person by mail, through Prisma (incl. BEGIN/COMMIT): ${relayStatements} to relay it ` +
        `(one transaction for a batch of up to 200), ${deliverStatements} to deliver it; pg-boss's own (insert, fetch, complete) come on top.`,
    );
  } finally {
    for (const child of children) child.kill("SIGTERM");
    for (const close of closers.reverse()) await close().catch(() => {});
    await smtp.stop();
    // the figures are printed: the rows behind them are of no further use
    const admin = new pg.Client({ connectionString: cluster.adminUrl });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${admin.escapeIdentifier(database)} WITH (FORCE)`);
    await admin.end();
    await cluster.stop();
  }
}

type Figures = {
  n: number;
  delivered: number;
  perSecond: number;
  lastPerSecond: number;
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
function figures(rows: Row[], n: number, t0: number, cutAt: number): Figures {
  const all = rows.map((r) =>
    r.done ? { ms: r.done.getTime() - r.created.getTime(), exact: true } : { ms: cutAt - r.created.getTime(), exact: false },
  );
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
    lastPerSecond: done.filter((at) => at > cutAt - TAIL_SECONDS * 1000).length / TAIL_SECONDS,
    p50: at(50).text,
    p95: at(95).text,
    p99: at(99).text,
    max: at(100).text,
    p99Ms: at(99).ms,
  };
}

/** `events` calls of `op` at a steady rate, not waiting for each other (changes come from many people at once). */
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

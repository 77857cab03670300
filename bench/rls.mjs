#!/usr/bin/env node
// What row-level security keyed on the citizen would cost (docs/decisions/030-row-level-security.md):
// the record gate's three kinds of work, as the app's role on the real schema, each as a transaction
// the way the gate sends it, in three set-ups on the same data in the same run:
//   baseline           no policy (as today)
//   SET LOCAL only     the transaction first says whose record it is (set_config(…, true)), no policy:
//                      the cost of the extra statement alone
//   RLS + SET LOCAL    the same, and a policy on the record's tables and the logs:
//                      USING ("citizenId" = ANY (current_setting('app.citizens')::uuid[]))
// Figures are operations a second (8 at once) and the ratio to the baseline; the median of three
// rounds, the set-ups taking turns in a new random order each round (a busy machine drifts).
// Usage (its own embedded cluster "bench-rls"; pick a free port):
//   EMBEDDED_PG_PORT=54610 node bench/rls.mjs   (BENCH_OPS=N per set-up and round, default 2000; BENCH_ROUNDS=N, default 3)
import crypto from "node:crypto";
import pg from "pg";
import { startEmbedded } from "../scripts/embedded-db.mjs";
import { deploy } from "../scripts/db.mjs";

const OPS = Number(process.env.BENCH_OPS ?? 2000);
const CONCURRENCY = 8;
const CITIZENS = 2000;
const ACROSS = 50; // citizens in one caseworker's work list
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const TABLES = ["StorySection", "Agreement", "AccessLog", "ChangeLog"];
const KINDS = ["ABOUT_ME", "WHAT_MATTERS", "GOOD_DAY", "WHAT_IS_HARD", "HOW_TO_SUPPORT", "LIFE_SO_FAR"];

const database = `bench_rls_${Date.now()}`;
const cluster = await startEmbedded({ name: "bench-rls", database, log: (m) => process.env.PG_VERBOSE && console.log("[pg]", m) });
const owner = new pg.Client({ connectionString: cluster.ownerUrl });
let app;
try {
  await deploy(cluster.ownerUrl, { quiet: true, appRole: cluster.appRole });
  await owner.connect();
  console.log(
    `[rls] filling: ${CITIZENS} citizens, ${CITIZENS * KINDS.length} story sections, ${CITIZENS * 10} agreements, 200 000 log rows`,
  );
  await owner.query(`
    INSERT INTO "Municipality" (id, slug, name) VALUES ('00000000-0000-0000-0000-000000000001', 'bench', 'Benchkommune');
    INSERT INTO "ServiceArea" (id, "municipalityId", key, "nameDa", "nameEn")
      VALUES ('00000000-0000-0000-0000-000000000002', '00000000-0000-0000-0000-000000000001', 'elderly-care', 'Ældre', 'Elderly');
    INSERT INTO "Citizen" (id, "municipalityId", name, "updatedAt")
      SELECT gen_random_uuid(), '00000000-0000-0000-0000-000000000001', 'Borger ' || i, now() FROM generate_series(1, ${CITIZENS}) i;
    INSERT INTO "StorySection" (id, "citizenId", kind, text, "updatedAt")
      SELECT gen_random_uuid(), c.id, k::"StorySectionKind", repeat('Mine egne ord. ', 20), now()
        FROM "Citizen" c, unnest(ARRAY[${KINDS.map((k) => `'${k}'`).join(", ")}]) k;
    INSERT INTO "Agreement" (id, "citizenId", what, responsible, "serviceAreaId", "dueOn", "authorRole", "updatedAt")
      SELECT gen_random_uuid(), c.id, 'Aftale ' || i, 'SERVICE_AREA', '00000000-0000-0000-0000-000000000002',
             current_date + (i * 3), 'STAFF', now()
        FROM "Citizen" c, generate_series(1, 10) i;
    INSERT INTO "AccessLog" ("citizenId", "actorRole", part, action, purpose, outcome)
      SELECT c.id, 'STAFF', 'STORY', 'READ', 'view', 'ALLOWED' FROM "Citizen" c, generate_series(1, 50) i;
    INSERT INTO "ChangeLog" ("citizenId", "actorRole", part, entity, "entityId")
      SELECT c.id, 'CITIZEN', 'STORY', 'StorySection', c.id::text FROM "Citizen" c, generate_series(1, 50) i;
    ANALYZE;
  `);
  const citizens = (await owner.query(`SELECT id FROM "Citizen" ORDER BY id`)).rows.map((r) => r.id);
  const area = "00000000-0000-0000-0000-000000000002";
  app = new pg.Pool({ connectionString: cluster.appUrl, max: CONCURRENCY });

  /** One transaction: BEGIN, (whose record it is), the work, COMMIT; one statement a round trip, as Prisma sends them. */
  async function transaction(sayWhose, ids, work) {
    const client = await app.connect();
    try {
      await client.query("BEGIN");
      if (sayWhose) await client.query("SELECT set_config('app.citizens', $1, true)", [`{${ids.join(",")}}`]);
      await work(client);
      await client.query("COMMIT");
    } catch (e) {
      await client.query("ROLLBACK").catch(() => {});
      throw e;
    } finally {
      client.release();
    }
  }
  const pick = (i) => citizens[(i * 7919) % citizens.length];
  const workloads = {
    "read one citizen's story (a caseworker: rows + access-log row)": (sayWhose, i) => {
      const id = pick(i);
      return transaction(sayWhose, [id], async (c) => {
        const { rowCount } = await c.query(`SELECT kind, text, version FROM "StorySection" WHERE "citizenId" = $1 ORDER BY kind`, [id]);
        if (rowCount !== KINDS.length) throw new Error(`read ${rowCount} sections, not ${KINDS.length}`);
        await c.query(
          `INSERT INTO "AccessLog" ("citizenId", "actorRole", "serviceAreaId", part, action, purpose, outcome)
           VALUES ($1, 'STAFF', $2, 'STORY', 'READ', 'view', 'ALLOWED')`,
          [id, area],
        );
      });
    },
    "write one story section (the citizen: version check + change-log row)": (sayWhose, i) => {
      const id = pick(i);
      const kind = KINDS[i % KINDS.length];
      return transaction(sayWhose, [id], async (c) => {
        const { rowCount } = await c.query(
          `UPDATE "StorySection" SET text = $3, version = version + 1, "updatedAt" = now() WHERE "citizenId" = $1 AND kind = $2 RETURNING version`,
          [id, kind, `udgave ${i}`],
        );
        if (rowCount !== 1) throw new Error("no row updated");
        await c.query(
          `INSERT INTO "ChangeLog" ("citizenId", "actorRole", part, entity, "entityId", after) VALUES ($1, 'CITIZEN', 'STORY', 'StorySection', $2, $3)`,
          [id, kind, JSON.stringify({ text: `udgave ${i}` })],
        );
      });
    },
    [`read across ${ACROSS} citizens (a caseworker's work list: agreements due within a month)`]: (sayWhose, i) => {
      const ids = Array.from({ length: ACROSS }, (_, j) => pick(i * ACROSS + j));
      return transaction(sayWhose, ids, async (c) => {
        await c.query(
          `SELECT id, "citizenId", what, "dueOn" FROM "Agreement"
            WHERE "citizenId" = ANY($1::uuid[]) AND status = 'OPEN' AND "dueOn" <= current_date + 30 ORDER BY "dueOn"`,
          [ids],
        );
      });
    },
  };

  const setups = {
    baseline: { sayWhose: false, policy: false },
    "SET LOCAL only": { sayWhose: true, policy: false },
    "RLS + SET LOCAL": { sayWhose: true, policy: true },
  };
  async function policies(on) {
    for (const t of TABLES) {
      if (on) {
        await owner.query(`ALTER TABLE "${t}" ENABLE ROW LEVEL SECURITY`);
        await owner.query(
          `CREATE POLICY by_citizen ON "${t}" USING ("citizenId" = ANY (current_setting('app.citizens')::uuid[]))
             WITH CHECK ("citizenId" = ANY (current_setting('app.citizens')::uuid[]))`,
        );
      } else {
        await owner.query(`DROP POLICY IF EXISTS by_citizen ON "${t}"`);
        await owner.query(`ALTER TABLE "${t}" DISABLE ROW LEVEL SECURITY`);
      }
    }
  }
  async function run(op, setup) {
    for (let i = 0; i < 100; i++) await op(setup.sayWhose, i); // warm up
    let next = 0;
    const t0 = performance.now();
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        while (next < OPS) await op(setup.sayWhose, crypto.randomInt(1e9) + next++);
      }),
    );
    return OPS / ((performance.now() - t0) / 1000);
  }

  // the policy really narrows: a transaction that names one citizen sees only their rows, and may not log for another
  await policies(true);
  await transaction(true, [citizens[0]], async (c) => {
    const { rows } = await c.query(`SELECT count(DISTINCT "citizenId")::int AS n FROM "StorySection"`);
    if (rows[0].n !== 1) throw new Error(`the policy let ${rows[0].n} citizens' rows through`);
    const refused = await c
      .query(
        `SAVEPOINT s; INSERT INTO "AccessLog" ("citizenId", "actorRole", part, action, purpose, outcome) VALUES ('${citizens[1]}', 'STAFF', 'STORY', 'READ', 'view', 'ALLOWED')`,
      )
      .then(() => false)
      .catch(() => true);
    if (!refused) throw new Error("the policy let a log row for another citizen in");
    await c.query("ROLLBACK TO SAVEPOINT s");
  });
  await policies(false);

  /** A new order each round, so a machine that gets busier or warmer over a round favours no set-up. */
  const shuffled = (xs) =>
    xs
      .map((x) => [Math.random(), x])
      .sort((a, b) => a[0] - b[0])
      .map(([, x]) => x);
  const results = Object.fromEntries(Object.keys(workloads).map((w) => [w, Object.fromEntries(Object.keys(setups).map((s) => [s, []]))]));
  for (let round = 1; round <= ROUNDS; round++) {
    for (const [name, setup] of shuffled(Object.entries(setups))) {
      await policies(setup.policy);
      for (const [w, op] of Object.entries(workloads)) results[w][name].push(await run(op, setup));
    }
    await policies(false);
    console.log(`[rls] round ${round} of ${ROUNDS} done`);
  }
  const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

  console.log(
    `\nRow-level security, ${OPS} transactions per set-up and round, ${CONCURRENCY} at once, as the app's role (median of ${ROUNDS})`,
  );
  const header = ["workload", ...Object.keys(setups).map((s) => `${s} op/s (ratio)`)];
  const rows = Object.entries(results).map(([w, bySetup]) => {
    const base = median(bySetup.baseline);
    return [w, ...Object.values(bySetup).map((xs) => `${median(xs).toFixed(0)} (${(median(xs) / base).toFixed(2)})`)];
  });
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i]).length)));
  const line = (cells) => `| ${cells.map((c, i) => String(c).padEnd(widths[i])).join(" | ")} |`;
  console.log([line(header), line(widths.map((w) => "-".repeat(w))), ...rows.map(line)].join("\n"));
  // The same statements in the server, in a loop (no round trips, no client): what the policy and the
  // set_config cost PostgreSQL itself, less open to a busy machine's noise. Microseconds a statement;
  // the fastest of the rounds, the set-ups taking turns. Rolled back.
  const LOOP = 2000;
  const inServer = {
    "read one citizen's story": `PERFORM kind, text, version FROM "StorySection" WHERE "citizenId" = cid ORDER BY kind;`,
    "write one story section + change-log row": `UPDATE "StorySection" SET text = 'udgave ' || i, version = version + 1, "updatedAt" = now()
         WHERE "citizenId" = cid AND kind = 'ABOUT_ME';
       INSERT INTO "ChangeLog" ("citizenId", "actorRole", part, entity, "entityId") VALUES (cid, 'CITIZEN', 'STORY', 'StorySection', 'ABOUT_ME');`,
    [`read across ${ACROSS} citizens`]: `PERFORM id, "citizenId", what, "dueOn" FROM "Agreement"
         WHERE "citizenId" = ANY (ids[(i % ${citizens.length / ACROSS}) * ${ACROSS} + 1 : (i % ${citizens.length / ACROSS}) * ${ACROSS} + ${ACROSS}])
           AND status = 'OPEN' AND "dueOn" <= current_date + 30 ORDER BY "dueOn";`,
  };
  async function loop(body, setup, across) {
    const client = await app.connect();
    try {
      await client.query("BEGIN");
      const whose = !setup.sayWhose
        ? ""
        : across
          ? `PERFORM set_config('app.citizens', ids[(i % ${citizens.length / ACROSS}) * ${ACROSS} + 1 : (i % ${citizens.length / ACROSS}) * ${ACROSS} + ${ACROSS}]::text, true);`
          : `PERFORM set_config('app.citizens', '{' || cid || '}', true);`;
      await client.query(`DO $$
DECLARE ids uuid[] := '{${citizens.join(",")}}'; cid uuid; t0 timestamptz := clock_timestamp();
BEGIN
  FOR i IN 0..${LOOP - 1} LOOP
    cid := ids[(i * 7919) % ${citizens.length} + 1];
    ${whose}
    ${body}
  END LOOP;
  PERFORM set_config('bench.us', (extract(epoch FROM clock_timestamp() - t0) * 1e6 / ${LOOP})::text, true);
END $$`);
      const { rows } = await client.query(`SELECT current_setting('bench.us')::float AS us`);
      await client.query("ROLLBACK");
      return rows[0].us;
    } finally {
      client.release();
    }
  }
  const perStatement = Object.fromEntries(
    Object.keys(inServer).map((w) => [w, Object.fromEntries(Object.keys(setups).map((s) => [s, []]))]),
  );
  for (let round = 1; round <= ROUNDS; round++) {
    for (const [name, setup] of shuffled(Object.entries(setups))) {
      await policies(setup.policy);
      for (const [w, body] of Object.entries(inServer)) {
        await loop(body, setup, w.startsWith("read across")); // warm up: plans and caches
        perStatement[w][name].push(await loop(body, setup, w.startsWith("read across")));
      }
    }
    await policies(false);
  }
  console.log(`\nIn the server, ${LOOP} statements in a loop, as the app's role (µs a statement, the fastest of ${ROUNDS})`);
  const serverRows = Object.entries(perStatement).map(([w, bySetup]) => {
    const base = Math.min(...bySetup.baseline);
    return [w, ...Object.values(bySetup).map((xs) => `${Math.min(...xs).toFixed(1)} (${(Math.min(...xs) / base).toFixed(2)})`)];
  });
  const serverHeader = ["statement", ...Object.keys(setups).map((s) => `${s} µs (ratio)`)];
  const serverWidths = serverHeader.map((h, i) => Math.max(h.length, ...serverRows.map((r) => String(r[i]).length)));
  const serverLine = (cells) => `| ${cells.map((c, i) => String(c).padEnd(serverWidths[i])).join(" | ")} |`;
  console.log([serverLine(serverHeader), serverLine(serverWidths.map((w) => "-".repeat(w))), ...serverRows.map(serverLine)].join("\n"));
} finally {
  await app?.end();
  await owner.end().catch(() => {});
  const admin = new pg.Client({ connectionString: cluster.adminUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${admin.escapeIdentifier(database)} WITH (FORCE)`);
  await admin.end();
  await cluster.stop();
}

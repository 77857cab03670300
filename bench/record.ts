// The record gate's cost: reads/s and writes/s of a story section through
// lib/record (policy, access log, change log, version check, one transaction)
// beside the bare statements in raw SQL on the same database, as a ratio; and
// the SQL statements one gate call sends.
// Usage: npm run bench -- record   (BENCH_OPS=N to change the count)
import pg from "pg";
import { startEmbedded } from "../scripts/embedded-db.mjs";
import { deploy } from "../scripts/db.mjs";
import { connect } from "../lib/db/connect";
import { makeWorld } from "../tests/support/fixtures";

const OPS = Number(process.env.BENCH_OPS ?? 1000);
const CONCURRENCY = 8;
const fmt = (n: number, d = 0) => n.toFixed(d);

const cluster = await startEmbedded({ name: "bench", database: `bench_${Date.now()}` });
try {
  // the owner migrates; the gate and the raw SQL both run as the app's role, as the app does
  await deploy(cluster.ownerUrl, { quiet: true, appRole: cluster.appRole });
  process.env.DATABASE_URL = cluster.appUrl;
  let counting = false;
  let statements: string[] = [];
  const db = connect(cluster.appUrl, { max: 10, onQuery: (sql) => counting && statements.push(sql) });
  (globalThis as { __db?: unknown }).__db = db; // the gate's client, so its statements are counted
  const { readStory } = await import("../lib/story/queries");
  const { updateStorySection } = await import("../lib/story/commands");
  const { grantConsent } = await import("../lib/consents/commands");
  const { readPlan } = await import("../lib/plan/queries");

  const w = await makeWorld(db);
  await grantConsent(w.actors.citizen, { citizenId: w.citizen.id, serviceAreaId: w.areaA.id, parts: ["STORY"] });
  await updateStorySection(w.actors.citizen, { citizenId: w.citizen.id, kind: "ABOUT_ME", text: "Jeg hedder Inge.", version: 0 });
  const raw = new pg.Pool({ connectionString: cluster.appUrl, max: 10 });

  async function run(label: string, op: (i: number) => Promise<unknown>) {
    for (let i = 0; i < 50; i++) await op(i); // warm up
    let next = 0;
    const t0 = performance.now();
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        while (next < OPS) await op(next++);
      }),
    );
    return { label, perSecond: OPS / ((performance.now() - t0) / 1000) };
  }

  // a caseworker reads the story (policy + consent lookup + access-log row) vs the SELECT alone
  const gateRead = await run("read through the gate", () => readStory(w.actors.staffA, w.citizen.id));
  const rawRead = await run("read, raw SQL", () =>
    raw.query(`SELECT kind, text, version FROM "StorySection" WHERE "citizenId" = $1 ORDER BY kind`, [w.citizen.id]),
  );

  // the citizen saves one section per op (each op its own section row and version)
  const kinds = ["ABOUT_ME", "WHAT_MATTERS", "GOOD_DAY", "WHAT_IS_HARD", "HOW_TO_SUPPORT", "LIFE_SO_FAR"] as const;
  const versions = new Map<string, number>([["ABOUT_ME", 1]]);
  const gateWrite = await run("write through the gate", async (i) => {
    const kind = kinds[i % kinds.length]!;
    const result = await updateStorySection(w.actors.citizen, {
      citizenId: w.citizen.id,
      kind,
      text: `udgave ${i}`,
      version: versions.get(kind) ?? 0,
    });
    if (result.ok) versions.set(kind, result.value.version);
    else if (result.error === "conflict") versions.set(kind, (result.current as { version: number }).version);
  });
  const rawWrite = await run("write, raw SQL", (i) =>
    raw.query(`UPDATE "StorySection" SET text = $2, version = version + 1 WHERE "citizenId" = $1 AND kind = 'ABOUT_ME'`, [
      w.citizen.id,
      `rå ${i}`,
    ]),
  );

  counting = true;
  statements = [];
  await readStory(w.actors.staffA, w.citizen.id);
  // Prisma logs COMMIT but not the BEGIN of an interactive transaction: count it
  const withBegin = (list: string[]) => list.length + (list.includes("COMMIT") && !list.includes("BEGIN") ? 1 : 0);
  const readStatements = withBegin(statements);
  if (process.env.BENCH_SHOW_SQL) console.log(statements.join("\n"));
  statements = [];
  const current = await db.storySection.findFirstOrThrow({ where: { citizenId: w.citizen.id, kind: "LIFE_SO_FAR" } }).catch(() => null);
  counting = true;
  statements = [];
  await updateStorySection(w.actors.citizen, {
    citizenId: w.citizen.id,
    kind: "LIFE_SO_FAR",
    text: "målt",
    version: current?.version ?? 0,
  });
  const writeStatements = withBegin(statements);
  // the one-page plan: the same statements however many goals
  const planStatements: Record<number, number> = {};
  for (const goals of [1, 50]) {
    counting = false;
    const world = await makeWorld(db);
    for (let i = 0; i < goals; i++) {
      const goal = await db.goal.create({ data: { citizenId: world.citizen.id, title: `Mål ${i}` } });
      await db.goalStep.create({ data: { citizenId: world.citizen.id, goalId: goal.id, text: "Et skridt" } });
    }
    counting = true;
    statements = [];
    await readPlan(world.actors.citizen, world.citizen.id);
    planStatements[goals] = withBegin(statements);
  }
  counting = false;

  // a caseworker's work list across n citizens: readAcross (one transaction, the policy per
  // citizen, one log row per citizen and part shown) beside asking the gate citizen by citizen
  const { myCaseload, myWorkList } = await import("../lib/staff/caseload");
  const { readContactRequests } = await import("../lib/contact-requests/queries");
  const { readAgreements } = await import("../lib/agreements/queries");
  const median = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  const workList: Record<number, { statements: number; ms: number; perCitizenMs: number }> = {};
  for (const n of [1, 50]) {
    const world = await makeWorld(db);
    const staffId = world.actors.staffA.staff.staffId;
    const due = new Date(Date.now() + 2 * 86_400_000);
    for (let i = 0; i < n; i++) {
      const citizen =
        i === 0 ? world.citizen : await db.citizen.create({ data: { municipalityId: world.municipality.id, name: `Borger ${i}` } });
      await db.consent.create({
        data: {
          citizenId: citizen.id,
          serviceAreaId: world.areaA.id,
          parts: ["PROFILE", "AGREEMENTS", "CONTACT_REQUESTS", "RED_THREAD"],
          reason: "bench",
        },
      });
      await db.assignment.create({ data: { citizenId: citizen.id, staffId, serviceAreaId: world.areaA.id } });
      await db.coordination.create({ data: { citizenId: citizen.id, staffId } });
      await db.contactRequest.create({ data: { citizenId: citizen.id, dueAt: due } });
      await db.agreement.create({
        data: {
          citizenId: citizen.id,
          what: "Ring",
          responsible: "SERVICE_AREA",
          serviceAreaId: world.areaA.id,
          dueOn: due,
          authorRole: "STAFF",
        },
      });
    }
    const caseload = await myCaseload(world.actors.staffA);
    counting = true;
    statements = [];
    await myWorkList(world.actors.staffA, caseload);
    const count = withBegin(statements);
    counting = false;
    const times: number[] = [];
    const naive: number[] = [];
    for (let r = 0; r < 15; r++) {
      let t0 = performance.now();
      await myWorkList(world.actors.staffA, caseload);
      times.push(performance.now() - t0);
      t0 = performance.now();
      for (const c of caseload) {
        await readContactRequests(world.actors.staffA, c.citizenId);
        await readAgreements(world.actors.staffA, c.citizenId);
      }
      naive.push(performance.now() - t0);
    }
    workList[n] = { statements: count, ms: median(times), perCitizenMs: median(naive) };
  }

  // the caseworker's page for one citizen: the reads it makes, each through the gate
  const { readRedThread } = await import("../lib/red-thread/queries");
  const { readMessages } = await import("../lib/messages/queries");
  const { readRelativeSpacesForStaff } = await import("../lib/relatives/queries");
  const staffPage: Record<string, number> = {};
  {
    const world = await makeWorld(db);
    const { CONSENTABLE_PARTS } = await import("../lib/access/policy");
    await db.consent.create({
      data: { citizenId: world.citizen.id, serviceAreaId: world.areaA.id, parts: [...CONSENTABLE_PARTS], reason: "bench" },
    });
    await db.coordination.create({ data: { citizenId: world.citizen.id, staffId: world.actors.staffA.staff.staffId } });
    const reads: [string, () => Promise<unknown>][] = [
      ["the plan", () => readPlan(world.actors.staffA, world.citizen.id)],
      ["agreements", () => readAgreements(world.actors.staffA, world.citizen.id)],
      ["relatives' spaces", () => readRelativeSpacesForStaff(world.actors.staffA, world.citizen.id)],
      ["the red thread", () => readRedThread(world.actors.staffA, world.citizen.id)],
      ["requests for contact", () => readContactRequests(world.actors.staffA, world.citizen.id)],
      ["messages", () => readMessages(world.actors.staffA, world.citizen.id)],
    ];
    for (const [label, read] of reads) {
      counting = true;
      statements = [];
      await read();
      staffPage[label] = withBegin(statements);
      counting = false;
    }
  }

  console.log(`\nThe record gate, ${OPS} operations each, ${CONCURRENCY} in flight, embedded PostgreSQL on loopback`);
  console.log("operation | ops/s | ratio to raw SQL | SQL statements per call");
  console.log("--- | --- | --- | ---");
  console.log(`${rawRead.label} (baseline) | ${fmt(rawRead.perSecond)} | 1.00 | 1`);
  console.log(
    `${gateRead.label} | ${fmt(gateRead.perSecond)} | ${fmt(gateRead.perSecond / rawRead.perSecond, 2)} | ${readStatements} (incl. BEGIN/COMMIT)`,
  );
  console.log(`${rawWrite.label} (baseline) | ${fmt(rawWrite.perSecond)} | 1.00 | 1`);
  console.log(
    `${gateWrite.label} | ${fmt(gateWrite.perSecond)} | ${fmt(gateWrite.perSecond / rawWrite.perSecond, 2)} | ${writeStatements} (incl. BEGIN/COMMIT)`,
  );
  console.log(
    `\nThe plan page's query: ${planStatements[1]} SQL statements with 1 goal, ${planStatements[50]} with 50 goals (must be equal)`,
  );
  console.log(
    `\nA caseworker's page for one citizen (full consent): ${Object.values(staffPage).reduce((a, b) => a + b, 0)} SQL statements in ${Object.keys(staffPage).length} transactions — ${Object.entries(
      staffPage,
    )
      .map(([k, v]) => `${k} ${v}`)
      .join(", ")}`,
  );
  console.log("\nA caseworker's work list (contact requests and agreements due, each citizen with one of each)");
  console.log("citizens | statements (readAcross) | ms, readAcross (median of 15) | ms, the gate citizen by citizen (baseline) | ratio");
  console.log("--- | --- | --- | --- | ---");
  for (const [n, r] of Object.entries(workList))
    console.log(`${n} | ${r.statements} | ${fmt(r.ms, 1)} | ${fmt(r.perCitizenMs, 1)} | ${fmt(r.perCitizenMs / r.ms, 1)}× faster`);
  await raw.end();
  await db.$disconnect();
} finally {
  await cluster.stop();
}

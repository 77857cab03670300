import pg from "pg";
import { PgBoss } from "pg-boss";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { connect, type Db } from "@/lib/db/connect";
import { readStory } from "@/lib/story/queries";
import { updateStorySection } from "@/lib/story/commands";
import { grantConsent } from "@/lib/consents/commands";
import { APPEND_ONLY, deploy, grantApp, QUEUE_SCHEMA } from "../../scripts/db.mjs";
import { adminQuery, dropDatabase, testDatabaseName, withDatabase } from "../support/test-database";
import { makeWorld, useDatabase } from "../support/fixtures";

// The app runs as a role of its own, which reads and writes the record and only adds to its logs; the
// owner migrates (docs/decisions/027-least-privilege-database-roles.md). Everything here is tried as
// the app's role, the role lib/ runs as in every other integration test too.
let db: Db;
let app: pg.Client;
let owner: pg.Client;
beforeAll(async () => {
  await useDatabase(inject("databaseUrl"));
  db = connect(inject("databaseUrl"), { max: 2 });
  (globalThis as { __db?: Db }).__db = db;
  app = new pg.Client({ connectionString: inject("databaseUrl") });
  owner = new pg.Client({ connectionString: inject("ownerUrl") });
  await Promise.all([app.connect(), owner.connect()]);
});
afterAll(async () => {
  await Promise.all([app.end(), owner.end(), db.$disconnect()]);
  delete (globalThis as { __db?: Db }).__db;
});

/** Runs `sql` as the app's role; resolves to the error's message, or "ok". */
async function tryAsApp(sql: string) {
  try {
    await app.query(sql);
    return "ok";
  } catch (e) {
    return (e as Error).message;
  }
}

/** A world whose access log and change log each have a row. */
async function worldWithLogRows() {
  const w = await makeWorld(db);
  await w.assign(w.actors.staffA, w.areaA); // the caseworker works with the citizen (need to know, decision 029)
  await grantConsent(w.actors.citizen, { citizenId: w.citizen.id, serviceAreaId: w.areaA.id, parts: ["STORY"] });
  await updateStorySection(w.actors.citizen, { citizenId: w.citizen.id, kind: "ABOUT_ME", text: "Hej", version: 0 });
  await readStory(w.actors.staffA, w.citizen.id);
  return w;
}

/** pg-boss as the worker runs it (createSchema false), started and stopped around `work`. */
async function useBoss(url: string, work: (boss: PgBoss) => Promise<void>) {
  const boss = new PgBoss({ connectionString: url, schema: QUEUE_SCHEMA, createSchema: false, supervise: false, schedule: false });
  boss.on("error", () => {});
  await boss.start();
  try {
    await work(boss);
  } finally {
    await boss.stop({ graceful: false });
  }
}

describe("the app's database role", () => {
  it("is its own role, not the tables' owner, and has no powers over the server", async () => {
    const { rows } = await app.query(
      `SELECT current_user AS me, r.rolsuper, r.rolcreatedb, r.rolcreaterole, r.rolbypassrls, r.rolreplication,
              pg_get_userbyid(c.relowner) AS "logOwner"
         FROM pg_roles r, pg_class c WHERE r.rolname = current_user AND c.oid = '"AccessLog"'::regclass`,
    );
    expect(rows[0]).toEqual({
      me: inject("appRole"),
      rolsuper: false,
      rolcreatedb: false,
      rolcreaterole: false,
      rolbypassrls: false,
      rolreplication: false,
      logOwner: expect.not.stringMatching(new RegExp(`^${inject("appRole")}$`)),
    });
  });

  it("has exactly its rights on every table: the record's read and written, the logs only added to and read, the migrations' table not at all", async () => {
    // every table in public, as the owner sees them: a new migration's table without its grant fails here
    const { rows: tables } = await owner.query<{ name: string }>(`SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public'`);
    expect(tables.length).toBeGreaterThan(30);
    const rights = ["SELECT", "INSERT", "UPDATE", "DELETE", "TRUNCATE", "REFERENCES", "TRIGGER"];
    const actual: Record<string, string[]> = {};
    const expected: Record<string, string[]> = {};
    for (const { name } of tables) {
      const { rows } = await app.query<{ right: string; has: boolean }>(
        `SELECT r AS right, has_table_privilege(current_user, format('public.%I', $1::text), r) AS has FROM unnest($2::text[]) r`,
        [name, rights],
      );
      actual[name] = rows.filter((r) => r.has).map((r) => r.right);
      expected[name] =
        name === "_prisma_migrations" ? [] : APPEND_ONLY.includes(name) ? ["SELECT", "INSERT"] : ["SELECT", "INSERT", "UPDATE", "DELETE"];
    }
    expect(actual).toEqual(expected);
    // within the logs, only a refusal's count may grow (decision 029): no other column of either log
    const { rows: columns } = await app.query<{ log: string; name: string }>(
      `SELECT table_name AS log, column_name AS name FROM information_schema.columns
        WHERE table_schema = 'public' AND table_name = ANY($1::text[])
          AND has_column_privilege(current_user, format('public.%I', table_name), column_name, 'UPDATE')`,
      [APPEND_ONLY],
    );
    expect(columns).toEqual([{ log: "AccessLog", name: "count" }]);
    const { rows: sequences } = await app.query<{ name: string; usage: boolean; update: boolean }>(
      `SELECT sequencename AS name, has_sequence_privilege(format('public.%I', sequencename), 'USAGE') AS usage,
              has_sequence_privilege(format('public.%I', sequencename), 'UPDATE') AS update
         FROM pg_sequences WHERE schemaname = 'public'`,
    );
    expect(sequences.length).toBeGreaterThan(0);
    for (const s of sequences) expect(s, s.name).toMatchObject({ usage: true, update: false });
  });

  it("cannot change, remove or empty a row of the access log, the change log, a stated reason or a lookup that found nobody", async () => {
    const w = await worldWithLogRows();
    for (const log of APPEND_ONLY) {
      expect(await tryAsApp(`UPDATE "${log}" SET "id" = "id"`)).toMatch(new RegExp(`permission denied for table ${log}`));
      expect(await tryAsApp(`DELETE FROM "${log}"`)).toMatch(/permission denied/);
      expect(await tryAsApp(`TRUNCATE "${log}"`)).toMatch(/permission denied/);
    }
    // and through the same client the gate uses
    await expect(db.accessLog.deleteMany({ where: { citizenId: w.citizen.id } })).rejects.toThrow(/denied/i);
    await expect(db.changeLog.updateMany({ where: { citizenId: w.citizen.id }, data: { entity: "hidden" } })).rejects.toThrow(/denied/i);
    expect(await db.accessLog.count({ where: { citizenId: w.citizen.id } })).toBe(1);
    expect(await db.changeLog.count({ where: { citizenId: w.citizen.id } })).toBeGreaterThanOrEqual(2);
  });

  it("cannot alter a table, drop or disable the log's trigger, replace its function, or step around triggers", async () => {
    expect(await tryAsApp(`ALTER TABLE "AccessLog" ADD COLUMN hidden boolean`)).toMatch(/must be owner/);
    expect(await tryAsApp(`ALTER TABLE "ChangeLog" DISABLE TRIGGER "ChangeLog_append_only"`)).toMatch(/must be owner/);
    expect(await tryAsApp(`ALTER TABLE "AccessLog" DISABLE TRIGGER ALL`)).toMatch(/must be owner/);
    expect(await tryAsApp(`DROP TRIGGER "AccessLog_append_only" ON "AccessLog"`)).toMatch(/must be owner/);
    expect(await tryAsApp(`ALTER TABLE "StorySection" DROP CONSTRAINT "StorySection_pkey"`)).toMatch(/must be owner/);
    expect(await tryAsApp(`DROP TABLE "Consent"`)).toMatch(/must be owner/);
    expect(
      await tryAsApp(`CREATE OR REPLACE FUNCTION refuse_log_change() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NULL; END $$`),
    ).toMatch(/must be owner|permission denied/);
    expect(
      await tryAsApp(
        `CREATE OR REPLACE FUNCTION access_log_only_denials_count() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$`,
      ),
    ).toMatch(/must be owner|permission denied/);
    expect(await tryAsApp(`SET session_replication_role = replica`)).toMatch(/permission denied to set parameter/);
    expect(await tryAsApp(`ALTER TABLE "AccessLog" ENABLE ROW LEVEL SECURITY`)).toMatch(/must be owner/);
  });

  it("cannot create a table, a function or a schema of its own, nor grant itself more", async () => {
    expect(await tryAsApp(`CREATE TABLE public.shadow (id int)`)).toMatch(/permission denied for schema public/);
    expect(await tryAsApp(`CREATE VIEW public."AccessLogView" AS SELECT 1`)).toMatch(/permission denied for schema public/);
    expect(await tryAsApp(`CREATE FUNCTION public.f() RETURNS int LANGUAGE sql AS 'SELECT 1'`)).toMatch(
      /permission denied for schema public/,
    );
    expect(await tryAsApp(`CREATE SCHEMA elsewhere`)).toMatch(/permission denied for database/);
    await tryAsApp(`GRANT UPDATE ON "AccessLog" TO PUBLIC`); // only a warning: "no privileges were granted"
    expect(await tryAsApp(`UPDATE "AccessLog" SET reason = 'x' WHERE false`)).toMatch(/permission denied/);
    expect(await tryAsApp(`SELECT count(*) FROM "_prisma_migrations"`)).toMatch(/permission denied/);
  });

  it("does the gate's work: a world made, a consent given, a read and a write, each logged", async () => {
    const w = await worldWithLogRows();
    const story = await readStory(w.actors.staffA, w.citizen.id);
    expect(story.ok).toBe(true);
    const again = await updateStorySection(w.actors.citizen, { citizenId: w.citizen.id, kind: "ABOUT_ME", text: "Hej igen", version: 1 });
    expect(again.ok).toBe(true);
    expect(await db.accessLog.count({ where: { citizenId: w.citizen.id } })).toBe(2);
  });

  it("runs pg-boss in the schema the owner made for it: a queue (its own partition) made, a job sent and taken", async () => {
    await useBoss(inject("databaseUrl"), async (boss) => {
      const queue = `least-privilege-${Date.now()}`;
      await boss.createQueue(queue);
      await boss.send(queue, { hello: "world" });
      const [job] = await boss.fetch<{ hello: string }>(queue);
      expect(job?.data).toEqual({ hello: "world" });
      await boss.complete(queue, job!.id);
      await boss.deleteQueue(queue);
    });
  });

  it("takes over pg-boss's tables that a worker made as the owner before this decision, and runs the queue with them", async () => {
    // a database of its own, as an installation with one role left it: pg-boss made by the owner
    const name = testDatabaseName("boss");
    await adminQuery(inject("adminUrl"), `CREATE DATABASE "${name}"`);
    try {
      const ownerUrl = withDatabase(inject("adminUrl"), name);
      await deploy(ownerUrl, { quiet: true });
      const queue = "made-by-the-owner";
      await useBoss(ownerUrl, async (boss) => {
        await boss.createQueue(queue);
        await boss.send(queue, { n: 1 });
      });
      const owners = async () =>
        (
          await adminQuery<{ owner: string }>(
            ownerUrl,
            `SELECT DISTINCT pg_get_userbyid(relowner) AS owner FROM pg_class WHERE relnamespace = 'pgboss'::regnamespace AND relkind IN ('r', 'p', 'S')`,
          )
        ).rows.map((r) => r.owner);
      expect(await owners()).not.toContain(inject("appRole"));

      await deploy(ownerUrl, { quiet: true, appRole: inject("appRole") });
      expect(await owners()).toEqual([inject("appRole")]);
      await useBoss(withDatabase(inject("databaseUrl"), name), async (boss) => {
        const [job] = await boss.fetch<{ n: number }>(queue);
        expect(job?.data).toEqual({ n: 1 });
        await boss.complete(queue, job!.id);
        await boss.createQueue("made-by-the-app"); // a partition attached to the owner's parent table, now the app's
        await boss.send("made-by-the-app", { n: 2 });
      });
    } finally {
      await dropDatabase(inject("adminUrl"), name);
    }
  });

  it("gets its rights on a new migration's table from the grants that follow every deploy", async () => {
    await owner.query(`CREATE TABLE "LeastPrivilegeProbe" (id int)`);
    try {
      expect(await tryAsApp(`INSERT INTO "LeastPrivilegeProbe" VALUES (1)`)).toMatch(/permission denied/);
      await grantApp(inject("ownerUrl"), inject("appRole"));
      expect(await tryAsApp(`INSERT INTO "LeastPrivilegeProbe" VALUES (1)`)).toBe("ok");
      expect(await tryAsApp(`ALTER TABLE "LeastPrivilegeProbe" ADD COLUMN x int`)).toMatch(/must be owner/);
    } finally {
      await owner.query(`DROP TABLE "LeastPrivilegeProbe"`);
    }
  });
});

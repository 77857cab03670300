#!/usr/bin/env node
// Database chores with the commands Prisma users know, on the embedded
// cluster when DATABASE_URL is not set (started for the command, then stopped).
//
//   npm run db                  run the embedded dev cluster until Ctrl-C
//   npm run db:migrate -- NAME  prisma migrate dev --name NAME (write + apply a migration)
//   npm run db:deploy           prisma migrate deploy (apply pending migrations)
//   npm run db:status           prisma migrate status
//   npm run db:seed             seed the demo municipality when the database is empty
import { spawnSync } from "node:child_process";
import pg from "pg";
import { startEmbedded } from "./embedded-db.mjs";
import { prisma } from "./prisma.mjs";

/** The tables the app may only add to and read: every access and every change, for the citizen to see; a reason stated for looking, and a CPR lookup that found nobody, for the leads. */
export const APPEND_ONLY = ["AccessLog", "ChangeLog", "StatedReason", "CprLookupMiss"];
/** The schema pg-boss keeps its queue in (lib/notify/queue.ts). */
export const QUEUE_SCHEMA = "pgboss";

const userOf = (url) => decodeURIComponent(new URL(url).username);

/**
 * The database's two roles, from the environment (docs/decisions/027-least-privilege-database-roles.md):
 * DATABASE_URL is the app's, MIGRATE_DATABASE_URL the owner's (migrations, grants, seed). With
 * DATABASE_URL alone, or both as one user, one role does everything, as before 027: `appRole` is null.
 * Pure; null when DATABASE_URL is not set (the embedded cluster has both roles of its own).
 * @param {Record<string, string | undefined>} [env]
 */
export function databaseRoles(env = process.env) {
  if (!env.DATABASE_URL) return null;
  const appUrl = env.DATABASE_URL;
  const ownerUrl = env.MIGRATE_DATABASE_URL || appUrl;
  const appRole = userOf(ownerUrl) === userOf(appUrl) ? null : userOf(appUrl);
  return { ownerUrl, appUrl, appRole };
}

/**
 * Runs fn({ ownerUrl, appUrl, appRole }) on DATABASE_URL (and MIGRATE_DATABASE_URL), or on the
 * embedded cluster `name`, started for the call.
 */
export async function withDatabase(fn, { name = process.env.EMBEDDED_PG_NAME ?? "dev", log = () => {} } = {}) {
  const external = databaseRoles();
  if (external) return fn(external, null);
  const db = await startEmbedded({ name, log });
  try {
    return await fn({ ownerUrl: db.ownerUrl, appUrl: db.appUrl, appRole: db.appRole }, db);
  } finally {
    await db.stop();
  }
}

/**
 * Applies pending migrations to `ownerUrl` as its owner, then what the app's role may do
 * (`grantApp`); throws when Prisma fails.
 * @param {string} ownerUrl
 * @param {{ quiet?: boolean, appRole?: string | null }} [options]
 */
export async function deploy(ownerUrl, { quiet = false, appRole = null } = {}) {
  const result = prisma(["migrate", "deploy"], { env: { ...process.env, DATABASE_URL: ownerUrl }, capture: quiet });
  if (result.status !== 0) throw new Error(`prisma migrate deploy failed:\n${result.stdout}${result.stderr}`);
  await grantApp(ownerUrl, appRole);
  return result;
}

/**
 * What the app's role may do, granted again after every deploy, so the tables of a new migration are
 * covered (tests/integration/least-privilege.int.test.ts fails when one is not): read and write the
 * record's tables, only add to and read the logs, use their sequences; no DDL, no TRUNCATE, nothing of
 * Prisma's migration table. pg-boss runs as the app's role and changes its own tables as it goes (a
 * partition per queue), so the owner makes its schema and the app's role owns what is in it. With one
 * role (`appRole` null), only the queue's schema is made, as pg-boss did before.
 * @param {string} ownerUrl
 * @param {string | null | undefined} appRole
 */
export async function grantApp(ownerUrl, appRole) {
  const client = new pg.Client({ connectionString: ownerUrl });
  await client.connect();
  try {
    const schema = client.escapeIdentifier(QUEUE_SCHEMA);
    // CREATE SCHEMA IF NOT EXISTS asks for the right to create schemas even when it exists, which a role may lack
    const { rowCount } = await client.query("SELECT 1 FROM pg_namespace WHERE nspname = $1", [QUEUE_SCHEMA]);
    if (!rowCount) await client.query(`CREATE SCHEMA ${schema}`);
    if (!appRole) return;
    const role = client.escapeIdentifier(appRole);
    const logs = APPEND_ONLY.map((t) => client.escapeIdentifier(t)).join(", ");
    await client.query("BEGIN");
    await client.query(`REVOKE CREATE ON SCHEMA public FROM PUBLIC`);
    await client.query(`REVOKE ALL ON SCHEMA public FROM ${role}`);
    await client.query(`GRANT USAGE ON SCHEMA public TO ${role}`);
    await client.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${role}`);
    await client.query(`REVOKE UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER ON ${logs} FROM ${role}`);
    // one exception (decision 029): a refusal's count grows, on its one column (a trigger holds the rest of the row)
    await client.query(`GRANT UPDATE ("count") ON "AccessLog" TO ${role}`);
    await client.query(`REVOKE ALL ON "_prisma_migrations" FROM ${role}`);
    await client.query(`GRANT USAGE ON ALL SEQUENCES IN SCHEMA public TO ${role}`);
    await client.query(`GRANT USAGE, CREATE ON SCHEMA ${schema} TO ${role}`);
    // what pg-boss made before as another role passes to the app's role (tables first: their sequences go with them)
    const owned = `pg_get_userbyid(%s) <> ${client.escapeLiteral(appRole)}`;
    await client.query(`DO $$
DECLARE r record;
BEGIN
  FOR r IN SELECT c.oid::regclass AS obj FROM pg_class c
      WHERE c.relnamespace = ${client.escapeLiteral(QUEUE_SCHEMA)}::regnamespace AND c.relkind IN ('r', 'p', 'v', 'm', 'f')
        AND ${owned.replace("%s", "c.relowner")} LOOP
    EXECUTE format('ALTER TABLE %s OWNER TO %s', r.obj, ${client.escapeLiteral(role)});
  END LOOP;
  FOR r IN SELECT c.oid::regclass AS obj FROM pg_class c
      WHERE c.relnamespace = ${client.escapeLiteral(QUEUE_SCHEMA)}::regnamespace AND c.relkind = 'S'
        AND ${owned.replace("%s", "c.relowner")} LOOP
    EXECUTE format('ALTER SEQUENCE %s OWNER TO %s', r.obj, ${client.escapeLiteral(role)});
  END LOOP;
  FOR r IN SELECT p.oid::regprocedure AS obj FROM pg_proc p
      WHERE p.pronamespace = ${client.escapeLiteral(QUEUE_SCHEMA)}::regnamespace AND ${owned.replace("%s", "p.proowner")} LOOP
    EXECUTE format('ALTER ROUTINE %s OWNER TO %s', r.obj, ${client.escapeLiteral(role)});
  END LOOP;
  FOR r IN SELECT t.oid::regtype AS obj FROM pg_type t
      WHERE t.typnamespace = ${client.escapeLiteral(QUEUE_SCHEMA)}::regnamespace AND t.typtype IN ('e', 'd', 'r')
        AND ${owned.replace("%s", "t.typowner")} LOOP
    EXECUTE format('ALTER TYPE %s OWNER TO %s', r.obj, ${client.escapeLiteral(role)});
  END LOOP;
END $$`);
    await client.query("COMMIT");
  } catch (e) {
    await client.query("ROLLBACK").catch(() => {});
    throw new Error(`granting the app's role ${appRole} its rights failed: ${e.message}`);
  } finally {
    await client.end();
  }
}

/** Seeds the demo municipality into `url` (as the owner) unless it already has one. */
export function seed(url) {
  // react-server: lets lib/ modules marked `server-only` load outside Next.
  const result = spawnSync(process.execPath, ["--conditions=react-server", "--import", "tsx", "prisma/seed.ts"], {
    stdio: "inherit",
    env: { ...process.env, DATABASE_URL: url },
  });
  if (result.status !== 0) throw new Error("seeding the demo data failed");
}

async function main([command, ...rest]) {
  const env = (url) => ({ ...process.env, DATABASE_URL: url });
  switch (command) {
    case undefined: {
      const db = await startEmbedded({ log: (m) => process.env.PG_VERBOSE && console.log("[pg]", m) });
      console.log(`embedded PostgreSQL ready in ${db.ms} ms on port ${db.port} (Ctrl-C stops it); its passwords are in ${db.passwordFile}`);
      const stop = async () => {
        await db.stop();
        process.exit(0);
      };
      process.on("SIGINT", stop);
      process.on("SIGTERM", stop);
      return;
    }
    case "migrate": {
      if (!rest[0] || rest[0].startsWith("-")) throw new Error("name the migration: npm run db:migrate -- add_goals");
      const [name, ...flags] = rest;
      return withDatabase(async ({ ownerUrl, appRole }) => {
        const { status } = prisma(["migrate", "dev", "--name", name, ...flags], { env: env(ownerUrl) });
        if (status === 0) await grantApp(ownerUrl, appRole);
        process.exit(status);
      });
    }
    case "deploy":
      return withDatabase(({ ownerUrl, appRole }) => deploy(ownerUrl, { appRole }));
    case "status":
      return withDatabase(({ ownerUrl }) => process.exit(prisma(["migrate", "status"], { env: env(ownerUrl) }).status));
    case "seed":
      return withDatabase(async ({ ownerUrl, appRole }) => {
        await deploy(ownerUrl, { appRole });
        seed(ownerUrl);
      });
    default:
      throw new Error(`unknown command "${command}": use migrate, deploy, status or seed`);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main(process.argv.slice(2)).catch((e) => {
    console.error(`[db] ${e.message}`);
    process.exit(1);
  });
}

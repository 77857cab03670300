import type { TestProject } from "vitest/node";
import { startEmbedded } from "../../scripts/embedded-db.mjs";
import { deploy } from "../../scripts/db.mjs";
import { checkRuntime } from "../../scripts/runtime.mjs";
import { adminQuery, assertLocal, dropDatabase, testDatabaseName, withDatabase } from "../support/test-database";

declare module "vitest" {
  export interface ProvidedContext {
    /** A freshly migrated database of this run's own. */
    databaseUrl: string;
    /** The same server's `postgres` database, for tests that create databases of their own. */
    adminUrl: string;
  }
}

/**
 * Integration tests run against a real PostgreSQL, never the dev data:
 * TEST_DATABASE_URL or DATABASE_URL names a server (its database is not used),
 * else the embedded "test" cluster is started. Either way the run creates its
 * own database, applies the migrations with the Prisma CLI, and drops it after.
 */
export default async function setup(project: TestProject) {
  const external = process.env.TEST_DATABASE_URL || process.env.DATABASE_URL;
  const embedded = external ? null : await startEmbedded({ name: "test" });
  const adminUrl = external ? withDatabase(external, "postgres") : embedded!.adminUrl;
  assertLocal(adminUrl);

  const name = testDatabaseName("run");
  await adminQuery(adminUrl, `CREATE DATABASE "${name}"`);
  const databaseUrl = withDatabase(adminUrl, name);
  deploy(databaseUrl, { quiet: true });

  project.provide("databaseUrl", databaseUrl);
  project.provide("adminUrl", adminUrl);
  console.log(`[integration] Node.js ${checkRuntime()}`);
  console.log(`[integration] ${external ? "external" : "embedded"} PostgreSQL, database ${name}`);

  return async () => {
    await dropDatabase(adminUrl, name);
    await embedded?.stop();
  };
}

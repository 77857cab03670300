import type { TestProject } from "vitest/node";
import { startEmbedded } from "../../scripts/embedded-db.mjs";
import { deploy } from "../../scripts/db.mjs";
import { checkRuntime } from "../../scripts/runtime.mjs";
import {
  adminQuery,
  assertLocal,
  dropDatabase,
  dropTestRole,
  makeTestRole,
  testDatabaseName,
  withDatabase,
  withUser,
} from "../support/test-database";

declare module "vitest" {
  export interface ProvidedContext {
    /** A freshly migrated database of this run's own, as the app's role: what lib/ runs as. */
    databaseUrl: string;
    /** The same database as its owner, for tests that need what the app may not do (DDL, the log's trigger). */
    ownerUrl: string;
    /** The same server's `postgres` database as a superuser, for tests that create databases of their own. */
    adminUrl: string;
    /** The app's role on that server, granted its rights by every deploy. */
    appRole: string;
  }
}

/**
 * Integration tests run against a real PostgreSQL, never the dev data:
 * TEST_DATABASE_URL or DATABASE_URL names a server (its database is not used),
 * else the embedded "test" cluster is started. Either way the run creates its
 * own database, applies the migrations with the Prisma CLI as the owner, grants
 * the app's role its rights, and drops it after. The app's code runs as that
 * role, as it does in production (docs/decisions/027-least-privilege-database-roles.md):
 * the embedded cluster's own, or a role made for this run on an external server.
 */
export default async function setup(project: TestProject) {
  const external = process.env.TEST_DATABASE_URL || process.env.DATABASE_URL;
  const embedded = external ? null : await startEmbedded({ name: "test" });
  const adminUrl = external ? withDatabase(external, "postgres") : embedded!.adminUrl;
  assertLocal(adminUrl);
  const app = embedded
    ? { role: embedded.appRole, password: new URL(embedded.appUrl).password, made: false }
    : { ...(await makeTestRole(adminUrl)), made: true };

  const name = testDatabaseName("run");
  await adminQuery(adminUrl, `CREATE DATABASE "${name}"`);
  const ownerUrl = withDatabase(adminUrl, name);
  await deploy(ownerUrl, { quiet: true, appRole: app.role });

  project.provide("databaseUrl", withUser(ownerUrl, app.role, app.password));
  project.provide("ownerUrl", ownerUrl);
  project.provide("adminUrl", adminUrl);
  project.provide("appRole", app.role);
  console.log(`[integration] Node.js ${checkRuntime()}`);
  console.log(`[integration] ${external ? "external" : "embedded"} PostgreSQL, database ${name}, the app as the role ${app.role}`);

  return async () => {
    await dropDatabase(adminUrl, name);
    if (app.made) await dropTestRole(adminUrl, app.role);
    await embedded?.stop();
  };
}

import { randomBytes } from "node:crypto";
import pg from "pg";

/** Only servers on this machine: tests create and drop databases. */
export function assertLocal(url: string) {
  const host = new URL(url).hostname;
  if (!["127.0.0.1", "localhost", "[::1]", "::1"].includes(host)) {
    throw new Error(`refusing to run tests against a database that is not on this machine (${host})`);
  }
}

/** A fresh, unique name every test database starts with; the setup refuses any other. */
export const testDatabaseName = (label = "t") => `tio_test_${label}_${Date.now().toString(36)}${randomBytes(3).toString("hex")}`;

export function withDatabase(url: string, database: string) {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

export async function adminQuery<T extends pg.QueryResultRow = pg.QueryResultRow>(adminUrl: string, sql: string, params: unknown[] = []) {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    return await client.query<T>(sql, params);
  } finally {
    await client.end();
  }
}

export async function dropDatabase(adminUrl: string, database: string) {
  if (!database.startsWith("tio_test_")) throw new Error(`refusing to drop ${database}: not a test database`);
  await adminQuery(adminUrl, `DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
}

/** The same URL as another user. */
export function withUser(url: string, user: string, password: string) {
  const u = new URL(url);
  u.username = encodeURIComponent(user);
  u.password = encodeURIComponent(password);
  return u.toString();
}

/**
 * A role of the app's kind made for one test run on an external server (the embedded cluster has its
 * own): it signs in and nothing more until a deploy grants it its rights.
 */
export async function makeTestRole(adminUrl: string) {
  const role = `tio_test_app_${Date.now().toString(36)}${randomBytes(3).toString("hex")}`;
  const password = randomBytes(18).toString("base64url");
  await adminQuery(adminUrl, `CREATE ROLE "${role}" WITH LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS PASSWORD '${password}'`);
  return { role, password };
}

export async function dropTestRole(adminUrl: string, role: string) {
  if (!role.startsWith("tio_test_app_")) throw new Error(`refusing to drop ${role}: not a test role`);
  await adminQuery(adminUrl, `DROP ROLE IF EXISTS "${role}"`).catch((e: Error) =>
    console.warn(`[integration] the role ${role} was left behind: ${e.message}`),
  );
}

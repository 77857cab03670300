import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { prisma } from "../../scripts/prisma.mjs";
import { adminQuery, dropDatabase, testDatabaseName, withDatabase } from "../support/test-database";

// The standard Prisma CLI, with its engine served by scripts/schema-engine-shim.mjs.
const root = path.resolve(import.meta.dirname, "../..");
const adminUrl = () => inject("adminUrl");
const created: string[] = [];

function cli(args: string[], databaseUrl: string, config?: string) {
  const result = prisma([...args, ...(config ? ["--config", config] : [])], {
    env: { ...process.env, DATABASE_URL: databaseUrl },
    capture: true,
  });
  return { ...result, output: result.stdout + result.stderr };
}

const tables = async (url: string) =>
  (
    await adminQuery<{ table_name: string }>(
      url,
      "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY 1",
    )
  ).rows.map((r) => r.table_name);
const shadowDatabases = async () =>
  (await adminQuery<{ datname: string }>(adminUrl(), "SELECT datname FROM pg_database WHERE datname LIKE 'prisma_migrate_shadow_db_%'"))
    .rows;

/** A copy of prisma/ in a scratch folder of the checkout, so a test may add migrations. */
function scratchProject() {
  const dir = path.join(root, ".data", "tmp", testDatabaseName("prisma"));
  fs.mkdirSync(dir, { recursive: true });
  fs.cpSync(path.join(root, "prisma/schema"), path.join(dir, "schema"), { recursive: true });
  fs.cpSync(path.join(root, "prisma/migrations"), path.join(dir, "migrations"), { recursive: true });
  // the scratch schema generates nothing: drop the generator block
  const base = path.join(dir, "schema", "base.prisma");
  fs.writeFileSync(base, fs.readFileSync(base, "utf8").replace(/generator client \{[^}]*\}/, ""));
  const config = path.join(dir, "prisma.config.ts");
  fs.writeFileSync(
    config,
    `import { defineConfig } from "prisma/config";
export default defineConfig({
  schema: ${JSON.stringify(path.join(dir, "schema"))},
  migrations: { path: ${JSON.stringify(path.join(dir, "migrations"))} },
  datasource: { url: process.env.DATABASE_URL! },
});
`,
  );
  return { dir, config, addModel: (file: string, text: string) => fs.writeFileSync(path.join(dir, "schema", file), text) };
}

describe("migrations through the standard Prisma CLI", () => {
  beforeAll(() => fs.mkdirSync(path.join(root, ".data", "tmp"), { recursive: true }));
  afterAll(async () => {
    for (const name of created) await dropDatabase(adminUrl(), name);
  });

  it("the committed migrations match the schema (no forgotten migration)", () => {
    const result = cli(
      ["migrate", "diff", "--from-migrations", "prisma/migrations", "--to-schema", "prisma/schema", "--exit-code"],
      inject("ownerUrl"), // its shadow database needs the right to create databases
    );
    expect(result.output).toMatch(/No difference detected|empty migration/i);
    expect(result.status).toBe(0);
  });

  it("migrates a second, brand-new database from zero, and its status is clean", async () => {
    const name = testDatabaseName("zero");
    created.push(name);
    const url = withDatabase(adminUrl(), name);

    const deploy = cli(["migrate", "deploy"], url);
    expect(deploy.output).toMatch(/created/i); // the CLI created the database itself
    expect(deploy.status).toBe(0);
    expect(await tables(url)).toEqual(expect.arrayContaining(["Municipality", "ServiceArea", "_prisma_migrations"]));

    const status = cli(["migrate", "status"], url);
    expect(status.output).toMatch(/Database schema is up to date/);
    expect(status.status).toBe(0);
  });

  it("create -> apply -> status is clean, and a shadow database never touches the main one", async () => {
    const name = testDatabaseName("dev");
    created.push(name);
    const url = withDatabase(adminUrl(), name);
    const project = scratchProject();
    expect(cli(["migrate", "deploy"], url, project.config).status).toBe(0);
    // data that must survive: a shadow that was really the main database would replay
    // the migrations into it ("already exists") or wipe it
    await adminQuery(url, `INSERT INTO "Municipality" (id, slug, name) VALUES (gen_random_uuid(), 'keep', 'Keep me')`);
    const appliedBefore = (await adminQuery(url, `SELECT migration_name FROM _prisma_migrations`)).rowCount;

    project.addModel("note.prisma", "model Note {\n  id   Int    @id @default(autoincrement())\n  text String\n}\n");
    const dev = cli(["migrate", "dev", "--name", "add_note"], url, project.config);
    expect(dev.status, dev.output).toBe(0);

    const written = fs.readdirSync(path.join(project.dir, "migrations")).filter((m) => m.endsWith("_add_note"));
    expect(written).toHaveLength(1);
    expect(fs.readFileSync(path.join(project.dir, "migrations", written[0]!, "migration.sql"), "utf8")).toMatch(/CREATE TABLE "Note"/);
    expect(await tables(url)).toContain("Note");
    expect((await adminQuery(url, `SELECT name FROM "Municipality"`)).rows).toEqual([{ name: "Keep me" }]);
    expect((await adminQuery(url, `SELECT migration_name FROM _prisma_migrations`)).rowCount).toBe((appliedBefore ?? 0) + 1);

    const status = cli(["migrate", "status"], url, project.config);
    expect(status.output).toMatch(/Database schema is up to date/);
    expect(await shadowDatabases()).toEqual([]);
    fs.rmSync(project.dir, { recursive: true, force: true });
  });

  it("reports a pending migration instead of hiding it", async () => {
    const name = testDatabaseName("behind");
    created.push(name);
    const url = withDatabase(adminUrl(), name);
    const project = scratchProject();
    expect(cli(["migrate", "deploy"], url, project.config).status).toBe(0);
    const stamp = "29991231000000_later";
    fs.mkdirSync(path.join(project.dir, "migrations", stamp));
    fs.writeFileSync(path.join(project.dir, "migrations", stamp, "migration.sql"), 'CREATE TABLE "Later" (id int);\n');

    const status = cli(["migrate", "status"], url, project.config);
    expect(status.status).not.toBe(0);
    expect(status.output).toMatch(/have not yet been applied[\s\S]*29991231000000_later/);
    fs.rmSync(project.dir, { recursive: true, force: true });
  });
});

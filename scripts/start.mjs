#!/usr/bin/env node
// One command runs the app: `npm run dev` (next dev) or `npm start` (next start,
// after `npm run build`). Extra arguments go to Next, e.g. `npm start -- -p 3100`.
//
// Without DATABASE_URL: start the embedded PostgreSQL (created on first run),
// apply migrations and seed the demo municipality when the database is empty.
// With DATABASE_URL: apply migrations; seed only with --seed (or SEED_DEMO=1).
import { spawn } from "node:child_process";
import { createRequire } from "node:module";
import { startEmbedded } from "./embedded-db.mjs";
import { deploy, seed } from "./db.mjs";

const args = process.argv.slice(2);
const dev = args.includes("--dev");
const wantSeed = args.includes("--seed") || process.env.SEED_DEMO === "1";
const nextArgs = args.filter((a) => a !== "--dev" && a !== "--seed");
process.env.NEXT_TELEMETRY_DISABLED ??= "1"; // Next.js's usage reports
const say = (m) => console.log(`[start] ${m}`);

let db = null;
try {
  if (!process.env.DATABASE_URL) {
    const name = process.env.EMBEDDED_PG_NAME ?? "dev";
    db = await startEmbedded({ name, log: (m) => process.env.PG_VERBOSE && console.log("[pg]", m) });
    process.env.DATABASE_URL = db.url;
    say(`embedded PostgreSQL "${name}" ${db.fresh ? "created and started" : "started"} in ${db.ms} ms on port ${db.port}`);
  }
  deploy(process.env.DATABASE_URL, { quiet: true });
  say("database migrations are up to date");
  if (db || wantSeed) seed(process.env.DATABASE_URL);
} catch (e) {
  console.error(`[start] ${e.message}`);
  await db?.stop();
  process.exit(1);
}

const nextBin = createRequire(import.meta.url).resolve("next/dist/bin/next");
const next = spawn(process.execPath, [nextBin, dev ? "dev" : "start", ...nextArgs], { stdio: "inherit", env: process.env });

let stopping = false;
async function shutdown(code) {
  if (stopping) return;
  stopping = true;
  if (next.exitCode === null) next.kill("SIGTERM");
  await db?.stop();
  process.exit(code);
}
next.on("exit", (code) => shutdown(code ?? 0));
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => shutdown(0));

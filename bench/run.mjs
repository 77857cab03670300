#!/usr/bin/env node
// npm run bench [-- NAME ...]: runs bench/NAME.mjs for each name (all when none).
// Benchmarks print figures; they never pass or fail on speed.
import { spawnSync } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";

const dir = path.dirname(fileURLToPath(import.meta.url));
const all = ["http", "js-bytes", "record", "notify", "drills", "cls"];
// TypeScript benchmarks run through tsx, as server code (react-server lets `server-only` load)
const command = (name) =>
  name === "record" || name === "notify"
    ? ["--conditions=react-server", "--import", "tsx", path.join(dir, `${name}.ts`)]
    : [path.join(dir, `${name}.mjs`)];
const names = process.argv.slice(2).length ? process.argv.slice(2) : all;
for (const name of names) {
  if (!all.includes(name)) throw new Error(`unknown benchmark ${name}; known: ${all.join(", ")}`);
  const { status } = spawnSync(process.execPath, command(name), { stdio: "inherit" });
  if (status !== 0) process.exit(status ?? 1);
}

// The drills of issue 15, run as they run in CI (the integration tests
// tests/integration/crash-drill.int.test.ts and backup-drill.int.test.ts), and their figures printed:
// kill -9 of PostgreSQL under 200 writes through the gate, and a backup restored into a fresh cluster.
// Usage: npm run bench -- drills   (no build needed; fails only if a drill fails, never on speed)
import { spawnSync } from "node:child_process";
import path from "node:path";
import { ROOT, table } from "./lib.mjs";

const files = ["tests/integration/crash-drill.int.test.ts", "tests/integration/backup-drill.int.test.ts"];
const run = spawnSync(process.execPath, [path.join(ROOT, "node_modules/vitest/vitest.mjs"), "run", "--project", "integration", ...files], {
  cwd: ROOT,
  env: { ...process.env, FORCE_COLOR: "0" },
  encoding: "utf8",
});
const out = `${run.stdout}${run.stderr}`;
if (run.status !== 0) {
  console.error(out);
  process.exit(run.status ?? 1);
}
const line = (tag) => {
  const found = out.split("\n").find((l) => l.includes(`[${tag}]`)) ?? "";
  return found.slice(found.indexOf(`[${tag}]`));
};
const crash = line("crash-drill");
const restore = line("backup-drill");
const figure = (text, re) => re.exec(text)?.[1] ?? "?";

table(
  "The drills (issue 15): figures from one run; the target is the issue's",
  ["figure", "this run", "target"],
  [
    [
      "writes acknowledged / failed, of 200 (kill at the 100th)",
      `${figure(crash, /(\d+) acknowledged/)} / ${figure(crash, /(\d+) failed/)}`,
      "every acknowledged one kept",
    ],
    ["kill -9 → first 503 from readiness (ms)", figure(crash, /first 503: (\d+) ms/), "≤ 2000"],
    ["restart → PostgreSQL up after crash recovery (ms)", figure(crash, /PostgreSQL up (\d+) ms/), "—"],
    ["restart → first 200 from readiness (ms)", figure(crash, /first 200: (\d+) ms/), "by itself"],
    ["backup: tables, rows", `${figure(restore, /(\d+) tables/)}, ${figure(restore, /, (\d+) rows/)}`, "all"],
    ["backup file (bytes)", figure(restore, /backup (\d+) bytes/), "—"],
    ["npm run db:backup (ms)", figure(restore, /bytes in (\d+) ms/), "—"],
    ["npm run db:restore into a fresh cluster (ms)", figure(restore, /fresh cluster in (\d+) ms/), "—"],
  ],
);
console.log(`\n${crash}\n${restore.split("\n")[0]}`);

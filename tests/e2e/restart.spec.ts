import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { alive } from "../../scripts/embedded-db.mjs";
import { RESTART_PG_PORT, RESTART_PORT, SMTP_ENV } from "./servers";

// `npm start` killed with kill -9 and started again: a second app of the same
// build, on its own port and embedded cluster, beside the one the other tests use.
const PORT = RESTART_PORT;
const env = {
  ...process.env,
  DATABASE_URL: "",
  EMBEDDED_PG_NAME: "e2e-restart",
  EMBEDDED_PG_PORT: String(RESTART_PG_PORT),
  NEXT_TELEMETRY_DISABLED: "1",
  TIO_DEMO: "0",
  AUTH_SECRET: "e2e-only-secret-0123456789abcdef0123456789",
  CPR_HASH_KEY: "e2e-only-cpr-key-0123456789abcdef0123456789",
  APP_URL: `http://127.0.0.1:${PORT}`,
  // a production build is ready only with a way to send sign-in links
  ...SMTP_ENV,
};
const ready = `http://127.0.0.1:${PORT}/api/ready`;

function start(): ChildProcess {
  return spawn(process.execPath, ["scripts/start.mjs", "-p", String(PORT), "-H", "127.0.0.1"], { env, stdio: "ignore" });
}
async function isReady() {
  try {
    return (await fetch(ready)).status === 200;
  } catch {
    return false;
  }
}
// what start.mjs records about the run it owns
const runFile = path.join(import.meta.dirname, "../../.data/run/app-e2e-restart.json");
const owner = () => {
  try {
    return JSON.parse(fs.readFileSync(runFile, "utf8")) as { starter: number; next: number };
  } catch {
    return null;
  }
};
const exited = (child: ChildProcess) =>
  new Promise((resolve) => (child.exitCode !== null || child.signalCode ? resolve(null) : child.once("exit", resolve)));

test("the app starts again after its start command was killed with kill -9", async () => {
  test.setTimeout(120_000);
  const first = start();
  await expect.poll(isReady, { timeout: 60_000 }).toBe(true);
  const orphanNext = owner()!.next;
  first.kill("SIGKILL");
  await exited(first);
  expect(await isReady()).toBe(true); // its Next.js server and database outlived it

  const second = start();
  try {
    // the second run has taken over: it owns the run and serves
    await expect.poll(async () => owner()?.starter === second.pid && (await isReady()), { timeout: 60_000 }).toBe(true);
    expect(alive(orphanNext)).toBe(false); // the orphaned server was stopped, not left holding the port
    const page = await fetch(`http://127.0.0.1:${PORT}/da`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain("Solbjerg Kommune");
  } finally {
    second.kill("SIGTERM");
    await exited(second);
  }
  await expect.poll(isReady, { timeout: 15_000 }).toBe(false); // a clean stop leaves nothing behind
});

test("stopped by its service manager, it stops the app and the worker first and the database last: no connection is cut under them", async () => {
  test.setTimeout(120_000);
  const run = spawn(process.execPath, ["scripts/start.mjs", "--worker", "-p", String(PORT), "-H", "127.0.0.1"], {
    // PostgreSQL's own log too: at a fast shutdown it names every connection it had to end
    env: { ...env, PG_VERBOSE: "1" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  run.stdout!.on("data", (d) => (out += d));
  run.stderr!.on("data", (d) => (out += d));
  await expect.poll(isReady, { timeout: 60_000 }).toBe(true);
  await expect.poll(() => out, { timeout: 30_000 }).toContain("[worker] started");
  expect((await fetch(`http://127.0.0.1:${PORT}/da`)).status).toBe(200);
  run.kill("SIGTERM"); // one signal to the one process, as systemd or a container's runtime sends it
  expect(await exited(run)).toBe(0);
  expect(out).toContain("[worker] stopping");
  // PostgreSQL's fast shutdown ends the connections still open with this; none may be left to end
  expect(out).not.toContain("terminating connection due to administrator command");
  expect(out).not.toMatch(/Unhandled|uncaught/i);
  await expect.poll(isReady, { timeout: 15_000 }).toBe(false);
});

import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { alive, embeddedLayout } from "../../scripts/embedded-db.mjs";

// The embedded PostgreSQL the way `npm run dev` uses it, in child processes of
// its own: a cluster of its own name and port, removed afterwards.
const root = path.resolve(import.meta.dirname, "../..");
// a port of its own (EMBEDDED_PG_TEST_PORT to move it), not the suite's EMBEDDED_PG_PORT: the "test" cluster is on that
const PORT = Number(process.env.EMBEDDED_PG_TEST_PORT ?? 54379);
const env = { ...process.env, EMBEDDED_PG_PORT: String(PORT), DATABASE_URL: "" };
const isRoot = process.getuid?.() === 0;

const program = (projectRoot: string, name: string) => `
  const m = await import(${JSON.stringify(pathToUrl(path.join(projectRoot, "scripts/embedded-db.mjs")))});
  const db = await m.startEmbedded({ name: ${JSON.stringify(name)} });
  console.log("READY " + db.ownerUrl + " " + db.appUrl);
  const stop = async () => { await db.stop(); process.exit(0); };
  process.on("SIGTERM", stop);
  setInterval(() => {}, 1000);
`;
function pathToUrl(p: string) {
  return new URL(`file://${p}`).href;
}

function startChild(projectRoot: string, name: string): Promise<{ child: ChildProcess; url: string; appUrl: string }> {
  const child = spawn(process.execPath, ["--input-type=module", "-e", program(projectRoot, name)], { env, cwd: projectRoot });
  return new Promise((resolve, reject) => {
    let out = "";
    const timer = setTimeout(() => reject(new Error(`no READY within 60 s:\n${out}`)), 60_000);
    child.stdout!.on("data", (d) => {
      out += d;
      const m = /READY (\S+) (\S+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve({ child, url: m[1]!, appUrl: m[2]! });
      }
    });
    child.stderr!.on("data", (d) => (out += d));
    child.on("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`exited ${code} before READY:\n${out}`));
    });
  });
}

const exited = (child: ChildProcess) => new Promise((r) => (child.exitCode !== null || child.signalCode ? r(null) : child.once("exit", r)));
const portAnswers = (port: number) =>
  new Promise<boolean>((resolve) => {
    const s = net.connect({ host: "127.0.0.1", port }, () => (s.end(), resolve(true)));
    s.on("error", () => resolve(false));
  });
async function selectOne(url: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query("SELECT 1 AS one")).rows[0].one;
  } finally {
    await client.end();
  }
}
const postmasterPid = (dataDir: string) => Number(fs.readFileSync(path.join(dataDir, "postmaster.pid"), "utf8").split("\n")[0]);
async function until(check: () => Promise<boolean> | boolean, ms = 15_000) {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (await check()) return true;
    await new Promise((r) => setTimeout(r, 100));
  }
  return false;
}

describe("the embedded PostgreSQL", () => {
  const cleanup: string[] = [];
  afterAll(() => {
    for (const dir of cleanup) fs.rmSync(dir, { recursive: true, force: true });
  });

  it("starts again after its owner was killed with kill -9 (orphaned postmaster)", async () => {
    const layout = embeddedLayout({ name: "crash", env });
    cleanup.push(layout.dataDir, layout.passwordFile);
    const first = await startChild(root, "crash");
    expect(await selectOne(first.url)).toBe(1);
    const orphan = postmasterPid(layout.dataDir);

    first.child.kill("SIGKILL");
    await exited(first.child);
    expect(alive(orphan)).toBe(true); // the postmaster outlived its owner
    expect(await portAnswers(PORT)).toBe(true);

    const second = await startChild(root, "crash");
    expect(await selectOne(second.url)).toBe(1);
    expect(alive(orphan)).toBe(false); // the orphan was stopped, not silently reused
    expect(postmasterPid(layout.dataDir)).not.toBe(orphan);

    second.child.kill("SIGTERM");
    await exited(second.child);
    expect(await until(async () => !(await portAnswers(PORT)))).toBe(true); // a clean stop leaves nothing running
  });

  it("stops at once when its server was stopped under it (an operator's fast shutdown): it waits for no exit that has come", async () => {
    const layout = embeddedLayout({ name: "stopped", env });
    cleanup.push(layout.dataDir, layout.passwordFile);
    const first = await startChild(root, "stopped");
    const postmaster = postmasterPid(layout.dataDir);
    process.kill(postmaster, "SIGINT");
    expect(await until(() => !alive(postmaster))).toBe(true);
    first.child.kill("SIGTERM");
    // 0: its own stop finished and it exited; not 143, the package's exit hook giving up after waiting 10 s
    expect(await exited(first.child)).toBe(0);
  });

  it("gives a cluster made with the old fixed password a random one, kept 0600 outside the checkout", async () => {
    const layout = embeddedLayout({ name: "legacy", env });
    cleanup.push(layout.dataDir, layout.passwordFile);
    const first = await startChild(root, "legacy");
    // as a cluster made before decision 027: the fixed password, and no password file
    const legacyUrl = (url: string) => {
      const u = new URL(url);
      u.password = "password";
      return u.toString();
    };
    const admin = new pg.Client({ connectionString: first.url });
    await admin.connect();
    await admin.query(`ALTER ROLE postgres PASSWORD 'password'`);
    await admin.end();
    first.child.kill("SIGTERM");
    await exited(first.child);
    fs.rmSync(layout.passwordFile);

    const second = await startChild(root, "legacy");
    expect(await selectOne(second.url)).toBe(1);
    expect(await selectOne(second.appUrl)).toBe(1);
    expect(new URL(second.url).password).not.toBe("password");
    await expect(selectOne(legacyUrl(second.url))).rejects.toThrow(/password authentication failed/);
    expect(fs.statSync(layout.passwordFile).mode & 0o777).toBe(0o600);
    expect(layout.passwordFile.startsWith(root)).toBe(false);
    expect(JSON.parse(fs.readFileSync(layout.passwordFile, "utf8"))).toEqual({
      postgres: decodeURIComponent(new URL(second.url).password),
      tio_app: decodeURIComponent(new URL(second.appUrl).password),
    });
    second.child.kill("SIGTERM");
    await exited(second.child);
    expect(await until(async () => !(await portAnswers(PORT)))).toBe(true);
  });

  it.runIf(isRoot)("as root, runs from a checkout the postgres user cannot enter", async () => {
    // a checkout below a 0700 folder, as a fresh CI clone may be
    const locked = fs.mkdtempSync(path.join(os.tmpdir(), "tio-locked-"));
    fs.chmodSync(locked, 0o700);
    const checkout = path.join(locked, "clone");
    fs.mkdirSync(path.join(checkout, "scripts"), { recursive: true });
    fs.copyFileSync(path.join(root, "scripts/embedded-db.mjs"), path.join(checkout, "scripts/embedded-db.mjs"));
    fs.symlinkSync(path.join(root, "node_modules"), path.join(checkout, "node_modules"));
    const layout = embeddedLayout({ name: "locked", env, root: checkout });
    cleanup.push(layout.dataDir, layout.passwordFile, locked);

    const { child, url } = await startChild(checkout, "locked");
    expect(await selectOne(url)).toBe(1);
    expect(layout.dataDir.startsWith(locked)).toBe(false);
    child.kill("SIGTERM");
    await exited(child);
    expect(await until(async () => !(await portAnswers(PORT)))).toBe(true);
  });
});

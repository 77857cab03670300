import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { alive, startEmbedded } from "../../scripts/embedded-db.mjs";
import { DEMO_PORT, SMTP_ENV } from "./servers";

// The crash drill of issue 15, over HTTP: the production build (`npm start`) on a PostgreSQL of its own,
// which is killed with kill -9 under it. /api/ready must answer 503 within 2 s of the kill, and 200 again
// once PostgreSQL is back, with the same app process: nobody restarts it. (The 200 concurrent writes through
// the gate, and that none is lost or half-applied, are tests/integration/crash-drill.int.test.ts.)
const PORT = DEMO_PORT + 20;
const PG_PORT = 54813;
const ready = `http://127.0.0.1:${PORT}/api/ready`;

type Cluster = Awaited<ReturnType<typeof startEmbedded>>;
type Probe = { sentAt: number; answeredAt: number; status: number | null; answered: Promise<void> };
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function status(): Promise<number> {
  try {
    return (await fetch(ready, { signal: AbortSignal.timeout(5000) })).status;
  } catch {
    return 0; // no answer at all
  }
}
const exited = (child: ChildProcess) =>
  new Promise((resolve) => (child.exitCode !== null || child.signalCode ? resolve(null) : child.once("exit", resolve)));

test("PostgreSQL killed with kill -9 under the running app: /api/ready says 503 within 2 s, and 200 again by itself once it is back", async () => {
  test.setTimeout(180_000);
  let cluster: Cluster = await startEmbedded({ name: "e2e-crash", port: PG_PORT, freshDatabase: true });
  const app = spawn(process.execPath, ["scripts/start.mjs", "-p", String(PORT), "-H", "127.0.0.1"], {
    env: {
      ...process.env,
      // the app's own server, as in production: migrated by its owner, run as the app's role (decision 027)
      MIGRATE_DATABASE_URL: cluster.ownerUrl,
      DATABASE_URL: cluster.appUrl,
      NEXT_TELEMETRY_DISABLED: "1",
      TIO_DEMO: "0",
      AUTH_SECRET: "e2e-only-secret-0123456789abcdef0123456789",
      CPR_HASH_KEY: "e2e-only-cpr-key-0123456789abcdef0123456789",
      APP_URL: `http://127.0.0.1:${PORT}`,
      ...SMTP_ENV,
    },
    stdio: "ignore",
  });
  try {
    await expect.poll(status, { timeout: 90_000 }).toBe(200);

    // a readiness probe every 50 ms, each on its own request, as a load balancer's would be
    // (each is kept from when it is sent, so one that never comes back is seen)
    const probes: Probe[] = [];
    let probing = true;
    const prober = (async () => {
      while (probing) {
        const probe: Probe = { sentAt: performance.now(), answeredAt: 0, status: null, answered: Promise.resolve() };
        probe.answered = status().then((s) => {
          Object.assign(probe, { status: s, answeredAt: performance.now() });
        });
        probes.push(probe);
        await sleep(50);
      }
    })();
    await sleep(500);

    const pid = Number(fs.readFileSync(path.join(cluster.dataDir, "postmaster.pid"), "utf8").split("\n")[0]);
    process.kill(pid, "SIGKILL");
    const killedAt = performance.now();
    await expect.poll(() => probes.some((p) => p.sentAt >= killedAt && p.status === 503), { timeout: 10_000 }).toBe(true);
    const first503 = probes.filter((p) => p.sentAt >= killedAt && p.status === 503).sort((a, b) => a.answeredAt - b.answeredAt)[0]!;
    const killTo503 = Math.round(first503.answeredAt - killedAt);
    expect(killTo503).toBeLessThanOrEqual(2000); // the target
    await sleep(1000); // down for a while: every probe sent is answered 503, none hangs
    const down = probes.filter((p) => p.sentAt >= first503.sentAt);
    await Promise.all(down.map((p) => p.answered));
    expect(down.map((p) => p.status)).toEqual(down.map(() => 503));
    const slowestDown = Math.round(Math.max(...down.map((p) => p.answeredAt - p.sentAt)));

    // PostgreSQL again, on the same data; the app is left alone
    const restartAt = performance.now();
    for (let attempt = 0; ; attempt++) {
      try {
        cluster = await startEmbedded({ name: "e2e-crash", port: PG_PORT });
        break;
      } catch (e) {
        if (attempt >= 20) throw e; // the killed postmaster's backends may still be on their way out
        await sleep(250);
      }
    }
    const clusterUpMs = Math.round(performance.now() - restartAt);
    await expect.poll(() => probes.some((p) => p.sentAt >= restartAt && p.status === 200), { timeout: 30_000 }).toBe(true);
    probing = false;
    await prober;
    await Promise.all(probes.map((p) => p.answered));
    const first200 = probes.filter((p) => p.sentAt >= restartAt && p.status === 200).sort((a, b) => a.answeredAt - b.answeredAt)[0]!;
    const restartTo200 = Math.round(first200.answeredAt - restartAt);
    expect(app.exitCode).toBeNull(); // the same app process all along
    expect(alive(app.pid!)).toBe(true);

    console.log(
      `[crash-drill/http] /api/ready of the production build: kill -9 → first 503 in ${killTo503} ms, ` +
        `slowest answer while down ${slowestDown} ms (${down.length} probes); restart → PostgreSQL up ${clusterUpMs} ms, ` +
        `→ first 200 in ${restartTo200} ms; the app was not restarted`,
    );
  } finally {
    app.kill("SIGTERM");
    await exited(app);
    await cluster.stop();
    fs.rmSync(cluster.dataDir, { recursive: true, force: true });
  }
});

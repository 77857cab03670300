import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEmbedded } from "../../scripts/embedded-db.mjs";
import { deploy } from "../../scripts/db.mjs";
import { connect, type Db } from "@/lib/db/connect";
import { sendMessage } from "@/lib/messages/commands";
import { checkReadiness } from "@/lib/health/ready";
import { useDatabase } from "../support/fixtures";
import { drillWorld } from "../support/drill-world";

// The crash drill of issue 15: PostgreSQL killed with kill -9 in the middle of 200 concurrent writes through
// the record gate. Every write the app acknowledged must be there after the restart, none half-applied, and
// the app's readiness must say 503 within 2 s of the kill and 200 again once PostgreSQL is back, with no
// restart of the app. It runs on an embedded cluster of its own, whatever server the rest of the suite uses
// (an external server cannot be killed from here), with this process's database client as the app's: the
// pool of ten connections that lib/db gives a server process, used by the gate and the readiness check alike.
const PORT = 54810;
const WRITES = 200;
const KILL_AFTER = WRITES / 2;

// a production-like server: a mail server is named, so readiness is about the database alone
Object.assign(process.env, { SMTP_HOST: "127.0.0.1", SMTP_PORT: "2525", SMTP_SECURITY: "none", MAIL_FROM: "Drill <drill@example.test>" });

type Cluster = Awaited<ReturnType<typeof startEmbedded>>;
type Outcome = { i: number; citizenId: string; ok: boolean; messageId?: string; error?: string; ms: number };
type Probe = { startedAt: number; endedAt: number; ready: boolean; why?: string };

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const postmasterPid = (dataDir: string) => Number(fs.readFileSync(path.join(dataDir, "postmaster.pid"), "utf8").split("\n")[0]);

let cluster: Cluster;
let db: Db;
const shared = globalThis as { __db?: Db };

beforeAll(async () => {
  cluster = await startEmbedded({ name: "drill", port: PORT, freshDatabase: true });
  // migrated by its owner; the gate's writes as the app's role, as in production (decision 027)
  await deploy(cluster.ownerUrl, { quiet: true, appRole: cluster.appRole });
  await useDatabase(cluster.appUrl);
  db = connect(cluster.appUrl); // the app's own pool size
  shared.__db = db;
});

afterAll(async () => {
  await db?.$disconnect();
  delete shared.__db;
  await cluster?.stop();
  if (cluster) fs.rmSync(cluster.dataDir, { recursive: true, force: true });
});

/** Asks readiness every 100 ms, each check on its own (a slow one does not hold back the next), until stopped. */
function probeReadiness() {
  const probes: Probe[] = [];
  let running = true;
  const pending: Promise<void>[] = [];
  const loop = (async () => {
    while (running) {
      const startedAt = performance.now();
      pending.push(
        checkReadiness().then((r) => {
          probes.push({ startedAt, endedAt: performance.now(), ready: r.ready, why: r.ready ? undefined : r.database });
        }),
      );
      await sleep(100);
    }
  })();
  return {
    probes,
    async stop() {
      running = false;
      await loop;
      await Promise.all(pending);
    },
  };
}

describe("the crash drill", () => {
  it("kill -9 PostgreSQL in the middle of 200 concurrent writes through the gate: every acknowledged write is there after the restart, none half-applied, and readiness goes 503 and back to 200 by itself", async () => {
    const { actor, citizenIds } = await drillWorld(db, WRITES);
    // ready before the drill: the pool has connected
    for (let i = 0; i < 20 && !(await checkReadiness()).ready; i++) await sleep(250);
    expect((await checkReadiness()).ready).toBe(true);

    const probe = probeReadiness();
    const pid = postmasterPid(cluster.dataDir);
    let acknowledged = 0;
    let killedAt = 0;
    const t0 = performance.now();
    // a caseworker writes to 200 citizens at once: each write is a message, its change-log row, its access-log
    // row and a notification for the citizen, in one transaction of the gate
    const outcomes: Outcome[] = await Promise.all(
      citizenIds.map(async (citizenId, i): Promise<Outcome> => {
        try {
          const result = await sendMessage(actor, { citizenId, text: `Drill ${i}` });
          const ms = Math.round(performance.now() - t0);
          if (!result.ok) return { i, citizenId, ok: false, error: result.error, ms };
          if (++acknowledged === KILL_AFTER) {
            process.kill(pid, "SIGKILL");
            killedAt = performance.now();
          }
          return { i, citizenId, ok: true, messageId: result.value.messageId, ms };
        } catch (e) {
          return {
            i,
            citizenId,
            ok: false,
            error: (e as Error).message.split("\n").pop()!.slice(0, 120),
            ms: Math.round(performance.now() - t0),
          };
        }
      }),
    );
    const settledMs = Math.round(performance.now() - killedAt);
    expect(killedAt).toBeGreaterThan(0);
    const acked = outcomes.filter((o) => o.ok);
    const failed = outcomes.filter((o) => !o.ok);

    // the app says it is not ready: the first 503 answered to a check asked after the kill
    for (let i = 0; i < 50 && !probe.probes.some((p) => p.startedAt >= killedAt && !p.ready); i++) await sleep(100);
    const first503 = probe.probes.filter((p) => p.startedAt >= killedAt && !p.ready).sort((a, b) => a.endedAt - b.endedAt)[0];
    expect(first503, "readiness never answered 503 after the kill").toBeDefined();
    const killTo503 = Math.round(first503!.endedAt - killedAt);
    expect(killTo503).toBeLessThanOrEqual(2000); // the target

    // PostgreSQL starts again on the same data (crash recovery); the app is left as it is
    const restartAt = performance.now();
    let restarted: Cluster | null = null;
    let attempts = 0;
    for (let attempt = 0; !restarted; attempt++) {
      attempts = attempt + 1;
      try {
        restarted = await startEmbedded({ name: "drill", port: PORT });
      } catch (e) {
        // the killed postmaster's backends may still be on their way out
        if (attempt >= 20) throw e;
        await sleep(250);
      }
    }
    cluster = restarted;
    const clusterUpMs = Math.round(performance.now() - restartAt);
    let first200: Probe | undefined;
    for (let i = 0; i < 100 && !first200; i++) {
      first200 = probe.probes.find((p) => p.startedAt >= restartAt && p.ready);
      if (!first200) await sleep(100);
    }
    await probe.stop();
    expect(first200, "readiness did not answer 200 again within 10 s of the restart").toBeDefined();
    const restartTo200 = Math.round(first200!.endedAt - restartAt);

    // every acknowledged write is there, whole; every other write is either whole or not there at all
    const [messages, changes, accesses, notifications] = await Promise.all([
      db.message.findMany({ where: { citizenId: { in: citizenIds } }, select: { id: true, citizenId: true, text: true } }),
      db.changeLog.findMany({ where: { citizenId: { in: citizenIds } }, select: { citizenId: true, entity: true, entityId: true } }),
      db.accessLog.findMany({ where: { citizenId: { in: citizenIds } }, select: { citizenId: true, purpose: true, outcome: true } }),
      db.notification.findMany({ where: { citizenId: { in: citizenIds } }, select: { citizenId: true, kind: true, subjectId: true } }),
    ]);
    const byCitizen = <T extends { citizenId: string | null }>(rows: T[]) => {
      const map = new Map<string, T[]>();
      for (const r of rows) map.set(r.citizenId!, [...(map.get(r.citizenId!) ?? []), r]);
      return map;
    };
    const [m, c, a, n] = [byCitizen(messages), byCitizen(changes), byCitizen(accesses), byCitizen(notifications)];
    let committedThoughFailed = 0;
    for (const o of outcomes) {
      const msg = m.get(o.citizenId) ?? [];
      const ch = c.get(o.citizenId) ?? [];
      const acc = a.get(o.citizenId) ?? [];
      const note = n.get(o.citizenId) ?? [];
      if (o.ok)
        expect(msg, `acknowledged write ${o.i} is missing`).toEqual([{ id: o.messageId, citizenId: o.citizenId, text: `Drill ${o.i}` }]);
      expect(msg.length, `write ${o.i}: more than one message`).toBeLessThanOrEqual(1);
      if (msg.length === 1) {
        if (!o.ok) committedThoughFailed++;
        // whole: the message with its change-log row, its access-log row and the citizen's notification
        expect(ch, `write ${o.i}: change log`).toEqual([{ citizenId: o.citizenId, entity: "Message", entityId: msg[0]!.id }]);
        expect(acc, `write ${o.i}: access log`).toEqual([{ citizenId: o.citizenId, purpose: "send-message", outcome: "ALLOWED" }]);
        expect(note, `write ${o.i}: notification`).toEqual([{ citizenId: o.citizenId, kind: "message", subjectId: msg[0]!.id }]);
      } else {
        // not there at all: no log row, no notification without its message
        expect([ch, acc, note], `write ${o.i} is half-applied`).toEqual([[], [], []]);
      }
    }

    // and the app works again without a restart: a write through the gate
    const after = await sendMessage(actor, { citizenId: citizenIds[0]!, text: "Efter genstart" });
    expect(after.ok).toBe(true);

    console.log(
      `[crash-drill] ${WRITES} concurrent writes through the gate (pool of 10), PostgreSQL killed (kill -9) at the ${KILL_AFTER}th acknowledgement:` +
        ` ${acked.length} acknowledged, ${failed.length} failed (${committedThoughFailed} of those committed all the same, whole),` +
        ` all settled ${settledMs} ms after the kill; kill → first 503: ${killTo503} ms (${first503!.why});` +
        ` restart → PostgreSQL up ${clusterUpMs} ms (${attempts} start${attempts > 1 ? "s" : ""}), → first 200: ${restartTo200} ms.` +
        ` Failures: ${[...new Set(failed.map((f) => f.error))].slice(0, 3).join(" | ")}`,
    );
  }, 180_000);
});

// Small helpers for the benchmarks: start the built app on its own cluster,
// drive bounded load on loopback, and print figures as ratios to a baseline.
import { spawn } from "node:child_process";
import http from "node:http";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { embeddedUrls } from "../scripts/embedded-db.mjs";

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

/** The bench cluster's demo database, to read the demo outbox when signing in (once the app has started it). */
const benchDb = () => process.env.BENCH_DATABASE_URL || embeddedUrls({ name: "bench" }).appUrl;

/**
 * Starts the demo build (`npm run build:demo` first: the citizen pages need a
 * signed-in demo person) on the embedded "bench" cluster. `root` is the checkout
 * whose build to start (another checkout's build, a baseline, starts on a cluster of
 * its own: the cluster's folder is named by the checkout); `env` adds to its environment.
 */
export async function startApp({ port = 3400, root = ROOT, env = {} } = {}) {
  // --fresh on the embedded cluster: this build's demo people, whatever an earlier run left
  const fresh = process.env.BENCH_DATABASE_URL ? [] : ["--fresh"];
  const child = spawn(process.execPath, ["scripts/start.mjs", "--seed", ...fresh, "-p", String(port), "-H", "127.0.0.1"], {
    cwd: root,
    env: {
      ...process.env,
      TIO_DEMO: "1",
      APP_URL: `http://localhost:${port}`,
      AUTH_MAGIC_LINK_PER_MINUTE: "1000",
      DATABASE_URL: process.env.BENCH_DATABASE_URL ?? "",
      EMBEDDED_PG_NAME: "bench",
      ...env,
    },
    stdio: ["ignore", "pipe", "inherit"],
  });
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 600; i++) {
    if (child.exitCode !== null) throw new Error("the app exited; run `npm run build` first");
    try {
      const res = await fetch(`${base}/api/ready`);
      if (res.ok) break;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    base,
    stop: () =>
      new Promise((resolve) => {
        child.once("exit", resolve);
        child.kill("SIGTERM");
      }),
  };
}

/** Signs a demo person in through a real sign-in link; returns the session cookie. */
export async function signIn(base, email) {
  const pg = (await import("pg")).default;
  const origin = base.replace("127.0.0.1", "localhost");
  const sent = await fetch(`${base}/api/auth/sign-in/magic-link`, {
    method: "POST",
    headers: { "content-type": "application/json", origin },
    body: JSON.stringify({ email }),
  });
  if (!sent.ok) throw new Error(`sign-in link refused: ${sent.status}`);
  const client = new pg.Client({ connectionString: benchDb() });
  await client.connect();
  const { rows } = await client.query(`SELECT body FROM "OutboxEmail" WHERE "to" = $1 ORDER BY "createdAt" DESC LIMIT 1`, [email]);
  await client.end();
  const link = new URL(/https?:\/\/\S+/.exec(rows[0].body)[0]);
  const verified = await fetch(`${base}${link.pathname}${link.search}`, { redirect: "manual" });
  const cookie = verified.headers.getSetCookie().find((c) => c.includes("session_token="));
  if (!cookie) throw new Error("no session cookie");
  return cookie.split(";")[0];
}

const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });

function get(url, headers = {}) {
  return new Promise((resolve, reject) => {
    const t0 = process.hrtime.bigint();
    http
      .get(url, { agent, headers }, (res) => {
        res.resume();
        res.on("end", () => resolve({ status: res.statusCode, ms: Number(process.hrtime.bigint() - t0) / 1e6 }));
      })
      .on("error", reject);
  });
}

const pct = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];

/** `requests` GETs of `url` with `concurrency` in flight (bounded in count and time). */
export async function load(url, { requests = 2000, concurrency = 8, maxSeconds = 30, warmup = 50, headers = {} } = {}) {
  for (let i = 0; i < warmup; i++) await get(url, headers);
  const latencies = [];
  let errors = 0;
  let next = 0;
  const deadline = Date.now() + maxSeconds * 1000;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < requests && Date.now() < deadline) {
        next++;
        const r = await get(url, headers);
        if (r.status !== 200) errors++;
        latencies.push(r.ms);
      }
    }),
  );
  const seconds = (performance.now() - t0) / 1000;
  latencies.sort((a, b) => a - b);
  return { requests: latencies.length, errors, rps: latencies.length / seconds, p50: pct(latencies, 50), p99: pct(latencies, 99) };
}

export const fmt = (n, digits = 1) => n.toFixed(digits);

/** Prints rows of [label, value, baseline] with the ratio value/baseline. */
export function table(title, header, rows) {
  console.log(`\n${title}`);
  console.log(header.join(" | "));
  console.log(header.map(() => "---").join(" | "));
  for (const row of rows) console.log(row.join(" | "));
}

// Small helpers for the benchmarks: start the built app on its own cluster,
// drive bounded load on loopback, and print figures as ratios to a baseline.
import { spawn } from "node:child_process";
import http from "node:http";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

/** Starts the production build (npm run build first) on the embedded "bench" cluster. */
export async function startApp({ port = 3400 } = {}) {
  const child = spawn(process.execPath, ["scripts/start.mjs", "--seed", "-p", String(port), "-H", "127.0.0.1"], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: process.env.BENCH_DATABASE_URL ?? "", EMBEDDED_PG_NAME: "bench", AUTH_SECRET: process.env.AUTH_SECRET ?? "bench-only-secret-0123456789abcdef0123456789" },
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

const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });

function get(url) {
  return new Promise((resolve, reject) => {
    const t0 = process.hrtime.bigint();
    http
      .get(url, { agent }, (res) => {
        res.resume();
        res.on("end", () => resolve({ status: res.statusCode, ms: Number(process.hrtime.bigint() - t0) / 1e6 }));
      })
      .on("error", reject);
  });
}

const pct = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];

/** `requests` GETs of `url` with `concurrency` in flight (bounded in count and time). */
export async function load(url, { requests = 2000, concurrency = 8, maxSeconds = 30, warmup = 50 } = {}) {
  for (let i = 0; i < warmup; i++) await get(url);
  const latencies = [];
  let errors = 0;
  let next = 0;
  const deadline = Date.now() + maxSeconds * 1000;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < requests && Date.now() < deadline) {
        next++;
        const r = await get(url);
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

#!/usr/bin/env node
// Throughput and latency of the app's pages and endpoints, each beside a
// baseline from the same server in the same run:
//   the front page (reads the database)  vs  the offline page (rendered, no database)
//   /api/ready (asks the database)        vs  /api/health (does not)
//   /da/plan (the citizen's plan, signed in) vs  the offline page (rendered, no database)
//   /da/staff and a citizen's shared plan (a caseworker, signed in) vs  the offline page
// Usage: npm run build:demo && npm run bench -- http   (BENCH_REQUESTS=N to change the count)
import { fmt, load, signIn, startApp, table } from "./lib.mjs";

const requests = Number(process.env.BENCH_REQUESTS ?? 2000);
const app = await startApp();
try {
  const cookie = await signIn(app.base, "inge@demo.solbjerg.dk");
  // Sara, who coordinates for Inge: her list, and Inge's shared plan as her area sees it
  const staff = await signIn(app.base, "sara.holm@solbjerg.dk");
  const list = await (await fetch(`${app.base}/da/staff`, { headers: { cookie: staff } })).text();
  const inge = /\/da\/staff\/citizens\/([0-9a-f-]{36})/.exec(list)?.[1];
  if (!inge) throw new Error("Sara's list has no citizen to open");
  const pairs = [
    ["/da (front page, database)", "/da", "/da/offline (no database)", "/da/offline", {}],
    ["/api/ready (database)", "/api/ready", "/api/health (no database)", "/api/health", {}],
    ["/da/plan (my plan, signed in)", "/da/plan", "/da/offline (no database)", "/da/offline", { cookie }],
    ["/da/staff (a caseworker's list and work list)", "/da/staff", "/da/offline (no database)", "/da/offline", { cookie: staff }],
    [
      "/da/staff/citizens/… (the shared plan, as Sara)",
      `/da/staff/citizens/${inge}`,
      "/da/offline (no database)",
      "/da/offline",
      { cookie: staff },
    ],
  ];
  const rows = [];
  for (const [label, path, baseLabel, basePath, headers] of pairs) {
    // the baseline first, then the page, in the same run on the same server
    const base = await load(app.base + basePath, { requests });
    const subject = await load(app.base + path, { requests, headers });
    for (const [name, r] of [
      [baseLabel, base],
      [label, subject],
    ]) {
      if (r.errors) throw new Error(`${name}: ${r.errors} requests failed`);
    }
    rows.push([baseLabel, fmt(base.rps, 0), fmt(base.p50, 2), fmt(base.p99, 2), "1.00 (baseline)"]);
    rows.push([label, fmt(subject.rps, 0), fmt(subject.p50, 2), fmt(subject.p99, 2), fmt(subject.rps / base.rps, 2)]);
  }
  table(
    `HTTP, ${requests} requests each, 8 in flight, demo production build on loopback`,
    ["route", "req/s", "p50 ms", "p99 ms", "req/s ratio to baseline"],
    rows,
  );
} finally {
  await app.stop();
}

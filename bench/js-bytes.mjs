#!/usr/bin/env node
// JavaScript a browser loads for each page, in gzip bytes, beside the smallest
// page of the same build (the offline page) as the baseline.
// Usage: npm run build:demo && npm run bench -- js-bytes
import { gzipSync } from "node:zlib";
import { fmt, signIn, startApp, table } from "./lib.mjs";

// the citizen's routes, signed in as the demo citizen
const routes = [
  "/da/offline",
  "/da",
  "/da/sign-in",
  "/da/me",
  "/da/plan",
  "/da/plan/start",
  "/da/plan/story",
  "/da/plan/goals",
  "/da/plan/goals/new",
  "/da/plan/goals/:first",
  "/da/plan/agreements",
  "/da/plan/network",
  "/da/plan/contact",
  "/da/plan/access-log",
  "/da/plan/settings",
];
const app = await startApp({ port: 3401 });
try {
  const cookie = await signIn(app.base, "inge@demo.solbjerg.dk");
  const sizes = [];
  // one goal's page: the first goal linked from the list
  const goals = await (await fetch(app.base + "/da/plan/goals", { headers: { cookie } })).text();
  const firstGoal = goals.match(/href="(\/da\/plan\/goals\/[0-9a-f-]{36})"/)?.[1];
  if (!firstGoal) throw new Error("no goal on /da/plan/goals");
  for (const route of routes.map((r) => (r === "/da/plan/goals/:first" ? firstGoal : r))) {
    // the sign-in page is for people who are not signed in yet
    const res = await fetch(app.base + route, { headers: route.endsWith("/sign-in") ? {} : { cookie }, redirect: "manual" });
    if (res.status !== 200) throw new Error(`${route}: ${res.status}`);
    const html = await res.text();
    const scripts = [...new Set([...html.matchAll(/<script[^>]+src="([^"]+)"/g)].map((m) => m[1]))];
    let bytes = 0;
    for (const src of scripts) bytes += gzipSync(Buffer.from(await (await fetch(new URL(src, app.base))).arrayBuffer())).length;
    sizes.push({ route, scripts: scripts.length, bytes, html: gzipSync(Buffer.from(html)).length });
  }
  const base = sizes[0].bytes;
  table(
    "JavaScript per page (gzip), demo production build, signed in as the citizen",
    ["route", "scripts", "JS gzip KiB", "HTML gzip KiB", "JS ratio to baseline"],
    sizes.map((s, i) => [
      s.route + (i === 0 ? " (baseline)" : ""),
      s.scripts,
      fmt(s.bytes / 1024),
      fmt(s.html / 1024),
      fmt(s.bytes / base, 2),
    ]),
  );
} finally {
  await app.stop();
}

#!/usr/bin/env node
// Cumulative Layout Shift of each kind of page in a Lighthouse mobile run (issue 16, "text that
// stays still"): the front page, sign-in, the citizen's plan and a part of it (as Inge), a
// relative's page (as Mette), a caseworker's list (as Sara), and the plan in Arabic and in
// Ukrainian. Printed beside the target (0.05) and two baselines from the same run:
//   - this build with the web fonts blocked: what moves for other reasons (always run);
//   - another checkout's demo build, e.g. main before the fonts changed (BENCH_CLS_BASELINE=dir).
// Each figure is the worst of BENCH_RUNS runs (3 unless told), the builds taking turns page by page.
// Then each page once more with its fonts held back until it has painted (lateFontShift): what the
// size-adjusted fallback is for, which Lighthouse on loopback does not reach.
// Usage: npm run build:demo && npm run bench -- cls
//        BENCH_CLS_BASELINE=/path/to/other/checkout npm run bench -- cls   (after build:demo there)
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import lighthouse from "lighthouse";
import { fmt, startApp, table } from "./lib.mjs";

const TARGET = 0.05;
const runs = Number(process.env.BENCH_RUNS ?? 3);
const port = Number(process.env.BENCH_PORT ?? 3410);
const pgPort = Number(process.env.BENCH_PG_PORT ?? 54389);
const baselineRoot = process.env.BENCH_CLS_BASELINE ? path.resolve(process.env.BENCH_CLS_BASELINE) : null;
if (baselineRoot && !fs.existsSync(path.join(baselineRoot, ".next-demo"))) {
  throw new Error(`${baselineRoot} has no demo build: run npm run build:demo there first`);
}

/** Which Chromium (as playwright.config.ts finds it): PW_CHROMIUM_PATH, a system Chromium, else Playwright's own. */
async function chromiumPath() {
  if (process.env.PW_CHROMIUM_PATH) return process.env.PW_CHROMIUM_PATH;
  const system = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].find((p) => fs.existsSync(p));
  if (system && process.env.PW_USE_BUNDLED !== "1") return system;
  return (await import("@playwright/test")).chromium.executablePath();
}

/** A headless Chromium Lighthouse drives over its debugging port; a fresh profile, deleted at the end. */
async function startChromium() {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), "tio-cls-"));
  const args = [
    "--headless=new",
    "--remote-debugging-port=0",
    `--user-data-dir=${profile}`,
    // as in playwright.config.ts: root on a closed network, no sandbox, no background traffic
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "about:blank",
  ];
  const child = spawn(await chromiumPath(), args, { stdio: ["ignore", "ignore", "pipe"] });
  const endpoint = await new Promise((resolve, reject) => {
    let text = "";
    child.stderr.on("data", (chunk) => {
      text += chunk;
      const m = /DevTools listening on (ws:\/\/\S+)/.exec(text);
      if (m) resolve(new URL(m[1]));
    });
    child.once("exit", (code) => reject(new Error(`Chromium exited (${code}) before it listened:\n${text}`)));
  });
  child.stderr.resume();
  // the browser's own DevTools connection, for its cookies (Lighthouse keeps cookies between runs)
  const socket = new WebSocket(endpoint);
  await new Promise((resolve, reject) => {
    socket.onopen = resolve;
    socket.onerror = reject;
  });
  let id = 0;
  const waiting = new Map();
  socket.onmessage = ({ data }) => {
    const message = JSON.parse(String(data));
    waiting.get(message.id)?.(message);
    waiting.delete(message.id);
  };
  const send = (method, params = {}) =>
    new Promise((resolve, reject) => {
      waiting.set(++id, (m) => (m.error ? reject(new Error(`${method}: ${m.error.message}`)) : resolve(m.result)));
      socket.send(JSON.stringify({ id, method, params }));
    });
  return {
    port: Number(endpoint.port),
    /** The browser holds these cookies (Playwright's, from a signed-in context), and no other. */
    setCookies: async (cookies = []) => {
      await send("Storage.clearCookies");
      // a session cookie has no expiry (Playwright says -1)
      const params = cookies.map(({ expires, ...c }) => (expires > 0 ? { ...c, expires } : c));
      if (params.length) await send("Storage.setCookies", { cookies: params });
    },
    stop: () =>
      new Promise((resolve) => {
        child.once("exit", () => {
          fs.rmSync(profile, { recursive: true, force: true });
          resolve();
        });
        socket.close();
        child.kill("SIGTERM");
      }),
  };
}

/**
 * Signs demo people in through the persona picker (as tests/e2e/citizen.ts does; it gives Sara her
 * staff session, decision 020), each in a browser context of their own; returns their cookies.
 */
async function signIn(browser, base, names) {
  const cookies = [];
  for (const name of names) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${base}/da/sign-in`);
    await page.getByTestId("persona-picker").getByRole("button", { name }).click();
    await page.waitForURL(/\/da\/me$/);
    cookies.push(await context.cookies());
    await context.close();
  }
  return cookies;
}

/** The pages to measure on one app, each with the cookies of the person who sees it. */
async function pagesOf(browser, base) {
  const [inge, mette, sara] = await signIn(browser, base, [/Inge Hansen/, /Mette Hansen/, /Sara Holm/]);
  const header = (cookies) => cookies.map((c) => `${c.name}=${c.value}`).join("; ");
  const me = await (await fetch(`${base}/da/me`, { headers: { cookie: header(mette) } })).text();
  const relative = /href="(\/da\/relative\/[0-9a-f-]{36})"/.exec(me)?.[1];
  if (!relative) throw new Error("Mette's page links to no citizen's space");
  // my plan in Arabic and in Ukrainian, where the build has those languages
  const speaks = async (locale) => (await fetch(`${base}/${locale}`, { redirect: "manual" })).status === 200;
  const [arabic, ukrainian] = [await speaks("ar"), await speaks("uk")];
  return [
    { label: "front page", path: "/da" },
    { label: "sign-in", path: "/da/sign-in" },
    { label: "my plan (Inge)", path: "/da/plan", cookies: inge },
    { label: "my story, a part of the plan (Inge)", path: "/da/plan/story", cookies: inge },
    { label: "a relative's page (Mette)", path: relative, cookies: mette },
    { label: "a caseworker's list (Sara)", path: "/da/staff", cookies: sara },
    { label: "my plan in Arabic (Inge)", path: arabic ? "/ar/plan" : null, cookies: inge },
    { label: "my plan in Ukrainian (Inge)", path: ukrainian ? "/uk/plan" : null, cookies: inge },
  ];
}

/**
 * CLS of one page load in Lighthouse's mobile run: a phone's screen and Lighthouse's mobile
 * throttling (150 ms round trips, 1.6 Mbit/s, the CPU 4× slower), applied to the load as it happens
 * ("devtools"). Lighthouse's default only simulates the throttling afterwards, over a load at full
 * speed: on loopback the fonts are there before the first paint and any font scores 0.
 */
async function cls(chromium, url, { cookies, blockFonts = false } = {}) {
  // a run now and then ends without figures (the page's trace cut short): once more, then give up
  for (let attempt = 1; ; attempt++) {
    await chromium.setCookies(cookies);
    const result = await lighthouse(url, {
      port: chromium.port,
      logLevel: "error",
      output: "json",
      throttlingMethod: "devtools",
      onlyAudits: ["cumulative-layout-shift"],
      blockedUrlPatterns: blockFonts ? ["*.woff2", "*.woff"] : undefined,
    });
    const audit = result?.lhr.audits["cumulative-layout-shift"];
    const finalUrl = result?.lhr.finalDisplayedUrl ?? "";
    // a page that sent us elsewhere (sign-in) would measure the wrong page
    if (finalUrl && new URL(finalUrl).pathname !== new URL(url).pathname) throw new Error(`${url} ended at ${finalUrl}`);
    if (audit?.numericValue !== undefined) return audit.numericValue;
    const why = result?.lhr.runtimeError?.message ?? audit?.errorMessage ?? "no audit";
    if (attempt === 2) throw new Error(`${url}: no CLS (${why})`);
    console.error(`${url}: no CLS (${why}); once more`);
  }
}

/**
 * The layout shift when the fonts come late: the page on a phone's screen (Lighthouse's, 412 × 823)
 * with every font file held back until the page has painted its text in the fallback, then let
 * through. Lighthouse's runs on loopback get the preloaded fonts before the first paint; on a
 * slow line they come after it, and this is what the fallback is for. The sum of the page's
 * layout-shift entries (at least its CLS), in Chromium through Playwright; no timing involved.
 */
async function lateFontShift(browser, url, { cookies = [] } = {}) {
  const context = await browser.newContext({
    viewport: { width: 412, height: 823 },
    deviceScaleFactor: 1.75,
    isMobile: true,
    hasTouch: true,
    serviceWorkers: "block",
  });
  try {
    await context.addCookies(cookies);
    await context.addInitScript(() => {
      const shifts = (window.__shifts = []);
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) if (!entry.hadRecentInput) shifts.push(entry.value);
      }).observe({ type: "layout-shift", buffered: true });
    });
    let release;
    const released = new Promise((resolve) => (release = resolve));
    const held = [];
    await context.route(/\.woff2?(\?|$)/, async (route) => {
      held.push(route.request().url());
      await released;
      await route.continue();
    });
    const page = await context.newPage();
    await page.goto(url, { waitUntil: "domcontentloaded" });
    if (new URL(page.url()).pathname !== new URL(url).pathname) throw new Error(`${url} ended at ${page.url()}`);
    // the text painted in the fallback: the first contentful paint has happened
    await page.waitForFunction(() => performance.getEntriesByType("paint").some((e) => e.name === "first-contentful-paint"));
    release();
    await page.evaluate(async () => {
      await document.fonts.ready;
      await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    });
    const total = await page.evaluate(() => window.__shifts.reduce((a, b) => a + b, 0));
    return { total, fonts: held.length };
  } finally {
    await context.close();
  }
}

const apps = [];
const chromium = await startChromium();
const { chromium: playwright } = await import("@playwright/test");
const browser = await playwright.launch({ executablePath: await chromiumPath(), args: ["--no-sandbox", "--disable-gpu"] });
try {
  const current = await startApp({ port, env: { EMBEDDED_PG_PORT: String(pgPort) } });
  apps.push(current);
  const baseline = baselineRoot
    ? await startApp({ port: port + 1, root: baselineRoot, env: { EMBEDDED_PG_PORT: String(pgPort + 1) } })
    : null;
  if (baseline) apps.push(baseline);
  const pages = await pagesOf(browser, current.base);
  const basePages = baseline ? await pagesOf(browser, baseline.base) : null;

  const worst = (list) => (list.length ? Math.max(...list) : null);
  const cell = (list) => (list.length ? `${fmt(worst(list), 3)} (${list.map((v) => fmt(v, 3)).join(", ")})` : "–");
  const label = (page) =>
    page.path ? `${page.label} \`${page.path.replace(/[0-9a-f-]{36}/, "…")}\`` : `${page.label} (not in this build)`;
  const met = (value) => (value === null ? "–" : value <= TARGET ? "yes" : "no");
  const ratio = (now, before) => (now === null || before === null || before === 0 ? "–" : fmt(now / before, 2));
  const baseHeader = baseline ? [`baseline: ${path.basename(baselineRoot)}`] : [];

  const rows = [];
  const lateRows = [];
  for (const [i, page] of pages.entries()) {
    const figures = { now: [], blocked: [], base: [] };
    const basePage = basePages?.[i];
    for (let run = 0; run < runs; run++) {
      // the builds take turns, so a busy moment on the machine falls on both
      if (page.path) figures.now.push(await cls(chromium, current.base + page.path, page));
      if (basePage?.path) figures.base.push(await cls(chromium, baseline.base + basePage.path, basePage));
      if (page.path) figures.blocked.push(await cls(chromium, current.base + page.path, { ...page, blockFonts: true }));
    }
    rows.push([
      label(page),
      fmt(TARGET, 2),
      ...(baseline ? [cell(figures.base)] : []),
      cell(figures.now),
      cell(figures.blocked),
      met(worst(figures.now)),
      ...(baseline ? [ratio(worst(figures.now), worst(figures.base))] : []),
    ]);
    const late = page.path ? await lateFontShift(browser, current.base + page.path, page) : null;
    const lateBase = basePage?.path ? await lateFontShift(browser, baseline.base + basePage.path, basePage) : null;
    const show = (r) => (r ? `${fmt(r.total, 3)} (${r.fonts} font files)` : "–");
    lateRows.push([
      label(page),
      fmt(TARGET, 2),
      ...(baseline ? [show(lateBase)] : []),
      show(late),
      met(late?.total ?? null),
      ...(baseline ? [ratio(late?.total ?? null, lateBase?.total ?? null)] : []),
    ]);
  }
  table(
    `Cumulative Layout Shift, Lighthouse mobile (throttling applied), demo production build; worst of ${runs} runs (each run)`,
    [
      "page",
      "target",
      ...baseHeader,
      "this build",
      "this build, web fonts blocked",
      "this build ≤ target",
      ...(baseline ? ["ratio to baseline"] : []),
    ],
    rows,
  );
  table(
    "Layout shift when the fonts come after the first paint (held back until then; phone screen, sum of layout-shift entries)",
    ["page", "target", ...baseHeader, "this build", "this build ≤ target", ...(baseline ? ["ratio to baseline"] : [])],
    lateRows,
  );
} finally {
  for (const app of apps) await app.stop();
  await browser.close();
  await chromium.stop();
}

import fs from "node:fs";
import path from "node:path";

/**
 * Which message namespaces each page can show, read from the source: the page, the layouts above
 * it, and every module of ours they import, followed to the end, each searched for
 * getTranslations("X") and useTranslations("X") (or t("X.key") where the translator has no
 * namespace). Used by the easy-read test to measure what a page reads, not a namespace (issue 16).
 */
const root = path.join(import.meta.dirname, "../..");
const appDir = path.join(root, "app/[locale]");

/**
 * The form errors' component translates the keys a zod error carries, all of them in Validation,
 * so its namespace cannot be read from the call; named here.
 */
const DYNAMIC: Record<string, string[]> = { "components/forms/Errors.tsx": ["Validation"] };

function resolve(from: string, spec: string): string | null {
  let base: string;
  if (spec.startsWith("@/")) base = path.join(root, spec.slice(2));
  else if (spec.startsWith(".")) base = path.join(path.dirname(from), spec);
  else return null; // a package
  for (const candidate of [base, `${base}.tsx`, `${base}.ts`, path.join(base, "index.tsx"), path.join(base, "index.ts")]) {
    if (fs.existsSync(candidate) && fs.statSync(candidate).isFile() && /\.tsx?$/.test(candidate)) return candidate;
  }
  return null;
}

function namespacesOf(file: string, source: string): string[] {
  const found = new Set<string>(DYNAMIC[path.relative(root, file)] ?? []);
  for (const m of source.matchAll(/(?:getTranslations|useTranslations)\(\s*(?:\{[^}]*namespace:\s*)?"([A-Za-z.]+)"/g)) found.add(m[1]!);
  if (/(?:getTranslations|useTranslations)\(\s*\)/.test(source)) {
    for (const m of source.matchAll(/\bt\(\s*"([A-Za-z]+)\.[A-Za-z.]+"/g)) found.add(m[1]!);
  }
  return [...found];
}

/** The namespaces (or dotted prefixes, "StartPlan.channels") a file and everything it imports use. */
function walk(start: string[]): Set<string> {
  const seen = new Set<string>();
  const namespaces = new Set<string>();
  const queue = [...start];
  while (queue.length) {
    const file = queue.pop()!;
    if (seen.has(file) || file.includes(`${path.sep}generated${path.sep}`)) continue;
    seen.add(file);
    const source = fs.readFileSync(file, "utf8");
    for (const ns of namespacesOf(file, source)) namespaces.add(ns);
    for (const m of source.matchAll(/(?:import|export)\s[^;]*?from\s+"([^"]+)"/g)) {
      const next = resolve(file, m[1]!);
      if (next) queue.push(next);
    }
  }
  return namespaces;
}

function pages(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name.startsWith("@") ? [] : pages(full);
    return entry.name === "page.tsx" ? [full] : [];
  });
}

const navDir = path.join(appDir, "@nav");
const exists = (file: string) => fs.existsSync(file);

/**
 * The navigation slot's page drawn with a page (docs/decisions/040): the slot's own page for the route,
 * else the catch-all of the nearest segment above it, else the slot's default.
 */
function navFor(route: string): string {
  const own = path.join(navDir, route, "page.tsx");
  if (exists(own)) return own;
  // a catch-all matches only what is below its segment: /plan/[...rest] never draws for /plan
  for (let dir = path.dirname(route); ; dir = path.dirname(dir)) {
    const rest = path.join(navDir, dir, "[...rest]", "page.tsx");
    if (exists(rest)) return rest;
    if (dir === "." || dir === "/" || dir === "") return path.join(navDir, "default.tsx");
  }
}

/** The layouts above a file in app/[locale], nearest first. */
function layoutsAbove(file: string): string[] {
  const layouts: string[] = [];
  for (let dir = path.dirname(file); dir.startsWith(appDir); dir = path.dirname(dir)) {
    const layout = path.join(dir, "layout.tsx");
    if (exists(layout)) layouts.push(layout);
  }
  return layouts;
}

/** The not-found page nearest above a file in app/[locale]. */
function notFoundAbove(file: string): string {
  for (let dir = path.dirname(file); dir.startsWith(appDir); dir = path.dirname(dir)) {
    if (exists(path.join(dir, "not-found.tsx"))) return path.join(dir, "not-found.tsx");
  }
  return path.join(root, "app/not-found.tsx");
}

export type PageWords = {
  /** Every namespace a reader of the page can be shown: the page, its layouts, its navigation. */
  all: Set<string>;
  /** The namespaces of the page itself and what it imports: its own words. */
  own: Set<string>;
};

/**
 * Each citizen's or relative's page (not the staff's, not the demo's), as its route, with the namespaces it
 * can show; and the pages drawn in place of one: the not-found page (inside the locale's layout and outside
 * it, for an address with no locale) and the error page.
 */
export function citizenPages(): Map<string, PageWords> {
  const result = new Map<string, PageWords>();
  for (const page of pages(appDir)) {
    const route = `/${path.relative(appDir, path.dirname(page)).split(path.sep).join("/")}`.replace(/\/$/, "") || "/";
    if (/^\/(staff|demo)(\/|$)/.test(route)) continue;
    // a page that can say "not found" is drawn then as the nearest not-found page; one that only says
    // that (a catch-all) has that page's words as its own
    const drawn = [page, ...(/\bnotFound\(\)/.test(fs.readFileSync(page, "utf8")) ? [notFoundAbove(page)] : [])];
    const own = walk([page]);
    result.set(route, { all: walk([...drawn, ...layoutsAbove(page), navFor(route)]), own: own.size ? own : walk(drawn) });
  }
  for (const [name, file] of [
    ["(not found)", path.join(appDir, "not-found.tsx")],
    ["(error)", path.join(appDir, "error.tsx")],
  ] as const) {
    // drawn under any address, so with any navigation: measured with the citizen's, the one with most words
    result.set(name, { all: walk([file, ...layoutsAbove(file), navFor("/plan")]), own: walk([file]) });
  }
  const bare = path.join(root, "app/not-found.tsx");
  result.set("(not found, no language)", { all: walk([bare]), own: walk([bare]) });
  return result;
}

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

/** Each citizen's or relative's page (not the staff's, not the demo's), as its route, with the namespaces it can show. */
export function citizenPages(): Map<string, Set<string>> {
  const result = new Map<string, Set<string>>();
  for (const page of pages(appDir)) {
    const route = `/${path.relative(appDir, path.dirname(page)).split(path.sep).join("/")}`.replace(/\/$/, "") || "/";
    if (/^\/(staff|demo)(\/|$)/.test(route)) continue;
    const layouts: string[] = [];
    for (let dir = path.dirname(page); dir.startsWith(appDir); dir = path.dirname(dir)) {
      const layout = path.join(dir, "layout.tsx");
      if (fs.existsSync(layout)) layouts.push(layout);
    }
    result.set(route, walk([page, ...layouts]));
  }
  return result;
}

import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

// The version gate (docs/security.md, "Minimum safe versions"): no installed copy of a
// dependency is older than the first version that fixes an advisory we know of. The table in
// docs/security.md is the one source; this test reads it.

type Floor = { pkg: string; floor: string; advisory: string };

/** The rows of the "Minimum safe versions" table. */
function floors(markdown: string): Floor[] {
  const section = markdown.split(/^## Minimum safe versions$/m)[1]?.split(/^## /m)[0] ?? "";
  const rows = section.split("\n").filter((line) => line.startsWith("|"));
  return rows
    .slice(2) // the header and its rule
    .map((row) =>
      row
        .split("|")
        .slice(1, -1)
        .map((cell) => cell.trim()),
    )
    .map(([pkg = "", floor = "", advisory = ""]) => ({ pkg: pkg.replaceAll("`", ""), floor: floor.replaceAll("`", ""), advisory }));
}

/** major.minor.patch, and a pre-release ("-beta.1") as before its release. */
function parse(version: string): { core: number[]; pre: string | null } {
  const m = /^(\d+)\.(\d+)\.(\d+)(?:-([0-9A-Za-z.-]+))?(?:\+.*)?$/.exec(version);
  if (!m) throw new Error(`not a version: ${version}`);
  return { core: [Number(m[1]), Number(m[2]), Number(m[3])], pre: m[4] ?? null };
}

/** Is `version` at least `floor`? (Semantic versioning's order; pre-releases compared as strings, numerically where numbers.) */
function atLeast(version: string, floor: string): boolean {
  const a = parse(version);
  const b = parse(floor);
  for (let i = 0; i < 3; i++) if (a.core[i] !== b.core[i]) return a.core[i]! > b.core[i]!;
  if (a.pre === b.pre) return true;
  if (a.pre === null) return true; // 1.2.3 is after 1.2.3-beta
  if (b.pre === null) return false;
  return a.pre.localeCompare(b.pre, "en", { numeric: true }) >= 0;
}

/** Every installed copy of a package: each one package-lock.json records (nested ones too), and what is on disk there. */
function installedCopies(pkg: string): { where: string; version: string }[] {
  const lock = JSON.parse(fs.readFileSync("package-lock.json", "utf8")) as { packages: Record<string, { version?: string }> };
  const entries = Object.entries(lock.packages).filter(
    ([where]) => where === `node_modules/${pkg}` || where.endsWith(`/node_modules/${pkg}`),
  );
  return entries.flatMap(([where, entry]) => {
    const file = path.join(where, "package.json");
    // what is really installed, in case the install did not follow the lockfile
    const onDisk = fs.existsSync(file)
      ? [{ where: file, version: (JSON.parse(fs.readFileSync(file, "utf8")) as { version: string }).version }]
      : [];
    return [{ where: `package-lock.json ${where}`, version: entry.version ?? "" }, ...onDisk];
  });
}

const table = floors(fs.readFileSync("docs/security.md", "utf8"));

describe("minimum safe versions of dependencies (docs/security.md)", () => {
  it("the table is there and names the framework's critical advisories", () => {
    expect(table.length).toBeGreaterThanOrEqual(10);
    const advisories = table.map((r) => r.advisory).join("\n");
    for (const id of ["CVE-2025-29927", "CVE-2025-66478", "CVE-2025-55182", "CVE-2025-55184", "CVE-2025-55183"])
      expect(advisories).toContain(id);
    for (const row of table) {
      expect(row.pkg, JSON.stringify(row)).toMatch(/^(@[a-z0-9-]+\/)?[a-z0-9.-]+$/);
      expect(() => parse(row.floor), JSON.stringify(row)).not.toThrow();
      expect(row.advisory, JSON.stringify(row)).toMatch(/CVE-\d{4}-\d+|GHSA-[a-z0-9]{4}-[a-z0-9]{4}-[a-z0-9]{4}/);
    }
  });

  it.each(table)("$pkg is at least $floor ($advisory)", ({ pkg, floor, advisory }) => {
    const copies = installedCopies(pkg);
    expect(copies, `${pkg} is in the table but not installed: take its rows out of docs/security.md`).not.toEqual([]);
    const old = copies.filter((c) => !atLeast(c.version, floor));
    expect(old, `${pkg} below ${floor}, which fixes ${advisory}: ${old.map((c) => `${c.where} is ${c.version}`).join("; ")}`).toEqual([]);
  });
});

describe("the version comparison", () => {
  it.each([
    ["16.4.6", "16.2.6", true],
    ["16.2.6", "16.2.6", true],
    ["16.2.5", "16.2.6", false], // a version below the floor fails the gate
    ["16.0.10", "16.0.9", true], // numbers, not strings
    ["16.0.9", "16.0.10", false],
    ["15.5.18", "16.0.7", false],
    ["17.0.0", "16.2.6", true],
    ["16.2.6-canary.3", "16.2.6", false], // a pre-release comes before its release
    ["16.2.6", "16.2.6-canary.3", true],
    ["1.5.0-beta.10", "1.5.0-beta.9", true],
    ["1.5.0-beta.8", "1.5.0-beta.9", false],
  ])("%s is at least %s: %s", (version, floor, expected) => {
    expect(atLeast(version, floor)).toBe(expected);
  });

  it("refuses what is not a version", () => {
    expect(() => atLeast("latest", "1.0.0")).toThrow(/not a version/);
  });
});

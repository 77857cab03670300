import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { ESLint } from "eslint";
import { describe, expect, it } from "vitest";

// Inside lib/, the database is reached through a named door, never the client itself
// (docs/decisions/015-named-doors-to-the-database.md). The allow-list, as eslint.config.mjs has it:
const DOORS = [
  "lib/record/gate.ts",
  "lib/db/system.ts",
  "lib/db/directory.ts",
  "lib/db/client.ts",
  "lib/db/connect.ts",
  "lib/db/listen.ts",
];

const root = process.cwd();
const eslint = new ESLint({ cwd: root });
async function restrictedImports(code: string, filePath: string) {
  const [result] = await eslint.lintText(code, { filePath });
  return result!.messages.filter((m) => m.ruleId === "no-restricted-imports").map((m) => m.message);
}

const usesClient = 'import { db } from "@/lib/db/client";\nexport const x = db;\n';

// ESLint loads its plugins on the first call: seconds on a cold machine
describe("named doors to the database", { timeout: 60_000 }, () => {
  it("lint refuses the database client in lib/, except in the doors", async () => {
    expect(await restrictedImports(usesClient, "lib/sample/queries.ts")).toHaveLength(1);
    expect(await restrictedImports('import { db } from "../db/client";\nexport const x = db;\n', "lib/sample/queries.ts")).toHaveLength(1);
    expect(
      await restrictedImports('import { connect } from "@/lib/db/connect";\nexport const x = connect;\n', "lib/sample/queries.ts"),
    ).toHaveLength(1);
    expect(
      await restrictedImports(
        'import { Prisma } from "@/lib/db/generated/client";\nexport const x = Prisma.DbNull;\n',
        "lib/sample/queries.ts",
      ),
    ).toHaveLength(1);
    for (const door of DOORS) expect(await restrictedImports(usesClient, door), door).toEqual([]);
  });

  it("lib/ may name a door, and use the client's types", async () => {
    const ok = [
      'import { systemDb } from "@/lib/db/system";\nexport const x = systemDb;\n',
      'import { directoryDb } from "@/lib/db/directory";\nexport const x = directoryDb;\n',
      'import type { Prisma } from "@/lib/db/generated/client";\nexport type X = Prisma.CitizenWhereInput;\n',
      'import type { Db } from "@/lib/db/connect";\nexport type X = Db;\n',
    ];
    for (const code of ok) expect(await restrictedImports(code, "lib/sample/queries.ts"), code).toEqual([]);
  });

  it("the app/ restriction still holds in lib/, doors included (neither block overrides the other)", async () => {
    const usesApp = 'import type { FindState } from "@/app/[locale]/staff/actions";\nexport type X = FindState;\n';
    for (const file of ["lib/sample/queries.ts", ...DOORS]) expect(await restrictedImports(usesApp, file), file).toHaveLength(1);
    // both at once in an ordinary lib/ file: two messages, one per rule
    expect(await restrictedImports(usesApp + usesClient, "lib/sample/queries.ts")).toHaveLength(2);
  });

  it("no file in lib/ but a door imports the database client", () => {
    const client = path.join(root, "lib/db/client");
    const importers: string[] = [];
    const walk = (dir: string) => {
      for (const entry of readdirSync(path.join(root, dir), { withFileTypes: true })) {
        const rel = path.posix.join(dir, entry.name);
        if (entry.isDirectory()) {
          if (rel !== "lib/db/generated") walk(rel);
        } else if (/\.(ts|tsx|mts|js|mjs)$/.test(entry.name)) {
          const source = readFileSync(path.join(root, rel), "utf8");
          const specifiers = [...source.matchAll(/(?:from|import|require)\s*\(?\s*["']([^"']+)["']/g)].map((m) => m[1]!);
          const resolved = specifiers.map((s) =>
            s.startsWith("@/") ? path.join(root, s.slice(2)) : s.startsWith(".") ? path.resolve(root, dir, s) : s,
          );
          if (resolved.some((r) => r.replace(/(\/index)?\.(ts|js)$/, "") === client)) importers.push(rel);
        }
      }
    };
    walk("lib");
    // the scan sees imports (the gate's at least), so an empty answer would mean it is broken
    expect(importers).toContain("lib/record/gate.ts");
    expect(importers.filter((file) => !DOORS.includes(file))).toEqual([]);
  });
});

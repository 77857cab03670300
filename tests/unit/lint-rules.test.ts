import { ESLint } from "eslint";
import { describe, expect, it } from "vitest";

// The house rules that lint holds (eslint.config.mjs), checked on sample code.
const eslint = new ESLint({ cwd: process.cwd() });
async function rulesHit(code: string, filePath: string) {
  const [result] = await eslint.lintText(code, { filePath });
  return result!.messages.map((m) => m.ruleId);
}

// ESLint loads its plugins on the first call: seconds on a cold machine
describe("lint rules of the house", { timeout: 60_000 }, () => {
  it("a page may not import the database client", async () => {
    expect(await rulesHit('import { db } from "@/lib/db/client";\nexport const x = db;\n', "app/[locale]/sample.tsx")).toContain(
      "no-restricted-imports",
    );
    expect(await rulesHit('import { PrismaClient } from "@prisma/client";\nexport const x = PrismaClient;\n', "app/sample.ts")).toContain(
      "no-restricted-imports",
    );
  });

  it("a component may not import queries or the record gate", async () => {
    expect(
      await rulesHit(
        'import { getHomeMunicipality } from "@/lib/service-areas/queries";\nexport const x = getHomeMunicipality;\n',
        "components/Sample.tsx",
      ),
    ).toContain("no-restricted-imports");
  });

  it("components and lib/ do not import from app/ (a form's state type lives in lib/)", async () => {
    const code = 'import type { FindState } from "@/app/[locale]/staff/actions";\nexport type X = FindState;\n';
    expect(await rulesHit(code, "components/Sample.tsx")).toContain("no-restricted-imports");
    expect(await rulesHit(code, "lib/sample/forms.ts")).toContain("no-restricted-imports");
    // the component rules still hold beside it (one list per block, not one block overriding another)
    expect(
      await rulesHit('import { findCitizens } from "@/lib/staff/queries";\nexport const x = findCitizens;\n', "components/Sample.tsx"),
    ).toContain("no-restricted-imports");
    expect(
      await rulesHit('import type { FindState } from "@/lib/staff/forms";\nexport type X = FindState;\n', "components/Sample.tsx"),
    ).not.toContain("no-restricted-imports");
  });

  it("in lib/, only the named doors import the database client (docs/decisions/015)", async () => {
    expect(await rulesHit('import { db } from "@/lib/db/client";\nexport const x = db;\n', "lib/sample/queries.ts")).toContain(
      "no-restricted-imports",
    );
    expect(await rulesHit('import { db } from "@/lib/db/client";\nexport const x = db;\n', "lib/db/system.ts")).not.toContain(
      "no-restricted-imports",
    );
  });

  it("only lib/env.ts reads process.env", async () => {
    expect(await rulesHit("export const url = process.env.DATABASE_URL;\n", "lib/sample/queries.ts")).toContain("no-restricted-properties");
    expect(await rulesHit("export const url = process.env.DATABASE_URL;\n", "app/sample.ts")).toContain("no-restricted-properties");
    expect(await rulesHit("export const url = process.env.DATABASE_URL;\n", "lib/env.ts")).not.toContain("no-restricted-properties");
  });

  it("a browser global never stands in for a variable someone forgot to declare", async () => {
    // the bug this rule was made for: a renamed parameter left `name` to mean window.name
    expect(await rulesHit("export const hintId = () => `${name}-hint`;\n", "components/Sample.tsx")).toContain("no-restricted-globals");
    expect(await rulesHit("export const hintId = (name: string) => `${name}-hint`;\n", "components/Sample.tsx")).not.toContain(
      "no-restricted-globals",
    );
  });
});

import { spawnSync } from "node:child_process";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { connect, type Db } from "@/lib/db/connect";
import { adminQuery, dropDatabase, testDatabaseName, withDatabase } from "../support/test-database";
import { deploy } from "../../scripts/db.mjs";

// The commands a municipality's IT team runs to set up a real installation (docs/operations.md), run as they would.
describe("npm run admin", () => {
  const adminUrl = inject("adminUrl");
  const name = testDatabaseName("admin");
  let url: string; // as the app's role, as `npm run admin` runs on the embedded database
  let db: Db;
  const admin = (...args: string[]) => {
    const r = spawnSync(process.execPath, ["--conditions=react-server", "--import", "tsx", "prisma/admin.ts", ...args], {
      env: { ...process.env, DATABASE_URL: url, STAFF_OIDC_ISSUER: "https://login.solbjerg.example/" },
      encoding: "utf8",
    });
    return { status: r.status, out: r.stdout + r.stderr };
  };

  beforeAll(async () => {
    await adminQuery(adminUrl, `CREATE DATABASE "${name}"`);
    await deploy(withDatabase(adminUrl, name), { quiet: true, appRole: inject("appRole") });
    url = withDatabase(inject("databaseUrl"), name);
    db = connect(withDatabase(adminUrl, name), { max: 2 });
  });
  afterAll(async () => {
    await db?.$disconnect();
    await dropDatabase(adminUrl, name);
  });

  it("sets up the municipality once, with the standard areas; bad input is refused plainly and writes nothing", async () => {
    expect(admin("municipality", "--slug", "Bad Slug", "--name", "X")).toMatchObject({ status: 1, out: expect.stringMatching(/--slug/) });
    expect(await db.municipality.count()).toBe(0);
    expect(admin("municipality", "--slug", "solbjerg", "--name", "Solbjerg Kommune").status).toBe(0);
    expect((await db.serviceArea.findMany({ orderBy: { createdAt: "asc" } })).map((a) => a.key)).toEqual([
      "elderly-care",
      "health",
      "social-disability",
      "job-education",
      "children-family",
    ]);
    expect(admin("municipality", "--slug", "other", "--name", "Other")).toMatchObject({ status: 1, out: expect.stringMatching(/already/) });
    expect(await db.municipality.count()).toBe(1);
  });

  it("adds a caseworker bound to the provider's issuer and subject, not yet signed in; refuses an unknown area and a second of the same", async () => {
    expect(admin("staff-add", "--subject", "a1b2", "--name", "Sara Holm", "--area", "nowhere")).toMatchObject({
      status: 1,
      out: expect.stringMatching(/--area nowhere: no such area/),
    });
    const ok = admin("staff-add", "--subject", "a1b2", "--name", "Sara Holm", "--area", "elderly-care", "--area", "health", "--lead");
    expect(ok.status, ok.out).toBe(0);
    const staff = await db.staffMember.findFirstOrThrow({ include: { areas: { include: { serviceArea: true } } } });
    expect(staff).toMatchObject({ issuer: "https://login.solbjerg.example", subject: "a1b2", name: "Sara Holm", userId: null });
    expect(staff.areas.map((a) => [a.serviceArea.key, a.isLead]).sort()).toEqual([
      ["elderly-care", true],
      ["health", true],
    ]);
    expect(admin("staff-add", "--subject", "a1b2", "--name", "Sara Holm", "--area", "health")).toMatchObject({
      status: 1,
      out: expect.stringMatching(/already a caseworker/),
    });
    const list = admin("staff-list");
    expect(list.status).toBe(0);
    expect(list.out).toMatch(/Sara Holm.*a1b2.*false/s);
  });
});

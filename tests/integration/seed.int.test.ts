import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { connect, type Db } from "@/lib/db/connect";
import { DEMO_MUNICIPALITY, seedDemo, STANDARD_AREAS } from "@/prisma/seed";
import { PERSONAS } from "@/lib/demo/personas";
import { adminQuery, dropDatabase, testDatabaseName, withDatabase } from "../support/test-database";
import { deploy } from "../../scripts/db.mjs";

describe("demo data", () => {
  const adminUrl = inject("adminUrl");
  const name = testDatabaseName("seed");
  let db: Db;

  beforeAll(async () => {
    await adminQuery(adminUrl, `CREATE DATABASE "${name}"`);
    await deploy(withDatabase(adminUrl, name), { quiet: true });
    db = connect(withDatabase(adminUrl, name), { max: 2 });
  });
  afterAll(async () => {
    await db?.$disconnect();
    await dropDatabase(adminUrl, name);
  });

  it("seeds one municipality with the five standard service areas, in order", async () => {
    expect(await seedDemo(db)).toBe(true);
    const municipality = await db.municipality.findUniqueOrThrow({
      where: { slug: DEMO_MUNICIPALITY.slug },
      include: { serviceAreas: { orderBy: { createdAt: "asc" } } },
    });
    expect(municipality.name).toBe(DEMO_MUNICIPALITY.name);
    expect(municipality.serviceAreas.map((a) => a.key)).toEqual(STANDARD_AREAS.map((a) => a.key));
  });

  it("seeds a citizen with a lived-in plan, two relatives, and caseworkers in two areas, one of them coordinator", async () => {
    const citizen = await db.citizen.findFirstOrThrow({
      where: { user: { email: PERSONAS.find((p) => p.key === "citizen")!.email } },
      include: {
        user: true,
        storySections: true,
        goals: true,
        agreements: true,
        network: true,
        relationships: { include: { user: true } },
        consents: true,
        coordination: { include: { staff: { include: { user: true } } } },
      },
    });
    expect(citizen.user?.email).toBe(PERSONAS.find((p) => p.key === "citizen")!.email);
    expect(citizen.storySections.length).toBeGreaterThanOrEqual(4);
    expect(citizen.goals.map((g) => g.status)).toEqual(expect.arrayContaining(["ACTIVE", "REACHED"]));
    expect(citizen.agreements.length).toBeGreaterThanOrEqual(3);
    expect(citizen.relationships.map((r) => r.user.email).sort()).toEqual(
      PERSONAS.filter((p) => p.key === "relative" || p.key === "neighbour")
        .map((p) => p.email)
        .sort(),
    );
    expect(citizen.consents).toHaveLength(2);
    expect(citizen.coordination?.staff.user?.email).toBe(PERSONAS.find((p) => p.key === "coordinator")!.email);
    const staffAreas = await db.staffArea.findMany({ include: { serviceArea: true, staff: { include: { user: true } } } });
    // Sara leads elderly care, Lene is her colleague there (someone to hand the red thread to), Omar is in health
    expect(staffAreas.map((a) => [a.staff.user?.email, a.serviceArea.key, a.isLead]).sort()).toEqual(
      [
        [PERSONAS.find((p) => p.key === "coordinator")!.email, "elderly-care", true],
        [PERSONAS.find((p) => p.key === "colleague")!.email, "elderly-care", false],
        [PERSONAS.find((p) => p.key === "caseworker")!.email, "health", false],
      ].sort(),
    );
    // findable by her (made-up) CPR number; the number itself is nowhere
    expect(citizen.cprHash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(citizen)).not.toContain("0101451234");
    expect(await db.message.count({ where: { citizenId: citizen.id } })).toBe(1);
  });

  it("seeds a newcomer whose plan is empty, for the first visit", async () => {
    const karl = await db.citizen.findFirstOrThrow({
      where: { user: { email: PERSONAS.find((p) => p.key === "newcomer")!.email } },
      include: { storySections: true, goals: true, network: true },
    });
    expect([karl.storySections, karl.goals, karl.network]).toEqual([[], [], []]);
  });

  it("never seeds a database that has data already", async () => {
    expect(await seedDemo(db)).toBe(false);
    expect(await db.municipality.count()).toBe(1);
    expect(await db.serviceArea.count()).toBe(STANDARD_AREAS.length);
  });
});

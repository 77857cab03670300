import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { connect, type Db } from "@/lib/db/connect";
import { updateStorySection } from "@/lib/story/commands";
import { readStory } from "@/lib/story/queries";
import { grantConsent } from "@/lib/consents/commands";
import { deploy } from "../../scripts/db.mjs";
import { adminQuery, dropDatabase, testDatabaseName, withDatabase } from "../support/test-database";
import { makeWorld, useDatabase } from "../support/fixtures";

// A database of its own: these tests break the log tables on purpose, as the owner; the gate runs as
// the app's role, which may not alter a table.
const name = testDatabaseName("logfail");
let db: Db;
let owner: Db;
beforeAll(async () => {
  await adminQuery(inject("adminUrl"), `CREATE DATABASE "${name}"`);
  const ownerUrl = withDatabase(inject("adminUrl"), name);
  await deploy(ownerUrl, { quiet: true, appRole: inject("appRole") });
  const url = withDatabase(inject("databaseUrl"), name);
  await useDatabase(url);
  db = connect(url, { max: 2 });
  owner = connect(ownerUrl, { max: 1 });
});
afterAll(async () => {
  await db.$disconnect();
  await owner.$disconnect();
  await useDatabase(inject("databaseUrl"));
  await dropDatabase(inject("adminUrl"), name);
});

describe("a write whose log row fails", () => {
  it("is rolled back when its change-log row cannot be written", async () => {
    const w = await makeWorld(db);
    await updateStorySection(w.actors.citizen, { citizenId: w.citizen.id, kind: "ABOUT_ME", text: "Før", version: 0 });
    await owner.$executeRawUnsafe(`ALTER TABLE "ChangeLog" ADD CONSTRAINT broken CHECK (false) NOT VALID`);
    try {
      await expect(
        updateStorySection(w.actors.citizen, { citizenId: w.citizen.id, kind: "ABOUT_ME", text: "Efter", version: 1 }),
      ).rejects.toThrow();
    } finally {
      await owner.$executeRawUnsafe(`ALTER TABLE "ChangeLog" DROP CONSTRAINT broken`);
    }
    const section = await db.storySection.findUniqueOrThrow({ where: { citizenId_kind: { citizenId: w.citizen.id, kind: "ABOUT_ME" } } });
    expect(section).toMatchObject({ text: "Før", version: 1 });
  });

  it("is not read either when its access-log row cannot be written", async () => {
    const w = await makeWorld(db);
    await grantConsent(w.actors.citizen, { citizenId: w.citizen.id, serviceAreaId: w.areaA.id, parts: ["STORY"] });
    await owner.$executeRawUnsafe(`ALTER TABLE "AccessLog" ADD CONSTRAINT broken CHECK (false) NOT VALID`);
    try {
      await expect(readStory(w.actors.staffA, w.citizen.id)).rejects.toThrow();
    } finally {
      await owner.$executeRawUnsafe(`ALTER TABLE "AccessLog" DROP CONSTRAINT broken`);
    }
  });
});

import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { connect, type Db } from "@/lib/db/connect";
import { readStory } from "@/lib/story/queries";
import { updateStorySection } from "@/lib/story/commands";
import { grantConsent } from "@/lib/consents/commands";
import { readAccessLog } from "@/lib/access-log/queries";
import { readPlan } from "@/lib/plan/queries";
import type { Actor } from "@/lib/record/actor";
import { makeWorld, useDatabase } from "../support/fixtures";

// The trail a citizen reads ("who has seen my plan") under attack: nobody can relabel it, flood it, or write in it.
let db: Db;
beforeAll(async () => {
  await useDatabase(inject("databaseUrl"));
  db = connect(inject("databaseUrl"), { max: 4 });
});
afterAll(() => db.$disconnect());

const userIdOf = (a: Actor) => (a.kind === "user" ? a.userId : "");
const staffIdOf = (a: Actor) => (a.kind === "user" && a.staff ? a.staff.staffId : "");

describe("names in the trail are kept as they were", () => {
  it("a caseworker, a relative and someone acting for the citizen stay named as they were, however their accounts are renamed later", async () => {
    const w = await makeWorld(db);
    await updateStorySection(w.actors.citizen, { citizenId: w.citizen.id, kind: "ABOUT_ME", text: "Jeg hedder Inge", version: 0 });
    await grantConsent(w.actors.citizen, { citizenId: w.citizen.id, serviceAreaId: w.areaA.id, parts: ["STORY"] });
    await db.assignment.create({ data: { citizenId: w.citizen.id, staffId: staffIdOf(w.actors.staffA), serviceAreaId: w.areaA.id } });
    await db.staffMember.update({ where: { id: staffIdOf(w.actors.staffA) }, data: { name: "Sara Holm" } });
    const relative = await w.relativeWith("relative", ["SEE_STORY"]);
    const member = await db.networkMember.create({ data: { citizenId: w.citizen.id, name: "Mette (datter)" } });
    await db.relationship.update({
      where: { citizenId_userId: { citizenId: w.citizen.id, userId: userIdOf(relative) } },
      data: { networkMemberId: member.id },
    });
    const holder = await w.relativeWith("holder", []);
    await db.powerOfAttorney.create({
      data: { citizenId: w.citizen.id, holderUserId: userIdOf(holder), holderName: "Sofie", rights: ["SEE_PLAN"], source: "CITIZEN" },
    });

    for (const actor of [w.actors.staffA, relative, holder]) expect((await readStory(actor, w.citizen.id)).ok).toBe(true);

    // every account renamed afterwards, the way someone would try to relabel their entries
    for (const a of [w.actors.staffA, relative, holder])
      await db.user.update({ where: { id: userIdOf(a) }, data: { name: "Nogen andre" } });
    await db.staffMember.update({ where: { id: staffIdOf(w.actors.staffA) }, data: { name: "Nogen andre" } });
    await db.powerOfAttorney.updateMany({ where: { citizenId: w.citizen.id }, data: { holderName: "Nogen andre" } });

    const log = await readAccessLog(w.actors.citizen, w.citizen.id);
    expect(log.ok).toBe(true);
    const names = log.ok ? log.value.entries.map((e) => [e.actorRole, e.actorName]) : [];
    expect(names).toEqual(
      expect.arrayContaining([
        ["STAFF", "Sara Holm"],
        ["RELATIVE", "Mette (datter)"],
        ["PROXY", "Sofie"],
      ]),
    );
    expect(names.flat()).not.toContain("Nogen andre");
    // the area is kept with the row too
    expect(log.ok && log.value.entries.find((e) => e.actorRole === "STAFF")?.areaKey).toBe("elderly-care");
  });

  it("a change is signed with the name at the time, too", async () => {
    const w = await makeWorld(db);
    const holder = await w.relativeWith("holder", []);
    await db.powerOfAttorney.create({
      data: { citizenId: w.citizen.id, holderUserId: userIdOf(holder), holderName: "Sofie", rights: ["WRITE_PLAN"], source: "CITIZEN" },
    });
    const written = await updateStorySection(holder, { citizenId: w.citizen.id, kind: "ABOUT_ME", text: "Skrevet for Inge", version: 0 });
    expect(written.ok).toBe(true);
    const change = await db.changeLog.findFirstOrThrow({ where: { citizenId: w.citizen.id, part: "STORY" } });
    expect(change).toMatchObject({ actorRole: "PROXY", actorName: "Sofie" });
  });
});

describe("the log cannot be flooded", () => {
  it("calls from nobody signed in are refused at the door and write nothing, however many arrive at once", async () => {
    const w = await makeWorld(db);
    const results = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        i % 2
          ? readStory(w.actors.anonymous, w.citizen.id)
          : updateStorySection(w.actors.anonymous, { citizenId: w.citizen.id, kind: "ABOUT_ME", text: "x", version: 0 }),
      ),
    );
    expect(results.every((r) => !r.ok && r.error === "not-found")).toBe(true);
    expect(await readPlan(w.actors.anonymous, w.citizen.id)).toEqual({ ok: false, error: "not-found" });
    expect(await db.accessLog.count({ where: { citizenId: w.citizen.id } })).toBe(0);
  });

  it("a signed-in stranger's repeated tries are one counted row per part and hour, and stop being counted past the limit", async () => {
    const w = await makeWorld(db);
    const stranger = w.actors.otherCitizen;
    const results = await Promise.all(Array.from({ length: 230 }, () => readStory(stranger, w.citizen.id)));
    expect(results.every((r) => !r.ok && r.error === "not-found")).toBe(true);
    const rows = await db.accessLog.findMany({ where: { citizenId: w.citizen.id } });
    expect(rows.map((r) => [r.actorUserId, r.part, r.action, r.outcome, r.reason])).toEqual([
      [userIdOf(stranger), "STORY", "READ", "DENIED", "not-related"],
    ]);
    // 200 refusals a quarter of an hour are counted; the rest write nothing at all
    expect(rows[0]!.count).toBe(200);
    // the citizen reads it as one entry with its count
    const log = await readAccessLog(w.actors.citizen, w.citizen.id);
    expect(log.ok && log.value.entries.map((e) => [e.outcome, e.count])).toEqual([["DENIED", 200]]);
  });
});

describe("the access log in the database", () => {
  it("lets a refusal's count only grow; nothing else in any row changes, and no row goes", async () => {
    const w = await makeWorld(db);
    await readStory(w.actors.otherCitizen, w.citizen.id);
    await grantConsent(w.actors.citizen, { citizenId: w.citizen.id, serviceAreaId: w.areaA.id, parts: ["STORY"] });
    await db.assignment.create({ data: { citizenId: w.citizen.id, staffId: staffIdOf(w.actors.staffA), serviceAreaId: w.areaA.id } });
    await readStory(w.actors.staffA, w.citizen.id);
    const denied = await db.accessLog.findFirstOrThrow({ where: { citizenId: w.citizen.id, outcome: "DENIED" } });
    const allowed = await db.accessLog.findFirstOrThrow({ where: { citizenId: w.citizen.id, outcome: "ALLOWED" } });

    // the app's own role (decision 027): may make a refusal's count grow, and change nothing else
    await db.$executeRaw`UPDATE "AccessLog" SET "count" = "count" + 1 WHERE id = ${denied.id}`;
    await expect(db.$executeRaw`UPDATE "AccessLog" SET "reason" = 'unknown' WHERE id = ${denied.id}`).rejects.toThrow(/permission denied/);
    // and even the tables' owner, past privileges, meets the trigger
    const owner = connect(inject("ownerUrl"), { max: 1 });
    try {
      const refused = [
        owner.$executeRaw`UPDATE "AccessLog" SET "count" = "count" - 1 WHERE id = ${denied.id}`,
        owner.$executeRaw`UPDATE "AccessLog" SET "count" = "count" + 1, "reason" = 'unknown' WHERE id = ${denied.id}`,
        owner.$executeRaw`UPDATE "AccessLog" SET "count" = "count" + 1, "actorName" = 'Nogen' WHERE id = ${denied.id}`,
        owner.$executeRaw`UPDATE "AccessLog" SET "count" = "count" + 1 WHERE id = ${allowed.id}`,
        owner.$executeRaw`UPDATE "AccessLog" SET "actorName" = 'Nogen' WHERE id = ${allowed.id}`,
        owner.$executeRaw`DELETE FROM "AccessLog" WHERE id = ${denied.id}`,
      ];
      for (const attempt of refused) await expect(attempt).rejects.toThrow(/append-only/);
    } finally {
      await owner.$disconnect();
    }
    expect(await db.accessLog.findUniqueOrThrow({ where: { id: denied.id } })).toMatchObject({ count: 2, reason: "not-related" });
    expect(await db.accessLog.findUniqueOrThrow({ where: { id: allowed.id } })).toMatchObject({ count: 1, actorName: allowed.actorName });
  });
});

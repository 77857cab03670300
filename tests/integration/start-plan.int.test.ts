import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, inject, it } from "vitest";
import { connect, type Db } from "@/lib/db/connect";
import { startPlanWith } from "@/lib/staff/start-plan";
import { keepStartedWith, startedWithMe } from "@/lib/plan/started-with";
import { makeWorld, useDatabase } from "../support/fixtures";
import { freshCpr } from "../support/cpr";

// A caseworker starts a plan with a citizen who has none (a visit, a call), on a real PostgreSQL, through the gate.
let db: Db;
beforeAll(async () => {
  await useDatabase(inject("databaseUrl"));
  db = connect(inject("databaseUrl"), { max: 2 });
});

describe("a caseworker starts a plan with a citizen", () => {
  it("makes the record, the consent as given in the conversation and by whom, and the assignment, in one go, logged for the citizen", async () => {
    const w = await makeWorld(db);
    const staff = w.actors.staffA;
    const input = {
      cpr: freshCpr(),
      name: "Ellen Holm",
      channel: "PHONE",
      serviceAreaId: w.areaA.id,
      parts: ["STORY", "GOALS"],
      months: "6",
      how: "CONVERSATION",
      agreed: "yes",
    };
    const result = await startPlanWith(staff, input);
    if (!result.ok) throw new Error(JSON.stringify(result));
    const citizenId = result.value.citizenId;
    const record = await db.citizen.findUniqueOrThrow({
      where: { id: citizenId },
      include: { contact: true, consents: true, assignments: true },
    });
    expect(record).toMatchObject({ name: "Ellen Holm", userId: null, startedById: staff.staff.staffId, municipalityId: w.municipality.id });
    expect(record.cprHash).toMatch(/^[0-9a-f]{64}$/);
    expect(record.contact?.channel).toBe("PHONE");
    expect(record.consents).toHaveLength(1);
    expect(record.consents[0]).toMatchObject({
      serviceAreaId: w.areaA.id,
      parts: ["PROFILE", "STORY", "GOALS"],
      givenHow: "CONVERSATION",
      recordedById: staff.staff.staffId,
    });
    expect(record.assignments.map((a) => [a.staffId, a.serviceAreaId])).toEqual([[staff.staff.staffId, w.areaA.id]]);
    const log = await db.accessLog.findMany({ where: { citizenId } });
    expect(log.map((l) => [l.outcome, l.purpose])).toEqual([["ALLOWED", "start-plan-with"]]);
    // the number is not kept anywhere
    expect(JSON.stringify(record)).not.toContain(input.cpr);

    // the same number again: there is a plan already; nothing more is written, and it is logged as the lookup it is
    expect(await startPlanWith(staff, { ...input, name: "Another" })).toEqual({
      ok: false,
      error: "invalid",
      fieldErrors: { cpr: ["Validation.planExists"] },
    });
    expect((await db.accessLog.findMany({ where: { citizenId }, orderBy: { at: "asc" } })).map((l) => l.purpose)).toEqual([
      "start-plan-with",
      "cpr-lookup",
    ]);
    expect(await db.citizen.count({ where: { municipalityId: w.municipality.id, name: "Another" } })).toBe(0);
  });

  it("refuses without the citizen's yes, for an area not the caseworker's, and for anyone but staff; writes nothing", async () => {
    const w = await makeWorld(db);
    const base = {
      cpr: freshCpr(),
      name: "Ole",
      channel: "LETTER",
      serviceAreaId: w.areaA.id,
      parts: ["STORY"],
      months: "3",
      how: "PAPER",
      agreed: "yes",
    };
    const before = await db.citizen.count();
    expect(await startPlanWith(w.actors.staffA, { ...base, agreed: "" })).toMatchObject({
      ok: false,
      fieldErrors: { agreed: ["Validation.citizenAgreed"] },
    });
    expect(await startPlanWith(w.actors.staffA, { ...base, parts: [] })).toMatchObject({
      ok: false,
      fieldErrors: { parts: ["Validation.chooseAtLeastOne"] },
    });
    expect(await startPlanWith(w.actors.staffA, { ...base, serviceAreaId: w.areaB.id })).toMatchObject({ ok: false, error: "invalid" });
    expect(await startPlanWith(w.actors.citizen, base)).toEqual({ ok: false, error: "not-found" });
    expect(await startPlanWith(w.actors.anonymous, base)).toEqual({ ok: false, error: "not-found" });
    expect(await db.citizen.count()).toBe(before);
  });

  it("is logged under the area the caseworker chose, the one the new consent is for", async () => {
    const w = await makeWorld(db);
    const both = await w.staffIn("both", [w.areaA, w.areaB]);
    const result = await startPlanWith(both, {
      cpr: freshCpr(),
      name: "Åse",
      channel: "EMAIL",
      serviceAreaId: w.areaB.id,
      parts: ["GOALS"],
      months: "3",
      how: "CONVERSATION",
      agreed: "yes",
    });
    if (!result.ok) throw new Error(JSON.stringify(result));
    const [row] = await db.accessLog.findMany({ where: { citizenId: result.value.citizenId } });
    expect(row?.serviceAreaId).toBe(w.areaB.id);
  });

  it("two caseworkers starting a plan for the same number at the same moment make one plan", async () => {
    const w = await makeWorld(db);
    const colleague = await w.staffIn("colleague", [w.areaA]);
    const input = {
      cpr: freshCpr(),
      name: "Bo",
      channel: "VISIT",
      serviceAreaId: w.areaA.id,
      parts: ["STORY"],
      months: "12",
      how: "CONVERSATION",
      agreed: "yes",
    };
    const results = await Promise.all([startPlanWith(w.actors.staffA, input), startPlanWith(colleague, input)]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.find((r) => !r.ok)).toEqual({ ok: false, error: "invalid", fieldErrors: { cpr: ["Validation.planExists"] } });
  });

  it("the citizen, once they have their record, sees what was written down and by whom, until they keep it", async () => {
    const w = await makeWorld(db);
    const result = await startPlanWith(w.actors.staffA, {
      cpr: freshCpr(),
      name: "Ellen",
      channel: "SMS",
      serviceAreaId: w.areaA.id,
      parts: ["STORY"],
      months: "6",
      how: "PAPER",
      agreed: "yes",
    });
    if (!result.ok) throw new Error("not started");
    const citizenId = result.value.citizenId;
    const user = await db.user.create({ data: { id: randomUUID(), name: "Ellen", email: `ellen-${randomUUID()}@mitid.invalid` } });
    await db.citizen.update({ where: { id: citizenId }, data: { userId: user.id } });
    const me = { kind: "user" as const, userId: user.id, citizenId, staff: null };
    const seen = await startedWithMe(me, citizenId);
    expect(seen).toMatchObject({
      ok: true,
      value: {
        staffName: `staff-a ${w.tag}`,
        name: "Ellen",
        channel: "SMS",
        consents: [{ areaKey: w.areaA.key, parts: ["STORY"], givenHow: "PAPER", recordedBy: `staff-a ${w.tag}` }],
      },
    });
    // someone else cannot read it
    expect((await startedWithMe(w.actors.otherCitizen, citizenId)).ok).toBe(false);
    expect((await keepStartedWith(me, { citizenId })).ok).toBe(true);
    expect(await startedWithMe(me, citizenId)).toEqual({ ok: true, value: null });
  });
});

import { describe, expect, it } from "vitest";
import { readPlan } from "@/lib/plan/queries";
import { grantConsent } from "@/lib/consents/commands";
import { updateStorySection } from "@/lib/story/commands";
import { VISIT_GAP_MS } from "@/lib/plan/visit";
import type { Actor } from "@/lib/record/actor";
import { addAgreement } from "@/lib/agreements/commands";
import { makeWorld } from "../support/fixtures";
import { appDatabase } from "../support/app-database";

// The one-page plan through readParts: each reader sees the parts they may, and
// the page costs the same number of statements however long the plan is.
let statements: string[] = [];
// the gate's client: its statements are counted
const db = appDatabase({ onQuery: (sql) => statements.push(sql) });

async function worldWithPlan(goals: number) {
  const w = await makeWorld(db);
  await w.assign(w.actors.staffA, w.areaA); // the area's caseworker works with the citizen (need to know)
  await updateStorySection(w.actors.citizen, { citizenId: w.citizen.id, kind: "WHAT_MATTERS", text: "Koret", version: 0 });
  for (let i = 0; i < goals; i++) {
    const goal = await db.goal.create({ data: { citizenId: w.citizen.id, title: `Mål ${i}` } });
    await db.goalStep.create({ data: { citizenId: w.citizen.id, goalId: goal.id, text: "Et skridt", done: i % 2 === 0 } });
  }
  await db.agreement.create({
    data: {
      citizenId: w.citizen.id,
      what: "Ring til Sara",
      responsible: "SERVICE_AREA",
      serviceAreaId: w.areaA.id,
      authorRole: "STAFF",
      dueOn: new Date("2020-01-01"),
    },
  });
  await db.networkMember.create({ data: { citizenId: w.citizen.id, name: "Mette", relation: "Datter", closeness: "CLOSEST" } });
  return w;
}
const logRows = (citizenId: string) => db.accessLog.findMany({ where: { citizenId }, orderBy: { id: "asc" } });

describe("the one-page plan", () => {
  it("shows the citizen everything, without logging their own reads", async () => {
    const w = await worldWithPlan(2);
    const plan = await readPlan(w.actors.citizen, w.citizen.id);
    expect(plan.ok).toBe(true);
    if (!plan.ok) return;
    expect(plan.value.story?.WHAT_MATTERS?.text).toBe("Koret");
    expect(plan.value.goals).toHaveLength(2);
    expect(plan.value.agreements).toEqual([expect.objectContaining({ what: "Ring til Sara", who: "elderly-care", overdue: true })]);
    expect(plan.value.network?.map((n) => n.name)).toEqual(["Mette"]);
    expect(plan.value.coordinator).toBeNull(); // nobody yet, and the citizen may know that
    expect(await logRows(w.citizen.id)).toEqual([]);
  });

  it("shows a relative only what the citizen allowed, and logs one row per part read", async () => {
    const w = await worldWithPlan(1);
    const relative = await w.relativeWith("daughter", ["SEE_STORY"]);
    const plan = await readPlan(relative, w.citizen.id);
    expect(plan.ok && plan.value).toMatchObject({
      story: { WHAT_MATTERS: { text: "Koret" } },
      goals: null,
      agreements: null,
      network: null,
      help: null,
      coordinator: null,
    });
    expect((await logRows(w.citizen.id)).map((r) => [r.actorRole, r.part, r.outcome])).toEqual([
      ["RELATIVE", "PROFILE", "ALLOWED"],
      ["RELATIVE", "STORY", "ALLOWED"],
      ["RELATIVE", "RED_THREAD", "ALLOWED"],
    ]);
  });

  it("shows an area the consented parts; without consent the plan is not found, and the attempt is logged", async () => {
    const w = await worldWithPlan(1);
    expect(await readPlan(w.actors.staffA, w.citizen.id)).toEqual({ ok: false, error: "not-found" });
    await grantConsent(w.actors.citizen, { citizenId: w.citizen.id, serviceAreaId: w.areaA.id, parts: ["PROFILE", "GOALS", "AGREEMENTS"] });
    const plan = await readPlan(w.actors.staffA, w.citizen.id);
    expect(plan.ok && plan.value).toMatchObject({ story: null, network: null, goals: [expect.objectContaining({ title: "Mål 0" })] });
    expect(plan.ok && plan.value.coordinator).toBeUndefined(); // not consented: not even "nobody"
    const rows = await logRows(w.citizen.id);
    expect(rows[0]).toMatchObject({ outcome: "DENIED", part: "PROFILE", reason: "no-consent" });
    expect(rows.slice(1).map((r) => r.part)).toEqual(["PROFILE", "GOALS", "AGREEMENTS"]);
  });

  it("costs the same number of SQL statements with 1 goal and with 50", async () => {
    const small = await worldWithPlan(1);
    const large = await worldWithPlan(50);
    statements = [];
    const a = await readPlan(small.actors.citizen, small.citizen.id);
    const one = statements.length;
    statements = [];
    const b = await readPlan(large.actors.citizen, large.citizen.id);
    const fifty = statements.length;
    expect(a.ok && a.value.goals).toHaveLength(1);
    expect(b.ok && b.value.goals).toHaveLength(50);
    expect(one).toBeGreaterThan(0);
    expect(fifty).toBe(one);
  });
});

describe("what is new since my last visit", () => {
  const news = async (actor: Actor, citizenId: string) => {
    const plan = await readPlan(actor, citizenId, { visit: true });
    return plan.ok ? plan.value.news : "not-found";
  };

  it("shows what relatives and staff changed since the visit before, the same on every reload within the visit", async () => {
    const w = await worldWithPlan(1);
    await grantConsent(w.actors.citizen, { citizenId: w.citizen.id, serviceAreaId: w.areaA.id, parts: ["PROFILE", "AGREEMENTS"] });
    // a first visit: nothing is new yet
    expect(await news(w.actors.citizen, w.citizen.id)).toBeNull();
    const first = await db.citizen.findUniqueOrThrow({ where: { id: w.citizen.id } });
    expect(first.lastVisitAt).not.toBeNull();

    // that visit began over an hour ago; meanwhile the area and a relative wrote, and the citizen too
    const visitStart = new Date(Date.now() - VISIT_GAP_MS - 1000);
    await db.citizen.update({ where: { id: w.citizen.id }, data: { lastVisitAt: visitStart } });
    const relative = await w.relativeWith("datter", ["ADD_AGREEMENTS"]);
    await addAgreement(w.actors.staffA, { citizenId: w.citizen.id, what: "Sara ringer fredag", who: `SERVICE_AREA:${w.areaA.id}` });
    await addAgreement(relative, { citizenId: w.citizen.id, what: "Jeg henter medicin", who: "CITIZEN" });
    await addAgreement(w.actors.citizen, { citizenId: w.citizen.id, what: "Min egen", who: "CITIZEN" });

    const expected = {
      total: 2,
      items: [
        expect.objectContaining({
          actorRole: "RELATIVE",
          actorName: expect.stringContaining("datter"),
          entity: "Agreement",
          added: true,
          words: "Jeg henter medicin",
        }),
        expect.objectContaining({
          actorRole: "STAFF",
          areaKey: "elderly-care",
          entity: "Agreement",
          added: true,
          words: "Sara ringer fredag",
        }),
      ],
    };
    const fresh = await news(w.actors.citizen, w.citizen.id);
    expect(fresh).toEqual(expected);
    // when, to the second, whatever the time zones of the server and the session
    for (const item of fresh && fresh !== "not-found" ? fresh.items : [])
      expect(Math.abs(Date.parse(item.at) - Date.now())).toBeLessThan(60_000);
    const now = await db.citizen.findUniqueOrThrow({ where: { id: w.citizen.id } });
    expect(now.previousVisitAt).toEqual(visitStart);
    // a reload within the visit sees the same; the visit is not a change to the record
    expect(await news(w.actors.citizen, w.citizen.id)).toEqual(expected);
    expect((await db.citizen.findUniqueOrThrow({ where: { id: w.citizen.id } })).lastVisitAt).toEqual(now.lastVisitAt);
    expect(await db.changeLog.count({ where: { citizenId: w.citizen.id, entity: "Citizen" } })).toBe(0);
    expect((await db.citizen.findUniqueOrThrow({ where: { id: w.citizen.id } })).version).toBe(first.version);
  });

  it("is the citizen's alone: others neither begin a visit nor read the change log through the plan", async () => {
    const w = await worldWithPlan(1);
    const relative = await w.relativeWith("all", ["SEE_STORY", "SEE_GOALS_AND_AGREEMENTS", "ADD_AGREEMENTS", "ADD_NETWORK", "SEE_CONTACT"]);
    await grantConsent(w.actors.citizen, { citizenId: w.citizen.id, serviceAreaId: w.areaA.id, parts: ["PROFILE", "AGREEMENTS"] });
    await db.citizen.update({ where: { id: w.citizen.id }, data: { lastVisitAt: new Date(0) } });
    await addAgreement(w.actors.staffA, { citizenId: w.citizen.id, what: "Ny", who: "CITIZEN" });
    for (const actor of [relative, w.actors.staffA]) expect(await news(actor, w.citizen.id)).toBeNull();
    for (const actor of [w.actors.otherCitizen, w.actors.anonymous]) expect(await news(actor, w.citizen.id)).toBe("not-found");
    expect((await db.citizen.findUniqueOrThrow({ where: { id: w.citizen.id } })).lastVisitAt).toEqual(new Date(0));
  });
});

describe("the plan's agreements, for the glossary on tap (decision 039)", () => {
  it("say which a caseworker wrote down, whose professional words explain themselves, and which are the citizen's or a relative's own", async () => {
    const w = await worldWithPlan(0);
    await grantConsent(w.actors.citizen, { citizenId: w.citizen.id, serviceAreaId: w.areaA.id, parts: ["PROFILE", "AGREEMENTS"] });
    const relative = await w.relativeWith("datter", ["ADD_AGREEMENTS"]);
    await addAgreement(w.actors.staffA, { citizenId: w.citizen.id, what: "Visitation på tirsdag", who: `SERVICE_AREA:${w.areaA.id}` });
    await addAgreement(relative, { citizenId: w.citizen.id, what: "Jeg spørger til bevillingen", who: "CITIZEN" });
    await addAgreement(w.actors.citizen, { citizenId: w.citizen.id, what: "Min bevilling", who: "CITIZEN" });
    const plan = await readPlan(w.actors.citizen, w.citizen.id);
    expect(plan.ok && Object.fromEntries(plan.value.agreements!.map((a) => [a.what, a.byStaff]))).toEqual({
      "Ring til Sara": true,
      "Visitation på tirsdag": true,
      "Jeg spørger til bevillingen": false,
      "Min bevilling": false,
    });
  });
});

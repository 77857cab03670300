import { describe, expect, it } from "vitest";
import { addAreaHelp } from "@/lib/help/commands";
import { areaCase, findCitizens, myCaseload } from "@/lib/staff/caseload";
import { answerConsentRequest, requestConsent } from "@/lib/consents/requests";
import { grantConsent } from "@/lib/consents/commands";
import { readPlan } from "@/lib/plan/queries";
import type { Actor } from "@/lib/record/actor";
import { makeWorld } from "../support/fixtures";
import { appDatabase } from "../support/app-database";

// A caseworker's work list, finding a citizen of their areas, and the area's own
// help in the shared plan; "told once" when they read the citizen's story.
const db = appDatabase();

const NOT_FOUND = { ok: false, error: "not-found" };
const staffIdOf = (a: Actor) => (a.kind === "user" && a.staff ? a.staff.staffId : "");

async function assignedWorld() {
  const w = await makeWorld(db);
  await db.assignment.create({ data: { citizenId: w.citizen.id, staffId: staffIdOf(w.actors.staffA), serviceAreaId: w.areaA.id } });
  await db.storySection.create({ data: { citizenId: w.citizen.id, kind: "ABOUT_ME", text: "Om mig" } });
  return w;
}

describe("a caseworker's citizens", () => {
  it("lists the citizens they work with, and whether their area may see the plan yet", async () => {
    const w = await assignedWorld();
    expect(await myCaseload(w.actors.staffA)).toEqual([
      expect.objectContaining({ citizenId: w.citizen.id, access: "none", areaKeys: ["elderly-care"], coordinator: false }),
    ]);
    const asked = await requestConsent(w.actors.staffA, {
      citizenId: w.citizen.id,
      serviceAreaId: w.areaA.id,
      reason: "Badet",
      parts: ["PROFILE", "STORY", "HELP"],
    });
    expect((await areaCase(w.actors.staffA, w.citizen.id))?.access).toBe("asked");
    await answerConsentRequest(w.actors.citizen, {
      answer: "APPROVE",
      citizenId: w.citizen.id,
      requestId: asked.ok ? asked.value.requestId : "",
      parts: ["PROFILE", "STORY", "HELP"],
      duration: "6m",
    });
    expect((await areaCase(w.actors.staffA, w.citizen.id))?.access).toBe("consented");
    // another area, another municipality, a citizen: nothing
    expect(await myCaseload(w.actors.staffB)).toEqual([]);
    expect(await areaCase(w.actors.staffB, w.citizen.id)).toBeNull();
    expect(await myCaseload(w.actors.citizen)).toEqual([]);
    expect(await areaCase(w.actors.citizen, w.citizen.id)).toBeNull();
  });

  it("finds by name only citizens of their own areas", async () => {
    const w = await assignedWorld();
    const part = w.citizen.name.slice(0, 9); // "Borger <tag>"
    expect(await findCitizens(w.actors.staffA, part)).toEqual([{ citizenId: w.citizen.id, name: w.citizen.name }]);
    expect(await findCitizens(w.actors.staffA, w.otherCitizen.name)).toEqual([]); // not assigned to the area
    expect(await findCitizens(w.actors.staffB, part)).toEqual([]);
    expect(await findCitizens(w.actors.citizen, part)).toEqual([]);
    expect(await findCitizens(w.actors.staffA, "B")).toEqual([]); // too short to search
  });
});

describe("the area's help", () => {
  it("is written by a consented area's caseworker, marked with the area, and read by the citizen in the plan", async () => {
    const w = await assignedWorld();
    await grantConsent(w.actors.citizen, { citizenId: w.citizen.id, serviceAreaId: w.areaA.id, parts: ["PROFILE", "HELP"] });
    const added = await addAreaHelp(w.actors.staffA, {
      citizenId: w.citizen.id,
      what: "Hjælp til bad",
      howOften: "Tirsdag og fredag",
      until: "",
    });
    expect(added.ok).toBe(true);
    const plan = await readPlan(w.actors.citizen, w.citizen.id);
    expect(plan.ok && plan.value.help).toEqual([
      { what: "Hjælp til bad", howOften: "Tirsdag og fredag", until: null, areaKey: "elderly-care" },
    ]);
    expect(await addAreaHelp(w.actors.staffA, { citizenId: w.citizen.id, what: " ", howOften: "", until: "2020-01-01" })).toEqual({
      ok: false,
      error: "invalid",
      fieldErrors: { what: ["Validation.required"], until: ["Validation.dateInPast"] },
    });
  });

  it("nobody else writes it: not without consent, not without HELP in the consent, not the citizen, not a relative", async () => {
    const w = await assignedWorld();
    await grantConsent(w.actors.citizen, { citizenId: w.citizen.id, serviceAreaId: w.areaB.id, parts: ["PROFILE", "STORY"] });
    const relative = await w.relativeWith("all", ["SEE_STORY", "SEE_GOALS_AND_AGREEMENTS", "ADD_AGREEMENTS", "ADD_NETWORK", "SEE_CONTACT"]);
    for (const [who, actor] of [
      ["staff without consent", w.actors.staffA],
      ["staff whose consent has no HELP", w.actors.staffB],
      ["the citizen", w.actors.citizen],
      ["a relative", relative],
      ["anonymous", w.actors.anonymous],
    ] as [string, Actor][]) {
      expect(await addAreaHelp(actor, { citizenId: w.citizen.id, what: "Noget", howOften: "", until: "" }), who).toEqual(NOT_FOUND);
    }
    expect(await db.areaHelp.count({ where: { citizenId: w.citizen.id } })).toBe(0);
  });
});

describe("told once", () => {
  it("a caseworker reading the story is logged as the story used instead of asked again, and the citizen's plan counts it once per area and day", async () => {
    const w = await assignedWorld();
    await grantConsent(w.actors.citizen, { citizenId: w.citizen.id, serviceAreaId: w.areaA.id, parts: ["PROFILE", "STORY"] });
    await readPlan(w.actors.staffA, w.citizen.id);
    await readPlan(w.actors.staffA, w.citizen.id); // the same area, the same day: still once
    const rows = await db.accessLog.findMany({ where: { citizenId: w.citizen.id, actorRole: "STAFF" } });
    expect(rows.filter((r) => r.part === "STORY").map((r) => r.purpose)).toEqual(["told-once", "told-once"]);
    expect(rows.filter((r) => r.part === "PROFILE").map((r) => r.purpose)).toEqual(["view-plan", "view-plan"]);
    const plan = await readPlan(w.actors.citizen, w.citizen.id);
    expect(plan.ok && plan.value.toldOnce).toBe(1);
    const relativePlan = await readPlan(await w.relativeWith("r", ["SEE_STORY"]), w.citizen.id);
    expect(relativePlan.ok && relativePlan.value.toldOnce).toBeNull();
  });
});

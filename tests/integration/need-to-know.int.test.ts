import { describe, expect, inject, it } from "vitest";
import { connect } from "@/lib/db/connect";
import { readPlan } from "@/lib/plan/queries";
import { readStory } from "@/lib/story/queries";
import { updateStorySection } from "@/lib/story/commands";
import { grantConsent } from "@/lib/consents/commands";
import { answerConsentRequest, requestConsent } from "@/lib/consents/requests";
import { askForContact } from "@/lib/contact-requests/commands";
import { offerHandover, takeRedThread } from "@/lib/red-thread/commands";
import { readAccessLog } from "@/lib/access-log/queries";
import { stateReason } from "@/lib/staff/need-to-know";
import { addAgreement } from "@/lib/agreements/commands";
import type { Actor } from "@/lib/record/actor";
import { makeWorld } from "../support/fixtures";
import { appDatabase } from "../support/app-database";

// A consent lets an area in; need to know lets a person of the area read (decision 029).
const db = appDatabase({ max: 6 });
const NOT_FOUND = { ok: false, error: "not-found" };
const staffIdOf = (a: Actor) => (a.kind === "user" && a.staff ? a.staff.staffId : "");
const userIdOf = (a: Actor) => (a.kind === "user" ? a.userId : "");

async function consentedWorld() {
  const w = await makeWorld(db);
  await updateStorySection(w.actors.citizen, { citizenId: w.citizen.id, kind: "ABOUT_ME", text: "Jeg hedder Inge", version: 0 });
  await grantConsent(w.actors.citizen, {
    citizenId: w.citizen.id,
    serviceAreaId: w.areaA.id,
    parts: ["PROFILE", "STORY", "GOALS", "AGREEMENTS", "CONTACT_REQUESTS", "RED_THREAD"],
  });
  return w;
}

describe("need to know", () => {
  it("a caseworker of the consented area who does not work with the citizen sees the name only, and is asked why", async () => {
    const w = await consentedWorld();
    const plan = await readPlan(w.actors.staffA, w.citizen.id);
    expect(plan.ok && [plan.value.readable, plan.value.needsReason]).toEqual([["PROFILE"], true]);
    expect(await readStory(w.actors.staffA, w.citizen.id)).toEqual(NOT_FOUND);
    const write = await addAgreement(w.actors.staffA, {
      citizenId: w.citizen.id,
      what: "Et besøg",
      who: `SERVICE_AREA:${w.areaA.id}`,
      dueOn: "",
    });
    expect(write.ok).toBe(false);
    const refused = await db.accessLog.findMany({ where: { citizenId: w.citizen.id, outcome: "DENIED" } });
    expect(refused.length).toBeGreaterThan(0);
    expect(refused.every((r) => r.reason === "no-need-to-know")).toBe(true);
    // another area, without consent, is not asked why: it has nothing to open
    const other = await readPlan(w.actors.staffB, w.citizen.id);
    expect(other.ok ? other.value.needsReason : false).toBe(false);
  });

  it("a stated reason opens the plan for the day, is shown to the citizen with the reason, and is told to the area's leads", async () => {
    const w = await consentedWorld();
    const lead = await w.staffIn("lead", [w.areaA]);
    await db.staffArea.update({
      where: { staffId_serviceAreaId: { staffId: staffIdOf(lead), serviceAreaId: w.areaA.id } },
      data: { isLead: true },
    });
    await db.staffMember.update({ where: { id: staffIdOf(w.actors.staffA) }, data: { name: "Vikar Vera" } });

    expect(await stateReason(w.actors.staffA, { citizenId: w.citizen.id, reason: "SOMETHING" })).toMatchObject({
      ok: false,
      error: "invalid",
      fieldErrors: { reason: ["Validation.chooseOne"] },
    });
    expect(await db.statedReason.count({ where: { citizenId: w.citizen.id } })).toBe(0);
    const stated = await stateReason(w.actors.staffA, { citizenId: w.citizen.id, reason: "COVERING" });
    expect(stated.ok).toBe(true);
    expect(await readStory(w.actors.staffA, w.citizen.id)).toMatchObject({ ok: true, value: [{ text: "Jeg hedder Inge" }] });
    const plan = await readPlan(w.actors.staffA, w.citizen.id);
    expect(plan.ok && plan.value.needsReason).toBe(false);

    const log = await readAccessLog(w.actors.citizen, w.citizen.id);
    const looked = log.ok ? log.value.entries.find((e) => e.purpose === "look-covering") : undefined;
    expect(looked).toMatchObject({ actorRole: "STAFF", actorName: "Vikar Vera", areaKey: "elderly-care", outcome: "ALLOWED" });
    const told = await db.notification.findMany({
      where: { kind: "looked-without-assignment", subjectId: w.citizen.id },
      select: { recipientId: true, path: true, detail: true },
    });
    expect(told).toEqual([{ recipientId: userIdOf(lead), path: "/staff/team", detail: null }]);

    // the app cannot move a reason's end (it is only ever added)
    await expect(
      db.statedReason.updateMany({ where: { citizenId: w.citizen.id }, data: { until: new Date(Date.now() + 86_400_000) } }),
    ).rejects.toThrow(/denied/i);
    // the reason ends with the day (the tables' owner stands in for the clock)
    const owner = connect(inject("ownerUrl"), { max: 1 });
    try {
      await owner.statedReason.updateMany({ where: { citizenId: w.citizen.id }, data: { until: new Date(Date.now() - 1000) } });
    } finally {
      await owner.$disconnect();
    }
    expect(await readStory(w.actors.staffA, w.citizen.id)).toEqual(NOT_FOUND);
  });

  it("a reason stated for the day is no way to the red thread, which would make it lasting", async () => {
    const w = await consentedWorld();
    expect((await stateReason(w.actors.staffA, { citizenId: w.citizen.id, reason: "URGENT" })).ok).toBe(true);
    expect((await readStory(w.actors.staffA, w.citizen.id)).ok).toBe(true);
    expect(await takeRedThread(w.actors.staffA, { citizenId: w.citizen.id })).toEqual(NOT_FOUND);
    expect(await db.coordination.count({ where: { citizenId: w.citizen.id } })).toBe(0);
  });

  it("no reason opens a plan the area has no consent for", async () => {
    const w = await consentedWorld();
    expect(await stateReason(w.actors.staffB, { citizenId: w.citizen.id, reason: "URGENT" })).toEqual(NOT_FOUND);
    expect(await readStory(w.actors.staffB, w.citizen.id)).toEqual(NOT_FOUND);
    expect(await db.statedReason.count({ where: { citizenId: w.citizen.id } })).toBe(0);
  });

  it("comes from an assignment (until it ends, also one that asking for consent began), the red thread or a handover offered", async () => {
    const w = await consentedWorld();
    const [assigned, coordinator, offered, asker] = await Promise.all(
      ["assigned", "coordinator", "offered", "asker"].map((l) => w.staffIn(l, [w.areaA])),
    );
    await w.assign(assigned!, w.areaA);
    expect((await readStory(assigned!, w.citizen.id)).ok).toBe(true);
    await db.assignment.updateMany({ where: { staffId: staffIdOf(assigned!) }, data: { endedAt: new Date() } });
    expect(await readStory(assigned!, w.citizen.id)).toEqual(NOT_FOUND);

    // taking up the red thread needs need to know first: it is no way in
    expect(await takeRedThread(coordinator!, { citizenId: w.citizen.id })).toEqual(NOT_FOUND);
    await w.assign(coordinator!, w.areaA);
    expect((await takeRedThread(coordinator!, { citizenId: w.citizen.id })).ok).toBe(true);
    await db.assignment.updateMany({ where: { staffId: staffIdOf(coordinator!) }, data: { endedAt: new Date() } });
    expect((await readStory(coordinator!, w.citizen.id)).ok).toBe(true); // holding the red thread

    expect(await readStory(offered!, w.citizen.id)).toEqual(NOT_FOUND);
    expect((await offerHandover(coordinator!, { citizenId: w.citizen.id, toStaffId: staffIdOf(offered!), note: "" })).ok).toBe(true);
    expect((await readStory(offered!, w.citizen.id)).ok).toBe(true);

    // asking for consent assigns the asker (their case begins); when that assignment ends, so does the need to know
    const askerB = await w.staffIn("asker-b", [w.areaB]);
    const asked = await requestConsent(askerB, {
      citizenId: w.citizen.id,
      serviceAreaId: w.areaB.id,
      reason: "Så vi kan hjælpe",
      parts: ["STORY"],
    });
    if (!asked.ok) throw new Error("setup");
    await answerConsentRequest(w.actors.citizen, {
      answer: "APPROVE",
      citizenId: w.citizen.id,
      requestId: asked.value.requestId,
      parts: ["STORY"],
      duration: "3m",
    });
    expect((await readStory(askerB, w.citizen.id)).ok).toBe(true);
    await db.assignment.updateMany({ where: { staffId: staffIdOf(askerB) }, data: { endedAt: new Date() } });
    expect(await readStory(askerB, w.citizen.id)).toEqual(NOT_FOUND);
    // asking again while the area's consent is in force assigns nobody: it is no way to need to know
    expect(
      (await requestConsent(asker!, { citizenId: w.citizen.id, serviceAreaId: w.areaA.id, reason: "Mere", parts: ["GOALS"] })).ok,
    ).toBe(true);
    expect(await db.assignment.count({ where: { staffId: staffIdOf(asker!) } })).toBe(0);
    expect(await readStory(asker!, w.citizen.id)).toEqual(NOT_FOUND);
  });
});

describe("a no is respected", () => {
  async function declined() {
    const w = await makeWorld(db);
    const asked = await requestConsent(w.actors.staffA, {
      citizenId: w.citizen.id,
      serviceAreaId: w.areaA.id,
      reason: "Så vi kan hjælpe",
      parts: ["STORY"],
    });
    if (!asked.ok) throw new Error("setup");
    expect(
      (await answerConsentRequest(w.actors.citizen, { answer: "DECLINE", citizenId: w.citizen.id, requestId: asked.value.requestId })).ok,
    ).toBe(true);
    return w;
  }
  const askAgain = (w: Awaited<ReturnType<typeof makeWorld>>, actor: Actor, areaId: string) =>
    requestConsent(actor, { citizenId: w.citizen.id, serviceAreaId: areaId, reason: "Igen", parts: ["STORY"] });

  it("a no ends the work that asking began, and only that: an assignment made before the ask stays", async () => {
    const w = await consentedWorld();
    const [asker, working] = await Promise.all(["asker", "working"].map((l) => w.staffIn(l, [w.areaB])));
    await w.assign(working!, w.areaB);
    const ask = async (actor: Actor) => {
      const asked = await requestConsent(actor, { citizenId: w.citizen.id, serviceAreaId: w.areaB.id, reason: "Hjælp", parts: ["STORY"] });
      if (!asked.ok) throw new Error("setup");
      return asked.value.requestId;
    };
    const requestId = await ask(asker!);
    const active = async (actor: Actor) =>
      db.assignment.count({ where: { citizenId: w.citizen.id, staffId: staffIdOf(actor), endedAt: null } });
    expect([await active(asker!), await active(working!)]).toEqual([1, 1]);
    const answered = await answerConsentRequest(w.actors.citizen, { answer: "DECLINE", citizenId: w.citizen.id, requestId });
    expect(answered.ok).toBe(true);
    // the asker is no longer on the citizen; the caseworker who already worked with them still is
    expect([await active(asker!), await active(working!)]).toEqual([0, 1]);
  });

  it("the area cannot ask again for 30 days; another area can", async () => {
    const w = await declined();
    const colleague = await w.staffIn("colleague", [w.areaA]);
    for (const actor of [w.actors.staffA, colleague])
      expect(await askAgain(w, actor, w.areaA.id)).toEqual({
        ok: false,
        error: "invalid",
        fieldErrors: { _form: ["Validation.declinedRecently"] },
      });
    expect(await db.consentRequest.count({ where: { citizenId: w.citizen.id, status: "PENDING" } })).toBe(0);
    expect((await askAgain(w, w.actors.staffB, w.areaB.id)).ok).toBe(true);
    // 31 days on, the area may ask again
    await db.consentRequest.updateMany({
      where: { citizenId: w.citizen.id, status: "DECLINED" },
      data: { answeredAt: new Date(Date.now() - 31 * 86_400_000) },
    });
    expect((await askAgain(w, w.actors.staffA, w.areaA.id)).ok).toBe(true);
  });

  it("unless the citizen has asked to be contacted since", async () => {
    const w = await declined();
    // someone must be able to answer a request for contact: another area the citizen said yes to
    await grantConsent(w.actors.citizen, { citizenId: w.citizen.id, serviceAreaId: w.areaB.id, parts: ["CONTACT_REQUESTS", "AGREEMENTS"] });
    expect((await askForContact(w.actors.citizen, { citizenId: w.citizen.id, text: "", channel: "PHONE" })).ok).toBe(true);
    expect((await askAgain(w, w.actors.staffA, w.areaA.id)).ok).toBe(true);
  });
});

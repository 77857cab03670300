import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { connect, type Db } from "@/lib/db/connect";
import { answerConsentRequest, readConsents, requestConsent } from "@/lib/consents/requests";
import { withdrawConsent } from "@/lib/consents/commands";
import { readStory } from "@/lib/story/queries";
import { readPlan } from "@/lib/plan/queries";
import type { Actor } from "@/lib/record/actor";
import { makeWorld, useDatabase } from "../support/fixtures";

// Consent asked just in time: a caseworker asks with a reason; until the
// citizen says yes, the area sees nothing; the citizen may give less than asked,
// for a time, and withdraw it whenever they like.
let db: Db;
beforeAll(async () => {
  await useDatabase(inject("databaseUrl"));
  db = connect(inject("databaseUrl"), { max: 4 });
});
afterAll(() => db.$disconnect());

const NOT_FOUND = { ok: false, error: "not-found" };

async function worldWithStory() {
  const w = await makeWorld(db);
  await db.storySection.create({ data: { citizenId: w.citizen.id, kind: "ABOUT_ME", text: "Om mig" } });
  const ask = (actor: Actor = w.actors.staffA, over: Record<string, unknown> = {}) =>
    requestConsent(actor, {
      citizenId: w.citizen.id,
      serviceAreaId: w.areaA.id,
      reason: "Så vi kan hjælpe dig med badet",
      parts: ["PROFILE", "STORY", "GOALS"],
      ...over,
    });
  return { ...w, ask };
}

describe("asking for consent", () => {
  it("the area sees nothing until the citizen says yes; then what was given, for as long as given", async () => {
    const w = await worldWithStory();
    const asked = await w.ask();
    expect(asked.ok).toBe(true);
    const requestId = asked.ok ? asked.value.requestId : "";
    expect(await readStory(w.actors.staffA, w.citizen.id)).toEqual(NOT_FOUND);

    const pending = await readConsents(w.actors.citizen, w.citizen.id);
    expect(pending.ok && pending.value.requests).toEqual([
      expect.objectContaining({ areaKey: "elderly-care", reason: "Så vi kan hjælpe dig med badet", parts: ["PROFILE", "STORY", "GOALS"] }),
    ]);
    // asking twice while the first waits is refused
    expect(await w.ask()).toEqual({ ok: false, error: "invalid", fieldErrors: { _form: ["Validation.alreadyAsked"] } });

    // the citizen gives less than asked (no goals), for three months
    const yes = await answerConsentRequest(w.actors.citizen, {
      answer: "APPROVE",
      citizenId: w.citizen.id,
      requestId,
      parts: ["PROFILE", "STORY"],
      duration: "3m",
    });
    expect(yes.ok).toBe(true);
    expect((await readStory(w.actors.staffA, w.citizen.id)).ok).toBe(true);
    const plan = await readPlan(w.actors.staffA, w.citizen.id);
    expect(plan.ok && [Boolean(plan.value.story), plan.value.goals]).toEqual([true, null]);
    const consents = await readConsents(w.actors.citizen, w.citizen.id);
    expect(consents.ok && consents.value.requests).toEqual([]);
    const consent = consents.ok ? consents.value.consents[0]! : null;
    expect(consent).toMatchObject({ areaKey: "elderly-care", parts: ["PROFILE", "STORY"] });
    const months = (Date.parse(consent!.validUntil!) - Date.now()) / (30 * 86_400_000);
    expect(months).toBeGreaterThan(2.9);
    expect(months).toBeLessThan(3.2);
    // answered once only
    expect(await answerConsentRequest(w.actors.citizen, { answer: "DECLINE", citizenId: w.citizen.id, requestId })).toMatchObject({
      ok: false,
      error: "invalid",
    });

    // the citizen withdraws: the area's next read finds nothing
    expect(await withdrawConsent(w.actors.citizen, { citizenId: w.citizen.id, consentId: consent!.id })).toMatchObject({ ok: true });
    expect(await readStory(w.actors.staffA, w.citizen.id)).toEqual(NOT_FOUND);
  });

  it("a no leaves the area with nothing, and it may ask again after 30 days", async () => {
    const w = await worldWithStory();
    const asked = await w.ask();
    const requestId = asked.ok ? asked.value.requestId : "";
    expect(await answerConsentRequest(w.actors.citizen, { answer: "DECLINE", citizenId: w.citizen.id, requestId })).toEqual({
      ok: true,
      value: { consentId: null },
    });
    expect(await readStory(w.actors.staffA, w.citizen.id)).toEqual(NOT_FOUND);
    expect(await w.ask()).toEqual({ ok: false, error: "invalid", fieldErrors: { _form: ["Validation.declinedRecently"] } });
    await db.consentRequest.update({ where: { id: requestId }, data: { answeredAt: new Date(Date.now() - 31 * 86_400_000) } });
    expect((await w.ask()).ok).toBe(true);
  });

  it("every ask is in the citizen's access log; bad input is refused with nothing written", async () => {
    const w = await worldWithStory();
    await w.ask();
    const log = await db.accessLog.findMany({ where: { citizenId: w.citizen.id, action: "ASK" } });
    expect(log.map((l) => [l.actorRole, l.part, l.purpose, l.outcome, l.serviceAreaId])).toEqual([
      ["STAFF", "CONSENTS", "ask-consent", "ALLOWED", w.areaA.id],
    ]);
    for (const [over, fieldErrors] of [
      [{ reason: " " }, { reason: ["Validation.required"] }],
      [{ parts: [] }, { parts: ["Validation.chooseAtLeastOne"] }],
      [{ parts: ["ACCESS_LOG"] }, { parts: ["Validation.invalid"] }],
    ] as const) {
      expect(await w.ask(w.actors.staffA, { ...over, serviceAreaId: w.areaA.id })).toEqual({ ok: false, error: "invalid", fieldErrors });
    }
    expect(await db.consentRequest.count({ where: { citizenId: w.citizen.id } })).toBe(1);
  });

  it("only staff of the citizen's municipality ask, and only for their own areas; only the citizen answers", async () => {
    const w = await worldWithStory();
    const elsewhere = await makeWorld(db);
    const staffElsewhere = await elsewhere.staffIn("elsewhere", [elsewhere.areaA], elsewhere.municipality.id);
    const relative = await w.relativeWith("all", ["SEE_STORY", "SEE_GOALS_AND_AGREEMENTS", "ADD_AGREEMENTS", "ADD_NETWORK", "SEE_CONTACT"]);
    const askers: [string, Actor, Record<string, unknown>][] = [
      ["staff of another municipality", staffElsewhere, { serviceAreaId: elsewhere.areaA.id }],
      ["staff, for an area that is not theirs", w.actors.staffB, { serviceAreaId: w.areaA.id }],
      ["a relative", relative, {}],
      ["the citizen", w.actors.citizen, {}],
      ["another citizen", w.actors.otherCitizen, {}],
      ["anonymous", w.actors.anonymous, {}],
    ];
    for (const [who, actor, over] of askers) expect(await w.ask(actor, over), who).toEqual(NOT_FOUND);
    expect(await db.consentRequest.count({ where: { citizenId: w.citizen.id } })).toBe(0);
    // what the citizen's log says of these: no "asked to see your plan" for an ask that was never made; an ask
    // for an area that is not the asker's (or by someone who is no caseworker) is no ask at all; the caseworker
    // of another municipality asked for their own area, and was refused
    const rows = await db.accessLog.findMany({ where: { citizenId: w.citizen.id }, orderBy: { id: "asc" } });
    expect(rows.map((r) => [r.actorRole, r.actorUserId, r.outcome])).toEqual([
      ["STAFF", staffElsewhere.kind === "user" ? staffElsewhere.userId : "", "DENIED"],
    ]);

    const asked = await w.ask();
    const requestId = asked.ok ? asked.value.requestId : "";
    for (const actor of [w.actors.staffA, w.actors.staffB, relative, w.actors.otherCitizen, w.actors.anonymous]) {
      expect(
        await answerConsentRequest(actor, { answer: "APPROVE", citizenId: w.citizen.id, requestId, parts: ["STORY"], duration: "open" }),
      ).toEqual(NOT_FOUND);
      expect(await readConsents(actor, w.citizen.id)).toEqual(NOT_FOUND);
    }
    expect(await db.consent.count({ where: { citizenId: w.citizen.id } })).toBe(0);
  });
});

import { describe, expect, it } from "vitest";
import type { Actor } from "@/lib/record/actor";
import { CONSENTABLE_PARTS, type Part, type RelativePermission } from "@/lib/access/policy";
import { readPlan } from "@/lib/plan/queries";
import { readWhoSees } from "@/lib/consents/who-sees";
import { updateContactPreferences } from "@/lib/contact/commands";
import { addNetworkMember } from "@/lib/network/commands";
import { takeRedThread } from "@/lib/red-thread/commands";
import { askForContactAsRelative, closeContactRequest } from "@/lib/contact-requests/commands";
import { readContactRequests } from "@/lib/contact-requests/queries";
import { answerRelativeOwn, askAsRelative, readOwnContactRequests, readRelativesOwnRequests } from "@/lib/relatives/contact";
import { endRelative } from "@/lib/relatives/commands";
import { saveOwnSpace } from "@/lib/relatives/space";
import { readOwnProfile, saveOwnProfile } from "@/lib/staff/profile";
import { recordConsent, recordWithdrawal } from "@/lib/consents/recorded";
import { readConsents } from "@/lib/consents/requests";
import { withdrawConsent } from "@/lib/consents/commands";
import { myCaseload, myWorkList } from "@/lib/staff/caseload";
import { makeWorld } from "../support/fixtures";
import { appDatabase } from "../support/app-database";

// The assisted route's first part (issue 14): a caseworker sees what the citizen told once (contact wishes, their
// people) under consent; the citizen's pages say who can see them; the red thread is shown through the one area it
// is held for, with the coordinator's direct line; relatives allowed to reach the coordinator ask "contact me".
const db = appDatabase();
const staffIdOf = (a: Actor) => (a.kind === "user" && a.staff ? a.staff.staffId : "");
const userIdOf = (a: Actor) => (a.kind === "user" ? a.userId : "");

async function world({ parts = CONSENTABLE_PARTS }: { parts?: readonly Part[] } = {}) {
  const w = await makeWorld(db);
  const c = w.citizen.id;
  await db.consent.create({ data: { citizenId: c, serviceAreaId: w.areaA.id, parts: [...parts], reason: "test" } });
  /** A relative as the citizen named them in their network ("Mette (datter)"). */
  const relative = async (label: string, permissions: RelativePermission[]) => {
    const actor = await w.relativeWith(label, permissions);
    const member = await db.networkMember.create({
      data: { citizenId: c, name: `Mette ${label}`, relation: "datter", closeness: "CLOSEST", kind: "PERSON" },
    });
    await db.relationship.update({
      where: { citizenId_userId: { citizenId: c, userId: userIdOf(actor) } },
      data: { networkMemberId: member.id },
    });
    return actor;
  };
  return { ...w, c, relative };
}

describe("what the citizen told once, seen by the caseworker", () => {
  it("contact wishes and the network are on the caseworker's plan only under a consent to them", async () => {
    const w = await world({ parts: ["PROFILE", "STORY", "CONTACT", "NETWORK"] });
    await w.assign(w.actors.staffA, w.areaA);
    const saved = await updateContactPreferences(w.actors.citizen, {
      citizenId: w.c,
      channel: "VISIT",
      times: "formiddag",
      visit: "RING_DOORBELL",
      language: "dansk",
      interpreter: "NONE",
      someonePresent: "min datter",
      version: 0,
    });
    expect(saved.ok).toBe(true);
    await addNetworkMember(w.actors.citizen, {
      citizenId: w.c,
      kind: "PERSON",
      name: "Anna",
      relation: "nabo",
      closeness: "CLOSE",
      helpsWith: "indkøb",
      contact: "",
    });
    const plan = await readPlan(w.actors.staffA, w.c);
    expect(plan.ok).toBe(true);
    if (!plan.ok) return;
    expect(plan.value.contact).toMatchObject({ channel: "VISIT", visit: "RING_DOORBELL", someonePresent: "min datter" });
    expect(plan.value.network?.map((p) => [p.name, p.closeness, p.helpsWith])).toEqual([["Anna", "CLOSE", "indkøb"]]);
    // the read is in the citizen's log, part by part
    const logged = await db.accessLog.findMany({ where: { citizenId: w.c, actorUserId: userIdOf(w.actors.staffA) } });
    expect(logged.map((l) => l.part)).toEqual(expect.arrayContaining(["CONTACT", "NETWORK"]));

    // an area whose consent leaves them out sees neither, and is logged reading neither
    const w2 = await world({ parts: ["PROFILE", "STORY"] });
    await updateContactPreferences(w2.actors.citizen, {
      ...(saved.ok ? {} : {}),
      citizenId: w2.c,
      channel: "PHONE",
      times: "",
      visit: "NO_PREFERENCE",
      language: "",
      interpreter: "NONE",
      someonePresent: "x",
      version: 0,
    });
    const narrow = await readPlan(w2.actors.staffA, w2.c);
    expect(narrow.ok && narrow.value.contact).toBe(null);
    expect(narrow.ok && narrow.value.network).toBe(null);
    const parts = (await db.accessLog.findMany({ where: { citizenId: w2.c } })).map((l) => l.part);
    expect(parts).not.toContain("CONTACT");
    expect(parts).not.toContain("NETWORK");
  });

  it("the citizen's page says who can see it: the areas with a consent to it in force, and the relatives allowed", async () => {
    const w = await world({ parts: ["PROFILE", "CONTACT"] });
    await db.consent.create({
      data: { citizenId: w.c, serviceAreaId: w.areaB.id, parts: ["CONTACT"], reason: "t", withdrawnAt: new Date(Date.now() - 1000) },
    });
    await w.relative("sees", ["SEE_CONTACT"]);
    await w.relative("not", ["SEE_STORY"]);
    const who = await readWhoSees(w.actors.citizen, w.c, "CONTACT");
    expect(who).toEqual({
      ok: true,
      value: { areas: [{ areaKey: "elderly-care", until: null }], relatives: [{ name: "Mette sees", relation: "datter" }], holders: [] },
    });
    const network = await readWhoSees(w.actors.citizen, w.c, "NETWORK");
    expect(network).toEqual({ ok: true, value: { areas: [], relatives: [], holders: [] } });
    // it is the citizen's to know: nobody else asks it
    expect(await readWhoSees(w.actors.staffA, w.c, "CONTACT")).toEqual({ ok: false, error: "not-found" });
  });
});

describe("the red thread, through one area, with a direct line", () => {
  it("is shown through the area it is held for, never all the holder's areas; the line only to those allowed", async () => {
    const w = await world();
    // Sara works in both areas; both have the citizen's consent
    const sara = await w.staffIn("sara", [w.areaA, w.areaB]);
    await db.consent.create({ data: { citizenId: w.c, serviceAreaId: w.areaB.id, parts: [...CONSENTABLE_PARTS], reason: "t" } });
    expect((await saveOwnProfile(sara, { phone: "89 40 12 34", hours: "man-tor 9-11" })).ok).toBe(true);
    expect(await saveOwnProfile(sara, { phone: "1234", hours: "" })).toEqual({
      ok: false,
      error: "invalid",
      fieldErrors: { phone: ["Validation.danishPhone"] },
    });
    expect(await readOwnProfile(sara)).toMatchObject({ phone: "+4589401234", hours: "man-tor 9-11" });
    await w.assign(sara, w.areaA); // she works with the citizen: the red thread is taken up only with need to know
    expect((await takeRedThread(sara, { citizenId: w.c })).ok).toBe(true);
    const held = await db.coordination.findUniqueOrThrow({ where: { citizenId: w.c } });
    expect([w.areaA.id, w.areaB.id]).toContain(held.serviceAreaId);
    const heldKey = held.serviceAreaId === w.areaA.id ? "elderly-care" : "job-education";

    const mine = await readPlan(w.actors.citizen, w.c);
    expect(mine.ok && mine.value.coordinator).toMatchObject({
      name: expect.stringContaining("sara"),
      areaKey: heldKey,
      inForce: true,
      line: { phone: "+4589401234", hours: "man-tor 9-11" },
    });
    const plain = await w.relative("plain", ["SEE_STORY"]);
    const reach = await w.relative("reach", ["CONTACT_COORDINATOR"]);
    const seen = await readPlan(plain, w.c);
    expect(seen.ok && seen.value.coordinator).toMatchObject({ areaKey: heldKey, line: null });
    expect(JSON.stringify(seen)).not.toContain("89401234");
    const allowed = await readPlan(reach, w.c);
    expect(allowed.ok && allowed.value.coordinator?.line).toEqual({ phone: "+4589401234", hours: "man-tor 9-11" });

    // the held area's consent withdrawn: held for nothing, though another area of hers still has consent
    await db.consent.updateMany({ where: { citizenId: w.c, serviceAreaId: held.serviceAreaId! }, data: { withdrawnAt: new Date() } });
    const lapsed = await readPlan(w.actors.citizen, w.c);
    expect(lapsed.ok && lapsed.value.coordinator?.inForce).toBe(false);
  });
});

describe("relatives ask the coordinator to get in touch", () => {
  it("about the citizen only with permission, through the gate; about themselves always; answered like the citizen's", async () => {
    const w = await world();
    await db.coordination.create({ data: { citizenId: w.c, staffId: staffIdOf(w.actors.staffA), serviceAreaId: w.areaA.id } });
    await db.assignment.create({ data: { citizenId: w.c, staffId: staffIdOf(w.actors.staffA), serviceAreaId: w.areaA.id } });
    const plain = await w.relative("plain", ["SEE_STORY"]);
    const reach = await w.relative("reach", ["CONTACT_COORDINATOR", "SEE_GOALS_AND_AGREEMENTS"]);
    const ask = { citizenId: w.c, text: "Hvordan går det med mor?", channel: "PHONE" };

    // no permission: about the citizen is refused as if there were nothing, and logged as denied
    expect(await askAsRelative(plain, { ...ask, about: "CITIZEN" })).toEqual({ ok: false, error: "not-found" });
    expect(await db.contactRequest.count({ where: { citizenId: w.c } })).toBe(0);
    expect(await db.accessLog.count({ where: { citizenId: w.c, actorUserId: userIdOf(plain), outcome: "DENIED" } })).toBe(1);
    // about themselves: theirs to ask
    expect(await askAsRelative(plain, { ...ask, text: "Jeg trænger til en pause", about: "ASKER" })).toEqual({ ok: true, value: null });
    // with permission, about the citizen; twice at once is one request
    const both = await Promise.all([
      askAsRelative(reach, { ...ask, about: "CITIZEN" }),
      askAsRelative(reach, { ...ask, about: "CITIZEN" }),
    ]);
    expect(both.filter((r) => r.ok)).toHaveLength(1);
    expect(both.find((r) => !r.ok)).toEqual({ ok: false, error: "invalid", fieldErrors: { _form: ["Validation.alreadyAskedContact"] } });
    // a bad "about" is a field error, nothing written
    expect(await askAsRelative(reach, { ...ask, about: "SOMEONE" })).toMatchObject({
      error: "invalid",
      fieldErrors: { about: expect.any(Array) },
    });

    // the coordinator sees the one about the citizen on the citizen's page, named as the citizen named her and with
    // how to reach her; the one about the relative's own situation beside it, never through the citizen's record
    const forStaff = await readContactRequests(w.actors.staffA, w.c);
    expect(forStaff.ok).toBe(true);
    if (!forStaff.ok) return;
    expect(forStaff.value.open).toBe(null);
    expect(forStaff.value.fromRelatives.map((r) => [r.asker?.name, r.about])).toEqual([["Mette reach", "CITIZEN"]]);
    const own = await readRelativesOwnRequests(w.actors.staffA, w.c);
    expect(own.map((r) => [r.name, r.text])).toEqual([["Mette plain", "Jeg trænger til en pause"]]);
    // only whoever answers "contact me" for the citizen sees a relative's own situation
    expect(await readRelativesOwnRequests(w.actors.staffB, w.c)).toEqual([]);
    const work = await myWorkList(w.actors.staffA, await myCaseload(w.actors.staffA));
    expect(work.contactRequests.map((r) => [r.asker?.name, r.asker?.about]).sort()).toEqual([
      ["Mette plain", "ASKER"],
      ["Mette reach", "CITIZEN"],
    ]);
    // the citizen's own page and plan show only their own; a relative reading through the gate sees only theirs
    const citizens = await readContactRequests(w.actors.citizen, w.c);
    expect(citizens.ok && [citizens.value.open, citizens.value.fromRelatives]).toEqual([null, []]);
    const plan = await readPlan(w.actors.citizen, w.c);
    expect(plan.ok && plan.value.contactRequest).toBe(null);
    const theirs = await readContactRequests(reach, w.c);
    expect(theirs.ok && theirs.value.open?.about).toBe("CITIZEN");

    // answering a relative's own situation: kept for them alone, beside the record; not through the gate's answer
    const logBefore = await db.accessLog.count({ where: { citizenId: w.c } });
    const changesBefore = await db.changeLog.count({ where: { citizenId: w.c } });
    expect(await closeContactRequest(w.actors.staffA, { citizenId: w.c, requestId: own[0]!.id, what: "x" })).toMatchObject({
      ok: false,
      error: "invalid",
    });
    expect(await answerRelativeOwn(w.actors.staffB, { citizenId: w.c, requestId: own[0]!.id, what: "x" })).toEqual({
      ok: false,
      error: "not-found",
    });
    expect(
      await answerRelativeOwn(w.actors.staffA, { citizenId: w.c, requestId: own[0]!.id, what: "Vi ringer om aflastning torsdag" }),
    ).toEqual({
      ok: true,
      value: null,
    });
    expect(await db.agreement.count({ where: { citizenId: w.c } })).toBe(0);
    expect(await db.changeLog.count({ where: { citizenId: w.c } })).toBe(changesBefore);
    // (the refused gate answer above is one access row; the answer itself adds none)
    expect(await db.accessLog.count({ where: { citizenId: w.c } })).toBe(logBefore + 1);
    expect((await readOwnContactRequests(plain, w.c))?.[0]).toMatchObject({ about: "ASKER", answer: "Vi ringer om aflastning torsdag" });
    // about the citizen: an agreement in the plan, and the relative who asked is told
    const aboutCitizen = forStaff.value.fromRelatives[0]!;
    const closed = await closeContactRequest(w.actors.staffA, {
      citizenId: w.c,
      requestId: aboutCitizen.id,
      what: "Sara ringer til Mette",
    });
    expect(closed.ok && closed.value.agreementId).toBeTruthy();
    expect((await readOwnContactRequests(reach, w.c))?.[0]).toMatchObject({ about: "CITIZEN", answer: "" });
    const told = await db.notification.findMany({
      where: { citizenId: w.c, kind: "relative-contact-answered" },
      select: { recipientId: true },
    });
    expect(told.map((n) => n.recipientId).sort()).toEqual([userIdOf(plain), userIdOf(reach)].sort());
    // the citizen is told nothing of the relative's own situation
    expect(await db.notification.count({ where: { citizenId: w.c, recipientId: userIdOf(w.actors.citizen) } })).toBe(0);

    // a relative whose access ends: what they asked is closed with it
    await askAsRelative(reach, { ...ask, about: "CITIZEN" });
    const rel = await db.relationship.findFirstOrThrow({ where: { citizenId: w.c, userId: userIdOf(reach) } });
    expect((await endRelative(w.actors.citizen, { citizenId: w.c, relationshipId: rel.id })).ok).toBe(true);
    expect(await db.contactRequest.count({ where: { citizenId: w.c, askedByUserId: userIdOf(reach), closedAt: null } })).toBe(0);
  });

  it("'I want to talk to the coordinator' in a relative's own space becomes a request on the work list", async () => {
    const w = await world();
    await db.coordination.create({ data: { citizenId: w.c, staffId: staffIdOf(w.actors.staffA), serviceAreaId: w.areaA.id } });
    await db.assignment.create({ data: { citizenId: w.c, staffId: staffIdOf(w.actors.staffA), serviceAreaId: w.areaA.id } });
    const mette = await w.relative("space", []);
    const rel = await db.relationship.findFirstOrThrow({ where: { userId: userIdOf(mette) } });
    await db.relativeSpace.create({ data: { relationshipId: rel.id, citizenId: w.c } });
    const base = { citizenId: w.c, helpWish: null, canDo: "", needsRespite: false, wantsPeers: false, sharedWithCitizen: false };
    // kept to themselves: nobody's work
    expect((await saveOwnSpace(mette, { ...base, wantsCoordinator: true, sharedWithStaff: false, version: 1 })).ok).toBe(true);
    expect(await db.contactRequest.count({ where: { citizenId: w.c } })).toBe(0);
    expect((await saveOwnSpace(mette, { ...base, wantsCoordinator: true, sharedWithStaff: true, version: 2 })).ok).toBe(true);
    const work = await myWorkList(w.actors.staffA, await myCaseload(w.actors.staffA));
    expect(work.contactRequests).toEqual([expect.objectContaining({ asker: { name: "Mette space", about: "ASKER" }, overdue: false })]);
    expect(await readOwnContactRequests(mette, w.c)).toEqual([expect.objectContaining({ about: "ASKER", answeredDay: null })]);
  });

  it("a relative without an active relationship asks nothing", async () => {
    const w = await world();
    const ended = await w.relativeWith("ended", ["CONTACT_COORDINATOR"], { endedAt: new Date(Date.now() - 1000) });
    const ask = { citizenId: w.c, text: "", channel: "PHONE" };
    expect(await askAsRelative(ended, { ...ask, about: "ASKER" })).toEqual({ ok: false, error: "not-found" });
    expect(await askForContactAsRelative(ended, ask)).toEqual({ ok: false, error: "not-found" });
    expect(await askAsRelative(w.actors.anonymous, { ...ask, about: "ASKER" })).toEqual({ ok: false, error: "not-found" });
    expect(await readOwnContactRequests(ended, w.c)).toBe(null);
    expect(await db.contactRequest.count({ where: { citizenId: w.c } })).toBe(0);
  });
});

describe("consent given in a conversation or on paper, and withdrawn by telling a caseworker", () => {
  it("is recorded for the caseworker's own area, with how and by whom; the same policy then lets the area in", async () => {
    const w = await makeWorld(db);
    const c = w.citizen.id;
    await db.consentRequest.create({
      data: { citizenId: c, serviceAreaId: w.areaA.id, staffId: staffIdOf(w.actors.staffA), reason: "r", parts: ["STORY"] },
    });
    await w.assign(w.actors.staffA, w.areaA); // asking began the case (requestConsent assigns the asker)
    const input = {
      citizenId: c,
      serviceAreaId: w.areaA.id,
      parts: ["STORY", "GOALS"],
      duration: "6m",
      how: "CONVERSATION",
      agreed: "yes",
    };
    // nothing ticked for the citizen: without the caseworker's word that they agreed, nothing is written
    expect(await recordConsent(w.actors.staffA, { ...input, agreed: undefined })).toEqual({
      ok: false,
      error: "invalid",
      fieldErrors: { agreed: ["Validation.citizenAgreed"] },
    });
    // not for someone else's area, and not by the area's neighbour
    expect(await recordConsent(w.actors.staffA, { ...input, serviceAreaId: w.areaB.id })).toEqual({ ok: false, error: "not-found" });
    expect(await recordConsent(w.actors.staffB, input)).toEqual({ ok: false, error: "not-found" });
    expect(await db.consent.count({ where: { citizenId: c } })).toBe(0);

    expect((await readPlan(w.actors.staffA, c)).ok).toBe(false);
    const recorded = await recordConsent(w.actors.staffA, input);
    expect(recorded.ok).toBe(true);
    const consent = await db.consent.findFirstOrThrow({ where: { citizenId: c } });
    expect(consent).toMatchObject({ givenHow: "CONVERSATION", recordedById: staffIdOf(w.actors.staffA), withdrawnAt: null });
    expect([...consent.parts].sort()).toEqual(["GOALS", "PROFILE", "STORY"]);
    expect(await db.consentRequest.findFirstOrThrow({ where: { citizenId: c } })).toMatchObject({
      status: "APPROVED",
      consentId: consent.id,
    });
    const plan = await readPlan(w.actors.staffA, c);
    expect(plan.ok && plan.value.readable.sort()).toEqual(["GOALS", "PROFILE", "STORY"]);
    // the citizen sees how it was given and by whom, and is told
    const mine = await readConsents(w.actors.citizen, c);
    expect(mine.ok && mine.value.consents).toEqual([
      expect.objectContaining({ givenHow: "CONVERSATION", recordedBy: expect.stringContaining("staff-a") }),
    ]);
    expect(
      await db.notification.count({ where: { citizenId: c, kind: "consent-recorded", recipientId: userIdOf(w.actors.citizen) } }),
    ).toBe(1);
    // in the citizen's log, why
    expect(await db.accessLog.count({ where: { citizenId: c, purpose: "record-consent", outcome: "ALLOWED" } })).toBe(1);
  });

  it("a withdrawal told to any caseworker ends the area's access at once, and says nothing about whether it had any", async () => {
    const w = await makeWorld(db);
    const c = w.citizen.id;
    await db.consent.create({ data: { citizenId: c, serviceAreaId: w.areaA.id, parts: [...CONSENTABLE_PARTS], reason: "t" } });
    expect((await readPlan(w.actors.staffA, c)).ok).toBe(true);
    const told = { citizenId: c, how: "CONVERSATION", agreed: "yes" };
    // told to a caseworker who does not work with the citizen: nothing
    expect(await recordWithdrawal(w.actors.staffB, { ...told, serviceAreaId: w.areaA.id })).toEqual({ ok: false, error: "not-found" });
    expect((await readPlan(w.actors.staffA, c)).ok).toBe(true);
    await db.assignment.create({ data: { citizenId: c, staffId: staffIdOf(w.actors.staffB), serviceAreaId: w.areaB.id } });
    // staff of area B record the withdrawal for area A; and for their own area B, which had nothing: the same answer
    const a = await recordWithdrawal(w.actors.staffB, { ...told, serviceAreaId: w.areaA.id });
    const b = await recordWithdrawal(w.actors.staffB, { ...told, serviceAreaId: w.areaB.id });
    expect(a).toEqual({ ok: true, value: null });
    expect(b).toEqual(a);
    expect((await readPlan(w.actors.staffA, c)).ok).toBe(false);
    expect(await db.consent.findFirstOrThrow({ where: { citizenId: c } })).toMatchObject({
      withdrawnHow: "CONVERSATION",
      withdrawnById: staffIdOf(w.actors.staffB),
    });
    // an area of another municipality is no area of this citizen's
    const elsewhere = await makeWorld(db);
    expect(await recordWithdrawal(w.actors.staffB, { ...told, serviceAreaId: elsewhere.areaA.id })).toEqual({
      ok: false,
      error: "invalid",
      fieldErrors: { serviceAreaId: ["Validation.chooseOne"] },
    });
    // staff of another municipality reach nothing
    expect(await recordWithdrawal(elsewhere.actors.staffA, { ...told, serviceAreaId: w.areaA.id })).toEqual({
      ok: false,
      error: "not-found",
    });
    // the citizen's own withdrawal says it was theirs
    await db.consent.create({ data: { citizenId: c, serviceAreaId: w.areaB.id, parts: ["PROFILE"], reason: "t" } });
    const own = await db.consent.findFirstOrThrow({ where: { citizenId: c, serviceAreaId: w.areaB.id } });
    expect((await withdrawConsent(w.actors.citizen, { citizenId: c, consentId: own.id })).ok).toBe(true);
    expect(await db.consent.findUniqueOrThrow({ where: { id: own.id } })).toMatchObject({ withdrawnHow: "APP", withdrawnById: null });
    // told once per area and day however often it is recorded
    expect(await db.notification.count({ where: { citizenId: c, kind: "consent-withdrawal-recorded" } })).toBe(2);
  });
});

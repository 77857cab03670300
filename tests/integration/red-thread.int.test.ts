import { describe, expect, it } from "vitest";
import type { Actor } from "@/lib/record/actor";
import { CONSENTABLE_PARTS, type Part } from "@/lib/access/policy";
import { answerHandover, offerHandover, takeRedThread, withdrawHandover } from "@/lib/red-thread/commands";
import { readRedThread } from "@/lib/red-thread/queries";
import { askForContact, closeContactRequest } from "@/lib/contact-requests/commands";
import { readContactRequests } from "@/lib/contact-requests/queries";
import { contactDue } from "@/lib/contact-requests/working-days";
import { sendMessage } from "@/lib/messages/commands";
import { readMessages } from "@/lib/messages/queries";
import { answerProposedStep, proposeGoalStep } from "@/lib/goals/commands";
import { readGoals } from "@/lib/goals/queries";
import { setAgreementStatus } from "@/lib/agreements/commands";
import { readPlan } from "@/lib/plan/queries";
import { myCaseload, myWorkList } from "@/lib/staff/caseload";
import { todayInDenmark } from "@/lib/validation/fields";
import { makeWorld } from "../support/fixtures";
import { appDatabase } from "../support/app-database";

// The red thread (one coordinator, handed over only when a colleague accepts
// having read the plan), "I am unsure, contact me" (a deadline in working
// days, closed only by an agreement), messages, proposed goal steps, and a
// caseworker's work list: each across areas and consent states.
const db = appDatabase();

const NOT_FOUND = { ok: false, error: "not-found" };
const staffIdOf = (a: Actor) => (a.kind === "user" && a.staff ? a.staff.staffId : "");
const invalid = (field: string, key: string) => ({ ok: false, error: "invalid", fieldErrors: { [field]: [key] } });

/**
 * A citizen whose area A (Sara-like staffA coordinates) consented to every part;
 * a colleague in A; area B without consent; staff of another municipality; a
 * relative with every permission.
 */
async function world({ parts = CONSENTABLE_PARTS }: { parts?: readonly Part[] } = {}) {
  const w = await makeWorld(db);
  const c = w.citizen.id;
  await db.consent.create({ data: { citizenId: c, serviceAreaId: w.areaA.id, parts: [...parts], reason: "test" } });
  await db.assignment.create({ data: { citizenId: c, staffId: staffIdOf(w.actors.staffA), serviceAreaId: w.areaA.id } });
  await db.coordination.create({ data: { citizenId: c, staffId: staffIdOf(w.actors.staffA) } });
  const colleague = await w.staffIn("colleague-a", [w.areaA]);
  await w.assign(colleague, w.areaA); // a colleague who also works with the citizen (need to know)
  const elsewhere = (await makeWorld(db)).actors.staffA;
  const relative = await w.relativeWith("relative", [
    "SEE_STORY",
    "SEE_GOALS_AND_AGREEMENTS",
    "ADD_AGREEMENTS",
    "ADD_NETWORK",
    "SEE_CONTACT",
  ]);
  const outsiders = {
    citizen: w.actors.citizen,
    otherCitizen: w.actors.otherCitizen,
    relative,
    staffB: w.actors.staffB,
    elsewhere,
    anonymous: w.actors.anonymous,
  };
  return { ...w, c, colleague, elsewhere, relative, outsiders };
}

async function holder(citizenId: string) {
  return (await db.coordination.findUnique({ where: { citizenId } }))?.staffId ?? null;
}

describe("the red thread", () => {
  it("changes hands only when the named colleague accepts, having read the plan; the citizen sees it waiting", async () => {
    const w = await world();
    const offered = await offerHandover(w.actors.staffA, {
      citizenId: w.c,
      toStaffId: staffIdOf(w.colleague),
      note: "Hun vil helst ringes op om formiddagen.",
    });
    expect(offered.ok).toBe(true);
    const handoverId = offered.ok ? offered.value.handoverId : "";

    // pending: the old coordinator still holds it, and the citizen is told in plain words
    expect(await holder(w.c)).toBe(staffIdOf(w.actors.staffA));
    const plan = await readPlan(w.actors.citizen, w.c);
    expect(plan.ok && plan.value.coordinator).toEqual(
      expect.objectContaining({ name: expect.stringContaining("staff-a"), handoverTo: expect.stringContaining("colleague-a") }),
    );
    const seenByColleague = await readRedThread(w.colleague, w.c);
    expect(seenByColleague.ok && seenByColleague.value.pending).toEqual(
      expect.objectContaining({ toMe: true, fromMe: false, note: "Hun vil helst ringes op om formiddagen." }),
    );
    expect((await myWorkList(w.colleague, await myCaseload(w.colleague))).handovers).toEqual([
      expect.objectContaining({ handoverId, citizenId: w.c }),
    ]);

    // a yes without having read the plan is refused, and nothing changes
    expect(await answerHandover(w.colleague, { citizenId: w.c, handoverId, answer: "ACCEPT", planRead: "" })).toEqual(
      invalid("planRead", "Validation.readThePlanFirst"),
    );
    expect(await holder(w.c)).toBe(staffIdOf(w.actors.staffA));

    expect(await answerHandover(w.colleague, { citizenId: w.c, handoverId, answer: "ACCEPT", planRead: "on" })).toEqual({
      ok: true,
      value: { accepted: true },
    });
    expect(await holder(w.c)).toBe(staffIdOf(w.colleague));
    const row = await db.handover.findUniqueOrThrow({ where: { id: handoverId } });
    expect(row.status).toBe("ACCEPTED");
    expect(row.planReadAt).not.toBeNull();
    // the new coordinator now works with the citizen, and has them on their caseload as coordinator
    expect(await myCaseload(w.colleague)).toEqual([expect.objectContaining({ citizenId: w.c, coordinator: true })]);
    // the citizen's news says who holds it now
    const changes = await db.changeLog.findMany({ where: { citizenId: w.c, entity: "Coordination" } });
    expect(changes).toHaveLength(1);
    // answered once
    expect(await answerHandover(w.colleague, { citizenId: w.c, handoverId, answer: "ACCEPT", planRead: "on" })).toEqual(
      invalid("_form", "Validation.handoverGone"),
    );
  });

  it("has no way to put it down without a successor", async () => {
    const w = await world();
    const a = w.actors.staffA;
    // not to oneself, not to an area without consent, not to staff elsewhere
    for (const to of [a, w.actors.staffB, w.elsewhere]) {
      expect(await offerHandover(a, { citizenId: w.c, toStaffId: staffIdOf(to), note: "" })).toEqual(
        invalid("toStaffId", "Validation.chooseOne"),
      );
    }
    // only the coordinator offers
    expect(await offerHandover(w.colleague, { citizenId: w.c, toStaffId: staffIdOf(a), note: "" })).toEqual(
      invalid("_form", "Validation.notCoordinator"),
    );
    // taking it while someone holds it is refused
    expect(await takeRedThread(w.colleague, { citizenId: w.c })).toEqual(invalid("_form", "Validation.someoneHolds"));
    // one offer at a time, even when two race
    const third = await w.staffIn("third-a", [w.areaA]);
    const [one, two] = await Promise.all([
      offerHandover(a, { citizenId: w.c, toStaffId: staffIdOf(w.colleague), note: "" }),
      offerHandover(a, { citizenId: w.c, toStaffId: staffIdOf(third), note: "" }),
    ]);
    expect([one.ok, two.ok].filter(Boolean)).toHaveLength(1);
    expect(await db.handover.count({ where: { citizenId: w.c, status: "OFFERED" } })).toBe(1);
    const pending = await db.handover.findFirstOrThrow({ where: { citizenId: w.c, status: "OFFERED" } });
    // the one offered may not withdraw it; the offerer may; a decline leaves the coordinator
    const offeredTo = pending.toStaffId === staffIdOf(third) ? third : w.colleague;
    expect(await withdrawHandover(offeredTo, { citizenId: w.c, handoverId: pending.id })).toEqual(
      invalid("_form", "Validation.handoverGone"),
    );
    expect((await withdrawHandover(a, { citizenId: w.c, handoverId: pending.id })).ok).toBe(true);
    const again = await offerHandover(a, { citizenId: w.c, toStaffId: staffIdOf(w.colleague), note: "" });
    const declined = await answerHandover(w.colleague, {
      citizenId: w.c,
      handoverId: again.ok ? again.value.handoverId : "",
      answer: "DECLINE",
      planRead: "",
    });
    expect(declined).toEqual({ ok: true, value: { accepted: false } });
    expect(await holder(w.c)).toBe(staffIdOf(a));
  });

  it("can be taken up when nobody holds it, by an area allowed to see it, once", async () => {
    const w = await world();
    await db.coordination.delete({ where: { citizenId: w.c } });
    expect(await takeRedThread(w.actors.staffB, { citizenId: w.c })).toEqual(NOT_FOUND); // no consent
    const [one, two] = await Promise.all([
      takeRedThread(w.colleague, { citizenId: w.c }),
      takeRedThread(w.actors.staffA, { citizenId: w.c }),
    ]);
    expect([one.ok, two.ok].filter(Boolean)).toHaveLength(1);
    expect([staffIdOf(w.colleague), staffIdOf(w.actors.staffA)]).toContain(await holder(w.c));
  });

  it("is refused to everyone outside the coordinating area, and to the area once consent is withdrawn", async () => {
    const w = await world();
    const offer = await offerHandover(w.actors.staffA, { citizenId: w.c, toStaffId: staffIdOf(w.colleague), note: "Kun til kollegaen" });
    const handoverId = offer.ok ? offer.value.handoverId : "";
    for (const [who, actor] of Object.entries(w.outsiders)) {
      expect(await offerHandover(actor, { citizenId: w.c, toStaffId: staffIdOf(w.colleague), note: "" }), who).toEqual(NOT_FOUND);
      expect(await withdrawHandover(actor, { citizenId: w.c, handoverId }), who).toEqual(NOT_FOUND);
      expect(await answerHandover(actor, { citizenId: w.c, handoverId, answer: "ACCEPT", planRead: "on" }), who).toEqual(NOT_FOUND);
      expect(await takeRedThread(actor, { citizenId: w.c }), who).toEqual(NOT_FOUND);
    }
    // the relative and the citizen may see who holds it and that it is on offer (read), but never write it, nor read the staff's note
    for (const actor of [w.relative, w.actors.citizen]) {
      const seen = await readRedThread(actor, w.c);
      expect(seen.ok && seen.value.pending).toEqual(expect.objectContaining({ note: "", toName: expect.stringContaining("colleague-a") }));
    }
    for (const actor of [w.actors.staffB, w.elsewhere, w.actors.otherCitizen, w.actors.anonymous])
      expect(await readRedThread(actor, w.c)).toEqual(NOT_FOUND);
    await db.consent.updateMany({ where: { citizenId: w.c }, data: { withdrawnAt: new Date() } });
    expect(await answerHandover(w.colleague, { citizenId: w.c, handoverId, answer: "ACCEPT", planRead: "on" })).toEqual(NOT_FOUND);
    expect(await withdrawHandover(w.actors.staffA, { citizenId: w.c, handoverId })).toEqual(NOT_FOUND);
    expect(await holder(w.c)).toBe(staffIdOf(w.actors.staffA));
  });
});

describe("a red thread whose holder's area lost consent", () => {
  it("holds nothing: the citizen is told, a colleague whose area may takes it up, and the old offer goes", async () => {
    const w = await world();
    // the coordinator's area has offered it on, then the citizen withdraws that area's consent
    const third = await w.staffIn("third-b", [w.areaB]);
    await db.consent.create({ data: { citizenId: w.c, serviceAreaId: w.areaB.id, parts: [...CONSENTABLE_PARTS], reason: "test" } });
    const offer = await offerHandover(w.actors.staffA, { citizenId: w.c, toStaffId: staffIdOf(third), note: "" });
    expect(offer.ok).toBe(true);
    await db.consent.updateMany({ where: { citizenId: w.c, serviceAreaId: w.areaA.id }, data: { withdrawnAt: new Date() } });
    await askForContact(w.actors.citizen, { citizenId: w.c, text: "", channel: "PHONE" });

    const plan = await readPlan(w.actors.citizen, w.c);
    expect(plan.ok && plan.value.coordinator).toEqual(expect.objectContaining({ inForce: false }));
    const mine = await readContactRequests(w.actors.citizen, w.c);
    expect(mine.ok && mine.value.coordinator).toBeNull();
    // the request is on the list of area B's caseworker who works with the citizen, since nobody in force coordinates
    await db.assignment.create({ data: { citizenId: w.c, staffId: staffIdOf(w.actors.staffB), serviceAreaId: w.areaB.id } });
    const work = await myWorkList(w.actors.staffB, await myCaseload(w.actors.staffB));
    expect(work.contactRequests.map((r) => r.citizenId)).toEqual([w.c]);
    // anyone allowed may answer it now, and may take up the thread; the offer to `third` is withdrawn
    const requestId = (await db.contactRequest.findFirstOrThrow({ where: { citizenId: w.c } })).id;
    const seenByB = await readContactRequests(w.actors.staffB, w.c);
    expect(seenByB.ok && seenByB.value.mayAnswer).toBe(true);
    expect((await closeContactRequest(w.actors.staffB, { citizenId: w.c, requestId, what: "Ring i morgen", dueOn: "" })).ok).toBe(true);
    const threadForB = await readRedThread(w.actors.staffB, w.c);
    expect(threadForB.ok && threadForB.value.mayTake).toBe(true);
    expect((await takeRedThread(w.actors.staffB, { citizenId: w.c })).ok).toBe(true);
    // the offer to `third` is gone, and with it their need to know: they see nothing of it now
    expect(await readRedThread(third, w.c)).toEqual(NOT_FOUND);
    expect(await holder(w.c)).toBe(staffIdOf(w.actors.staffB));
    expect((await db.handover.findUniqueOrThrow({ where: { id: offer.ok ? offer.value.handoverId : "" } })).status).toBe("WITHDRAWN");
    // and now it is held in force: nobody else takes it, not even a colleague who works with the citizen
    await w.assign(third, w.areaB);
    expect(await takeRedThread(third, { citizenId: w.c })).toEqual(invalid("_form", "Validation.someoneHolds"));
  });

  it("is offered only to colleagues whose area may do the whole of the work, and shown to them only while it may", async () => {
    const w = await world();
    // area B may see who coordinates, but not the story or requests: not eligible
    await db.consent.create({ data: { citizenId: w.c, serviceAreaId: w.areaB.id, parts: ["PROFILE", "RED_THREAD"], reason: "test" } });
    expect(await offerHandover(w.actors.staffA, { citizenId: w.c, toStaffId: staffIdOf(w.actors.staffB), note: "" })).toEqual(
      invalid("toStaffId", "Validation.chooseOne"),
    );
    const offered = await offerHandover(w.actors.staffA, { citizenId: w.c, toStaffId: staffIdOf(w.colleague), note: "" });
    expect((await myWorkList(w.colleague, [])).handovers).toHaveLength(1);
    // the colleague's area loses the story between offer and answer: the offer leaves their list, and a yes is refused
    await db.consent.updateMany({ where: { citizenId: w.c, serviceAreaId: w.areaA.id }, data: { withdrawnAt: new Date() } });
    await db.consent.create({ data: { citizenId: w.c, serviceAreaId: w.areaA.id, parts: ["PROFILE", "RED_THREAD"], reason: "less" } });
    expect((await myWorkList(w.colleague, [])).handovers).toEqual([]);
    expect(
      await answerHandover(w.colleague, {
        citizenId: w.c,
        handoverId: offered.ok ? offered.value.handoverId : "",
        answer: "ACCEPT",
        planRead: "on",
      }),
    ).toEqual(NOT_FOUND);
    expect(await holder(w.c)).toBe(staffIdOf(w.actors.staffA));
  });
});

describe("I am unsure, contact me", () => {
  it("is refused, saying where to give permission, when no area may answer it", async () => {
    const w = await world({ parts: ["PROFILE", "STORY", "CONTACT_REQUESTS"] }); // no agreements: nobody could close it
    expect(await askForContact(w.actors.citizen, { citizenId: w.c, text: "Hjælp", channel: "PHONE" })).toEqual(
      invalid("_form", "Validation.nobodyCanAnswer"),
    );
    const mine = await readContactRequests(w.actors.citizen, w.c);
    expect(mine.ok && mine.value.answerable).toBe(false);
    expect(await db.contactRequest.count({ where: { citizenId: w.c } })).toBe(0);
  });

  it("names the agreement that closed it only to the citizen; an area sees that it was answered", async () => {
    const w = await world();
    await askForContact(w.actors.citizen, { citizenId: w.c, text: "", channel: "PHONE" });
    const requestId = (await db.contactRequest.findFirstOrThrow({ where: { citizenId: w.c } })).id;
    await closeContactRequest(w.actors.staffA, { citizenId: w.c, requestId, what: "Vi ses torsdag", dueOn: "" });
    // an area allowed to see requests for contact but not agreements
    await db.consent.create({
      data: { citizenId: w.c, serviceAreaId: w.areaB.id, parts: ["PROFILE", "CONTACT_REQUESTS"], reason: "test" },
    });
    await w.assign(w.actors.staffB, w.areaB);
    const theirs = await readContactRequests(w.actors.staffB, w.c);
    expect(theirs.ok && theirs.value.answered).toEqual([expect.objectContaining({ agreement: null })]);
    expect(theirs.ok && theirs.value.coordinator).toBeNull();
    const mine = await readContactRequests(w.actors.citizen, w.c);
    expect(mine.ok && mine.value.answered).toEqual([expect.objectContaining({ agreement: "Vi ses torsdag" })]);
  });

  it("gives the coordinator a deadline in working days, and closes only with an agreement the citizen sees", async () => {
    const w = await world();
    const before = new Date();
    const asked = await askForContact(w.actors.citizen, {
      citizenId: w.c,
      text: "Jeg forstår ikke brevet om hjælpemidler.",
      channel: "PHONE",
    });
    expect(asked.ok).toBe(true);
    expect(asked.ok && asked.value.dueAt.getTime()).toBe(contactDue(before, 2).getTime());
    expect(await askForContact(w.actors.citizen, { citizenId: w.c, text: "", channel: "SMS" })).toEqual(
      invalid("_form", "Validation.alreadyAskedContact"),
    );

    // the coordinator sees it among what waits, with its deadline; reading it is logged
    const work = await myWorkList(w.actors.staffA, await myCaseload(w.actors.staffA));
    expect(work.contactRequests).toEqual([
      {
        requestId: expect.any(String),
        asker: null,
        citizenId: w.c,
        citizenName: w.citizen.name,
        dueDay: todayInDenmark(new Date(contactDue(before, 2).getTime() - 1)),
        overdue: false,
      },
    ]);
    expect(
      await db.accessLog.count({ where: { citizenId: w.c, purpose: "work-list", part: "CONTACT_REQUESTS", serviceAreaId: w.areaA.id } }),
    ).toBe(1);
    // a colleague of the same area sees it on the plan, but only the coordinator answers
    const open = await readContactRequests(w.colleague, w.c);
    const requestId = open.ok && open.value.open ? open.value.open.id : "";
    // the page is told who answers, by the same rule the command keeps
    expect(open.ok && open.value.mayAnswer).toBe(false);
    const coordinators = await readContactRequests(w.actors.staffA, w.c);
    expect(coordinators.ok && coordinators.value.mayAnswer).toBe(true);
    expect(await closeContactRequest(w.colleague, { citizenId: w.c, requestId, what: "Jeg ringer i morgen", dueOn: "" })).toEqual(
      invalid("_form", "Validation.notCoordinator"),
    );
    // no agreement, no closing
    expect(await closeContactRequest(w.actors.staffA, { citizenId: w.c, requestId, what: "  ", dueOn: "" })).toEqual(
      invalid("what", "Validation.required"),
    );
    expect(await db.contactRequest.count({ where: { citizenId: w.c, closedAt: null } })).toBe(1);

    const closed = await closeContactRequest(w.actors.staffA, {
      citizenId: w.c,
      requestId,
      what: "Sara kommer forbi torsdag kl. 10 og gennemgår brevet med dig.",
      dueOn: "",
    });
    expect(closed.ok).toBe(true);
    const agreement = await db.agreement.findFirstOrThrow({ where: { citizenId: w.c, contactRequestId: requestId } });
    expect(agreement).toEqual(expect.objectContaining({ authorRole: "STAFF", serviceAreaId: w.areaA.id, status: "OPEN" }));
    const mine = await readContactRequests(w.actors.citizen, w.c);
    expect(mine.ok && mine.value).toEqual(
      expect.objectContaining({
        open: null,
        answered: [expect.objectContaining({ agreement: "Sara kommer forbi torsdag kl. 10 og gennemgår brevet med dig." })],
      }),
    );
    const plan = await readPlan(w.actors.citizen, w.c);
    expect(plan.ok && plan.value.contactRequest).toBeNull();
    expect(plan.ok && plan.value.agreements?.map((a) => a.what)).toContain("Sara kommer forbi torsdag kl. 10 og gennemgår brevet med dig.");
    expect(await closeContactRequest(w.actors.staffA, { citizenId: w.c, requestId, what: "igen", dueOn: "" })).toEqual(
      invalid("_form", "Validation.contactRequestGone"),
    );
    expect((await myWorkList(w.actors.staffA, await myCaseload(w.actors.staffA))).contactRequests).toEqual([]);
  });

  it("uses the municipality's own number of working days", async () => {
    const w = await world();
    await db.municipality.update({ where: { id: w.municipality.id }, data: { contactDueWorkingDays: 5 } });
    const before = new Date();
    const asked = await askForContact(w.actors.citizen, { citizenId: w.c, text: "", channel: "EMAIL" });
    expect(asked.ok && asked.value.dueAt.getTime()).toBe(contactDue(before, 5).getTime());
  });

  it("is the citizen's to ask, the coordinator's to close, and needs consent to requests and agreements", async () => {
    const w = await world();
    for (const [who, actor] of Object.entries(w.outsiders).filter(([k]) => k !== "citizen")) {
      expect(await askForContact(actor, { citizenId: w.c, text: "", channel: "PHONE" }), who).toEqual(NOT_FOUND);
    }
    expect(await askForContact(w.actors.staffA, { citizenId: w.c, text: "", channel: "PHONE" })).toEqual(NOT_FOUND); // staff do not ask on the citizen's behalf
    expect(await askForContact(w.actors.citizen, { citizenId: w.c, text: "", channel: "PIGEON" })).toEqual(
      invalid("channel", "Validation.chooseOne"),
    );
    const asked = await askForContact(w.actors.citizen, { citizenId: w.c, text: "", channel: "PHONE" });
    const requestId = (await db.contactRequest.findFirstOrThrow({ where: { citizenId: w.c } })).id;
    expect(asked.ok).toBe(true);
    for (const [who, actor] of Object.entries(w.outsiders)) {
      expect(await closeContactRequest(actor, { citizenId: w.c, requestId, what: "x", dueOn: "" }), who).toEqual(NOT_FOUND);
      if (who !== "citizen") expect(await readContactRequests(actor, w.c), who).toEqual(NOT_FOUND);
    }
    // an area whose consent leaves out agreements cannot close it (it would write one)
    const narrow = await world({ parts: ["PROFILE", "CONTACT_REQUESTS", "RED_THREAD"] });
    // (the citizen could not ask here now; a request from before the consent changed)
    const narrowId = (await db.contactRequest.create({ data: { citizenId: narrow.c, dueAt: new Date(Date.now() + 86_400_000) } })).id;
    expect(await closeContactRequest(narrow.actors.staffA, { citizenId: narrow.c, requestId: narrowId, what: "x", dueOn: "" })).toEqual(
      NOT_FOUND,
    );
    expect(
      await db.accessLog.count({
        where: { citizenId: narrow.c, purpose: "answer-contact-request", outcome: "DENIED", reason: "part-not-consented" },
      }),
    ).toBe(1);
  });

  it("can be answered by any area allowed to see it when nobody holds the red thread", async () => {
    const w = await world();
    await db.coordination.delete({ where: { citizenId: w.c } });
    await askForContact(w.actors.citizen, { citizenId: w.c, text: "", channel: "PHONE" });
    const requestId = (await db.contactRequest.findFirstOrThrow({ where: { citizenId: w.c } })).id;
    expect((await closeContactRequest(w.colleague, { citizenId: w.c, requestId, what: "Lene ringer i dag", dueOn: "" })).ok).toBe(true);
  });
});

describe("a caseworker's work list", () => {
  it("shows my areas' agreements due within a week or overdue, only with consent, and logs what it showed", async () => {
    const w = await world();
    const day = (n: number) => new Date(`${todayInDenmark(new Date(Date.now() + n * 86_400_000))}T00:00:00Z`);
    await db.agreement.createMany({
      data: [
        { citizenId: w.c, what: "Overdue", responsible: "SERVICE_AREA", serviceAreaId: w.areaA.id, dueOn: day(-2), authorRole: "STAFF" },
        { citizenId: w.c, what: "Soon", responsible: "SERVICE_AREA", serviceAreaId: w.areaA.id, dueOn: day(3), authorRole: "STAFF" },
        { citizenId: w.c, what: "Later", responsible: "SERVICE_AREA", serviceAreaId: w.areaA.id, dueOn: day(30), authorRole: "STAFF" },
        { citizenId: w.c, what: "Other area", responsible: "SERVICE_AREA", serviceAreaId: w.areaB.id, dueOn: day(1), authorRole: "STAFF" },
        {
          citizenId: w.c,
          what: "Done",
          responsible: "SERVICE_AREA",
          serviceAreaId: w.areaA.id,
          dueOn: day(1),
          status: "DONE",
          authorRole: "STAFF",
        },
      ],
    });
    const work = await myWorkList(w.actors.staffA, await myCaseload(w.actors.staffA));
    expect(work.agreementsDue.map((a) => [a.what, a.overdue])).toEqual([
      ["Overdue", true],
      ["Soon", false],
    ]);
    expect(await db.accessLog.count({ where: { citizenId: w.c, purpose: "work-list", part: "AGREEMENTS" } })).toBe(1);
    // consent withdrawn: nothing shown, nothing logged
    await db.consent.updateMany({ where: { citizenId: w.c }, data: { withdrawnAt: new Date() } });
    expect(await myWorkList(w.actors.staffA, await myCaseload(w.actors.staffA))).toEqual({
      handovers: [],
      contactRequests: [],
      agreementsDue: [],
    });
    expect(await db.accessLog.count({ where: { citizenId: w.c, purpose: "work-list" } })).toBe(1);
    // not staff: nothing
    expect(await myWorkList(w.actors.citizen, [])).toEqual({ handovers: [], contactRequests: [], agreementsDue: [] });
  });

  it("lets the area mark its agreements, and not areas without consent", async () => {
    const w = await world();
    const a = await db.agreement.create({
      data: { citizenId: w.c, what: "Ring", responsible: "SERVICE_AREA", serviceAreaId: w.areaA.id, authorRole: "STAFF" },
    });
    expect(await setAgreementStatus(w.actors.staffB, { citizenId: w.c, agreementId: a.id, status: "DONE", version: 1 })).toEqual(NOT_FOUND);
    expect(await setAgreementStatus(w.relative, { citizenId: w.c, agreementId: a.id, status: "DONE", version: 1 })).toEqual(NOT_FOUND);
    expect(await setAgreementStatus(w.actors.staffA, { citizenId: w.c, agreementId: a.id, status: "DONE", version: 1 })).toEqual({
      ok: true,
      value: { version: 2 },
    });
  });
});

describe("messages to the citizen", () => {
  it("are written by a consented area and read by the citizen, marked with area and person", async () => {
    const w = await world();
    expect((await sendMessage(w.actors.staffA, { citizenId: w.c, text: "Badebænken kommer torsdag." })).ok).toBe(true);
    const plan = await readPlan(w.actors.citizen, w.c);
    expect(plan.ok && plan.value.messages).toEqual([
      expect.objectContaining({
        text: "Badebænken kommer torsdag.",
        areaKey: "elderly-care",
        staffName: expect.stringContaining("staff-a"),
      }),
    ]);
    expect(await sendMessage(w.actors.staffA, { citizenId: w.c, text: " " })).toEqual(invalid("text", "Validation.required"));
    for (const [who, actor] of Object.entries(w.outsiders)) {
      expect(await sendMessage(actor, { citizenId: w.c, text: "Hej" }), who).toEqual(NOT_FOUND);
      if (who !== "citizen") expect(await readMessages(actor, w.c), who).toEqual(NOT_FOUND);
    }
    const narrow = await world({ parts: ["PROFILE", "STORY"] });
    expect(await sendMessage(narrow.actors.staffA, { citizenId: narrow.c, text: "Hej" })).toEqual(NOT_FOUND);
    // the plan tells the staff page which parts it may read, so it asks for no more (and nobody is logged trying)
    const narrowPlan = await readPlan(narrow.actors.staffA, narrow.c);
    expect(narrowPlan.ok && narrowPlan.value.readable.sort()).toEqual(["PROFILE", "STORY"]);
    expect(narrowPlan.ok && narrowPlan.value.messages).toBeNull();
    expect(await db.accessLog.count({ where: { citizenId: narrow.c, outcome: "DENIED", purpose: "view-plan" } })).toBe(0);
    expect(await db.message.count({ where: { citizenId: { in: [w.c, narrow.c] } } })).toBe(1);
  });
});

describe("proposed goal steps", () => {
  it("wait for the citizen's yes or no, and only then become theirs", async () => {
    const w = await world();
    const goal = await db.goal.create({ data: { citizenId: w.c, title: "Gå til koret" } });
    const p1 = await proposeGoalStep(w.actors.staffA, { citizenId: w.c, goalId: goal.id, text: "Træn trapper med fysioterapeuten" });
    const p2 = await proposeGoalStep(w.actors.staffA, { citizenId: w.c, goalId: goal.id, text: "Prøv en rollator" });
    const [s1, s2] = [p1, p2].map((p) => (p.ok ? p.value.stepId : ""));
    let goals = await readGoals(w.actors.citizen, w.c);
    expect(goals.ok && goals.value.active[0]).toEqual(
      expect.objectContaining({
        steps: [],
        proposals: [expect.objectContaining({ id: s1, areaKey: "elderly-care" }), expect.objectContaining({ id: s2 })],
      }),
    );
    // staff cannot answer for the citizen; the citizen cannot propose to themself
    expect(await answerProposedStep(w.actors.staffA, { citizenId: w.c, stepId: s1, answer: "ACCEPT" })).toEqual(NOT_FOUND);
    expect(await proposeGoalStep(w.actors.citizen, { citizenId: w.c, goalId: goal.id, text: "x" })).toEqual(NOT_FOUND);
    expect((await answerProposedStep(w.actors.citizen, { citizenId: w.c, stepId: s1, answer: "ACCEPT" })).ok).toBe(true);
    expect((await answerProposedStep(w.actors.citizen, { citizenId: w.c, stepId: s2, answer: "DECLINE" })).ok).toBe(true);
    expect(await answerProposedStep(w.actors.citizen, { citizenId: w.c, stepId: s2, answer: "ACCEPT" })).toEqual(
      invalid("stepId", "Validation.invalid"),
    );
    goals = await readGoals(w.actors.citizen, w.c);
    expect(goals.ok && goals.value.active[0]?.steps.map((s) => s.text)).toEqual(["Træn trapper med fysioterapeuten"]);
    expect(goals.ok && goals.value.active[0]?.proposals).toEqual([]);
    for (const [who, actor] of Object.entries(w.outsiders).filter(([k]) => k !== "citizen")) {
      expect(await proposeGoalStep(actor, { citizenId: w.c, goalId: goal.id, text: "x" }), who).toEqual(NOT_FOUND);
      expect(await answerProposedStep(actor, { citizenId: w.c, stepId: s2, answer: "ACCEPT" }), who).toEqual(NOT_FOUND);
    }
    // a goal of another citizen is not a goal here
    const other = await db.goal.create({ data: { citizenId: w.otherCitizen.id, title: "Andet" } });
    expect(await proposeGoalStep(w.actors.staffA, { citizenId: w.c, goalId: other.id, text: "x" })).toEqual(
      invalid("goalId", "Validation.invalid"),
    );
  });
});

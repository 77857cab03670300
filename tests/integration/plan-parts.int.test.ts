import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { connect, type Db } from "@/lib/db/connect";
import { addAgreement, setAgreementStatus } from "@/lib/agreements/commands";
import { readAgreements } from "@/lib/agreements/queries";
import { addGoalStep, closeGoal, createGoal, setGoalStepDone, updateGoal } from "@/lib/goals/commands";
import { readGoals } from "@/lib/goals/queries";
import { addNetworkMember, removeNetworkMember, updateNetworkMember } from "@/lib/network/commands";
import { readNetwork } from "@/lib/network/queries";
import { grantConsent } from "@/lib/consents/commands";
import { todayInDenmark } from "@/lib/validation/fields";
import type { Actor } from "@/lib/record/actor";
import { makeWorld, useDatabase } from "../support/fixtures";

// Goals, agreements and the network through the record gate: who may do what,
// bad input writes nothing, and a stale write is refused.
let db: Db;
beforeAll(async () => {
  await useDatabase(inject("databaseUrl"));
  db = connect(inject("databaseUrl"), { max: 2 });
});
afterAll(() => db.$disconnect());

const NOT_FOUND = { ok: false, error: "not-found" };
const tomorrow = () => todayInDenmark(new Date(Date.now() + 36 * 3600 * 1000));
const person = { kind: "PERSON", name: "Mette 🌷", relation: "Datter", closeness: "CLOSEST", helpsWith: "Indkøb", contact: "" };

/** A world where the citizen has one person in the network and area A has consent to everything it can have. */
async function world() {
  const w = await makeWorld(db);
  await w.assign(w.actors.staffA, w.areaA); // the consented area's caseworker works with the citizen (need to know)
  const added = await addNetworkMember(w.actors.citizen, { citizenId: w.citizen.id, ...person });
  if (!added.ok) throw new Error("setup: person not added");
  await grantConsent(w.actors.citizen, {
    citizenId: w.citizen.id,
    serviceAreaId: w.areaA.id,
    parts: ["PROFILE", "STORY", "CONTACT", "GOALS", "AGREEMENTS", "NETWORK", "HELP", "RED_THREAD", "CONTACT_REQUESTS"],
  });
  const outsiders: [string, Actor][] = [
    ["anonymous", w.actors.anonymous],
    ["another citizen", w.actors.otherCitizen],
    ["staff of an area without consent", w.actors.staffB],
    [
      "a relative whose access ended",
      await w.relativeWith("ended", ["ADD_AGREEMENTS", "ADD_NETWORK", "SEE_GOALS_AND_AGREEMENTS"], {
        endedAt: new Date(Date.now() - 1000),
      }),
    ],
  ];
  return { ...w, memberId: added.value.memberId, outsiders };
}

describe("agreements", () => {
  it("the citizen writes one down (æøå and emoji), sees it with who and when, and marks it done", async () => {
    const w = await world();
    const due = tomorrow();
    const added = await addAgreement(w.actors.citizen, {
      citizenId: w.citizen.id,
      what: "Ringe til lægen 📞 om æbler",
      who: `NETWORK_MEMBER:${w.memberId}`,
      dueOn: due,
    });
    expect(added.ok).toBe(true);
    const read = await readAgreements(w.actors.citizen, w.citizen.id);
    expect(read.ok && read.value.open).toEqual([
      expect.objectContaining({
        what: "Ringe til lægen 📞 om æbler",
        responsible: "NETWORK_MEMBER",
        who: "Mette 🌷",
        dueOn: due,
        overdue: false,
        author: { role: "CITIZEN", name: null, areaKey: null },
      }),
    ]);
    const agreement = read.ok ? read.value.open[0]! : null;
    expect(
      await setAgreementStatus(w.actors.citizen, {
        citizenId: w.citizen.id,
        agreementId: agreement!.id,
        status: "DONE",
        version: agreement!.version,
      }),
    ).toEqual({ ok: true, value: { version: 2 } });
    const after = await readAgreements(w.actors.citizen, w.citizen.id);
    expect(after.ok && [after.value.open.length, after.value.closed.map((a) => a.status)]).toEqual([0, ["DONE"]]);
  });

  it("an overdue one is flagged; a done one never is", async () => {
    const w = await world();
    await db.agreement.createMany({
      data: [
        { citizenId: w.citizen.id, what: "Gammel", responsible: "CITIZEN", dueOn: new Date("2020-01-01"), authorRole: "CITIZEN" },
        {
          citizenId: w.citizen.id,
          what: "Gjort",
          responsible: "CITIZEN",
          dueOn: new Date("2020-01-01"),
          status: "DONE",
          authorRole: "CITIZEN",
        },
      ],
    });
    const read = await readAgreements(w.actors.citizen, w.citizen.id);
    expect(read.ok && read.value.open.map((a) => [a.what, a.overdue])).toEqual([["Gammel", true]]);
    expect(read.ok && read.value.closed.map((a) => [a.what, a.overdue])).toEqual([["Gjort", false]]);
  });

  it("bad input gets message keys and nothing is written", async () => {
    const w = await world();
    const cases: [Record<string, unknown>, Record<string, string[]>][] = [
      [{ what: "  ", who: "CITIZEN" }, { what: ["Validation.required"] }],
      [{ what: "x".repeat(301), who: "CITIZEN" }, { what: ["Validation.tooLong"] }],
      [{ what: "Noget", who: "NOBODY" }, { who: ["Validation.chooseOne"] }],
      [{ what: "Noget", who: "CITIZEN", dueOn: "2026-02-30" }, { dueOn: ["Validation.invalidDate"] }],
      [{ what: "Noget", who: "CITIZEN", dueOn: "2020-01-01" }, { dueOn: ["Validation.dateInPast"] }],
    ];
    for (const [input, fieldErrors] of cases) {
      expect(await addAgreement(w.actors.citizen, { citizenId: w.citizen.id, ...input })).toEqual({
        ok: false,
        error: "invalid",
        fieldErrors,
      });
    }
    // someone from another citizen's network, an area of another municipality: refused after looking
    const stranger = await db.networkMember.create({ data: { citizenId: w.otherCitizen.id, name: "Fremmed" } });
    const elsewhere = await makeWorld(db);
    for (const who of [`NETWORK_MEMBER:${stranger.id}`, `SERVICE_AREA:${elsewhere.areaA.id}`]) {
      expect(await addAgreement(w.actors.citizen, { citizenId: w.citizen.id, what: "Noget", who })).toEqual({
        ok: false,
        error: "invalid",
        fieldErrors: { who: ["Validation.chooseOne"] },
      });
    }
    expect(await db.agreement.count({ where: { citizenId: w.citizen.id } })).toBe(0);
    expect(await db.changeLog.count({ where: { citizenId: w.citizen.id, entity: "Agreement" } })).toBe(0);
  });

  it("a relative allowed to add agreements adds one, marked as theirs, but cannot close it; others cannot add", async () => {
    const w = await world();
    const adder = await w.relativeWith("adder", ["ADD_AGREEMENTS"]);
    const looker = await w.relativeWith("looker", ["SEE_GOALS_AND_AGREEMENTS"]);
    const added = await addAgreement(adder, { citizenId: w.citizen.id, what: "Jeg kører mor til frisøren", who: "CITIZEN" });
    expect(added.ok).toBe(true);
    const row = await db.agreement.findFirstOrThrow({ where: { citizenId: w.citizen.id } });
    expect(row).toMatchObject({ authorRole: "RELATIVE", authorUserId: (adder as { userId: string }).userId });
    const read = await readAgreements(w.actors.citizen, w.citizen.id);
    expect(read.ok && read.value.open[0]?.author).toMatchObject({ role: "RELATIVE", name: expect.stringContaining("adder") });

    expect(await setAgreementStatus(adder, { citizenId: w.citizen.id, agreementId: row.id, status: "DONE", version: 1 })).toEqual(
      NOT_FOUND,
    );
    expect(await addAgreement(looker, { citizenId: w.citizen.id, what: "Nej", who: "CITIZEN" })).toEqual(NOT_FOUND);
    for (const [who, actor] of w.outsiders) {
      expect(await addAgreement(actor, { citizenId: w.citizen.id, what: "Nej", who: "CITIZEN" }), who).toEqual(NOT_FOUND);
      expect(await setAgreementStatus(actor, { citizenId: w.citizen.id, agreementId: row.id, status: "DONE", version: 1 }), who).toEqual(
        NOT_FOUND,
      );
      expect(await readAgreements(actor, w.citizen.id), who).toEqual(NOT_FOUND);
    }
    expect(await db.agreement.count({ where: { citizenId: w.citizen.id } })).toBe(1);
    expect((await db.agreement.findUniqueOrThrow({ where: { id: row.id } })).status).toBe("OPEN");
  });

  it("a consented area adds one as its own and may mark it; the citizen's second tab gets a conflict, not a lost update", async () => {
    const w = await world();
    const added = await addAgreement(w.actors.staffA, {
      citizenId: w.citizen.id,
      what: "Sara ringer fredag",
      who: `SERVICE_AREA:${w.areaA.id}`,
    });
    expect(added.ok).toBe(true);
    const row = await db.agreement.findFirstOrThrow({ where: { citizenId: w.citizen.id } });
    expect(row).toMatchObject({ authorRole: "STAFF", authorAreaId: w.areaA.id });
    expect(
      await setAgreementStatus(w.actors.staffA, { citizenId: w.citizen.id, agreementId: row.id, status: "DONE", version: 1 }),
    ).toMatchObject({ ok: true });
    expect(
      await setAgreementStatus(w.actors.citizen, { citizenId: w.citizen.id, agreementId: row.id, status: "NOT_DONE", version: 1 }),
    ).toMatchObject({
      ok: false,
      error: "conflict",
      current: { status: "DONE", version: 2 },
    });
    // the area's writes are in the citizen's access log
    const log = await db.accessLog.findMany({ where: { citizenId: w.citizen.id, part: "AGREEMENTS", action: "WRITE" } });
    expect(log.map((l) => [l.actorRole, l.purpose, l.outcome])).toEqual([
      ["STAFF", "add-agreement", "ALLOWED"],
      ["STAFF", "mark-agreement", "ALLOWED"],
    ]);
  });
});

describe("goals", () => {
  it("the citizen turns a wish into a goal with helpers, adds and ticks off a step, and reaches it in their own words", async () => {
    const w = await world();
    const created = await createGoal(w.actors.citizen, {
      citizenId: w.citizen.id,
      wish: "Synge igen",
      title: "Gå til koret selv",
      reachedWhen: "Tre tirsdage i træk",
      reviewOn: tomorrow(),
      helpers: [`NETWORK_MEMBER:${w.memberId}`, `SERVICE_AREA:${w.areaA.id}`],
    });
    expect(created.ok).toBe(true);
    const goalId = created.ok ? created.value.goalId : "";
    expect(await addGoalStep(w.actors.citizen, { citizenId: w.citizen.id, goalId, text: "Gå til købmanden" })).toMatchObject({ ok: true });
    const step = await db.goalStep.findFirstOrThrow({ where: { goalId } });
    expect(await setGoalStepDone(w.actors.citizen, { citizenId: w.citizen.id, stepId: step.id, done: "true", version: 1 })).toEqual({
      ok: true,
      value: { version: 2 },
    });

    const read = await readGoals(w.actors.citizen, w.citizen.id);
    expect(read.ok && read.value.active).toEqual([
      expect.objectContaining({
        title: "Gå til koret selv",
        wish: "Synge igen",
        steps: [expect.objectContaining({ text: "Gå til købmanden", done: true })],
        helpers: expect.arrayContaining([
          expect.objectContaining({ name: "Mette 🌷" }),
          expect.objectContaining({ areaKey: "elderly-care" }),
        ]),
      }),
    ]);
    // the person shows the goal they help with
    const network = await readNetwork(w.actors.citizen, w.citizen.id);
    expect(network.ok && network.value[0]?.goals.map((g) => g.title)).toEqual(["Gå til koret selv"]);

    expect(
      await closeGoal(w.actors.citizen, {
        citizenId: w.citizen.id,
        goalId,
        version: 1,
        outcome: "REACHED",
        closingNote: "Det var dejligt 🎶",
      }),
    ).toEqual({ ok: true, value: { version: 2 } });
    const after = await readGoals(w.actors.citizen, w.citizen.id);
    expect(after.ok && after.value.active).toEqual([]);
    expect(after.ok && after.value.closed).toEqual([
      expect.objectContaining({ status: "REACHED", closingNote: "Det var dejligt 🎶", closedOn: todayInDenmark() }),
    ]);
    // a closed goal takes no more steps, and cannot be closed twice
    expect(await addGoalStep(w.actors.citizen, { citizenId: w.citizen.id, goalId, text: "Mere" })).toEqual({
      ok: false,
      error: "invalid",
      fieldErrors: { goalId: ["Validation.invalid"] },
    });
    expect(
      await closeGoal(w.actors.citizen, { citizenId: w.citizen.id, goalId, version: 2, outcome: "LET_GO", closingNote: "" }),
    ).toMatchObject({ ok: false, error: "conflict" });
  });

  it("a goal can be let go with why; it stays in the history", async () => {
    const w = await world();
    const created = await createGoal(w.actors.citizen, {
      citizenId: w.citizen.id,
      title: "Lære spansk",
      wish: "",
      reachedWhen: "",
      reviewOn: "",
    });
    const goalId = created.ok ? created.value.goalId : "";
    expect(
      await closeGoal(w.actors.citizen, {
        citizenId: w.citizen.id,
        goalId,
        version: 1,
        outcome: "LET_GO",
        closingNote: "Det var ikke mig alligevel",
      }),
    ).toMatchObject({ ok: true });
    const read = await readGoals(w.actors.citizen, w.citizen.id);
    expect(read.ok && read.value.closed).toEqual([
      expect.objectContaining({ status: "LET_GO", closingNote: "Det var ikke mig alligevel" }),
    ]);
  });

  it("bad input and helpers from outside the record are refused; nothing is written", async () => {
    const w = await world();
    expect(await createGoal(w.actors.citizen, { citizenId: w.citizen.id, title: "", wish: "", reachedWhen: "" })).toEqual({
      ok: false,
      error: "invalid",
      fieldErrors: { title: ["Validation.required"] },
    });
    expect(
      await createGoal(w.actors.citizen, { citizenId: w.citizen.id, title: "Mål", reviewOn: "i morgen", wish: "", reachedWhen: "" }),
    ).toEqual({
      ok: false,
      error: "invalid",
      fieldErrors: { reviewOn: ["Validation.invalidDate"] },
    });
    const stranger = await db.networkMember.create({ data: { citizenId: w.otherCitizen.id, name: "Fremmed" } });
    expect(
      await createGoal(w.actors.citizen, {
        citizenId: w.citizen.id,
        title: "Mål",
        wish: "",
        reachedWhen: "",
        helpers: [`NETWORK_MEMBER:${stranger.id}`],
      }),
    ).toEqual({
      ok: false,
      error: "invalid",
      fieldErrors: { helpers: ["Validation.chooseOne"] },
    });
    expect(await db.goal.count({ where: { citizenId: w.citizen.id } })).toBe(0);
  });

  it("an edit from a stale copy is refused with the current one", async () => {
    const w = await world();
    const created = await createGoal(w.actors.citizen, { citizenId: w.citizen.id, title: "Første", wish: "", reachedWhen: "" });
    const goalId = created.ok ? created.value.goalId : "";
    const edit = (title: string) =>
      updateGoal(w.actors.citizen, {
        citizenId: w.citizen.id,
        goalId,
        version: 1,
        title,
        wish: "",
        reachedWhen: "",
        helpers: [`NETWORK_MEMBER:${w.memberId}`],
      });
    expect(await edit("Anden")).toEqual({ ok: true, value: { version: 2 } });
    expect(await edit("Tredje")).toMatchObject({ ok: false, error: "conflict", current: { title: "Anden", version: 2 } });
    expect(await db.goal.findUniqueOrThrow({ where: { id: goalId } })).toMatchObject({ title: "Anden", version: 2 });
  });

  it("goals are the citizen's own: relatives, staff (even with consent) and outsiders cannot create, change or close them", async () => {
    const w = await world();
    const created = await createGoal(w.actors.citizen, { citizenId: w.citizen.id, title: "Mit mål", wish: "", reachedWhen: "" });
    const goalId = created.ok ? created.value.goalId : "";
    const step = await addGoalStep(w.actors.citizen, { citizenId: w.citizen.id, goalId, text: "Skridt" });
    const stepId = step.ok ? step.value.stepId : "";
    const everyone: [string, Actor][] = [
      ...w.outsiders,
      [
        "relative with every permission",
        await w.relativeWith("all", ["SEE_STORY", "SEE_GOALS_AND_AGREEMENTS", "ADD_AGREEMENTS", "ADD_NETWORK", "SEE_CONTACT"]),
      ],
      ["staff with consent", w.actors.staffA],
    ];
    for (const [who, actor] of everyone) {
      expect(await createGoal(actor, { citizenId: w.citizen.id, title: "Deres mål", wish: "", reachedWhen: "" }), who).toEqual(NOT_FOUND);
      expect(
        await updateGoal(actor, { citizenId: w.citizen.id, goalId, version: 1, title: "Ændret", wish: "", reachedWhen: "" }),
        who,
      ).toEqual(NOT_FOUND);
      expect(await addGoalStep(actor, { citizenId: w.citizen.id, goalId, text: "Deres skridt" }), who).toEqual(NOT_FOUND);
      expect(await setGoalStepDone(actor, { citizenId: w.citizen.id, stepId, done: "true", version: 1 }), who).toEqual(NOT_FOUND);
      expect(await closeGoal(actor, { citizenId: w.citizen.id, goalId, version: 1, outcome: "LET_GO", closingNote: "" }), who).toEqual(
        NOT_FOUND,
      );
    }
    expect(await db.goal.findUniqueOrThrow({ where: { id: goalId } })).toMatchObject({ title: "Mit mål", status: "ACTIVE", version: 1 });
    expect(await db.goalStep.count({ where: { goalId } })).toBe(1);
    // the consented area's refused attempts are logged as refusals
    const staffWrites = await db.accessLog.findMany({
      where: { citizenId: w.citizen.id, part: "GOALS", action: "WRITE", actorRole: "STAFF", serviceAreaId: w.areaA.id },
    });
    // five refused tries within the hour: one row, counted
    expect(staffWrites.map((r) => [r.outcome, r.reason, r.count])).toEqual([["DENIED", "not-permitted", 5]]);
  });

  it("a relative who may see goals reads them, without the names of the network unless that is shared too", async () => {
    const w = await world();
    await createGoal(w.actors.citizen, {
      citizenId: w.citizen.id,
      title: "Mål",
      wish: "",
      reachedWhen: "",
      helpers: [`NETWORK_MEMBER:${w.memberId}`, `SERVICE_AREA:${w.areaA.id}`],
    });
    const looker = await w.relativeWith("looker", ["SEE_GOALS_AND_AGREEMENTS"]);
    const read = await readGoals(looker, w.citizen.id);
    expect(read.ok && read.value.active[0]?.helpers).toEqual([expect.objectContaining({ kind: "SERVICE_AREA", areaKey: "elderly-care" })]);
    expect(read.ok && read.value.choices.people).toEqual([]);
    const storyOnly = await w.relativeWith("story", ["SEE_STORY"]);
    expect(await readGoals(storyOnly, w.citizen.id)).toEqual({
      ok: true,
      value: { active: [], closed: [], choices: { people: [], areas: [] } },
    });
  });
});

describe("my people", () => {
  it("the citizen adds, changes and takes someone off the map; agreements keep their name", async () => {
    const w = await world();
    const community = await addNetworkMember(w.actors.citizen, {
      citizenId: w.citizen.id,
      kind: "COMMUNITY",
      name: "Seniorkoret",
      relation: "",
      closeness: "FURTHER",
      helpsWith: "Sang",
      contact: "",
    });
    expect(community.ok).toBe(true);
    expect(
      await updateNetworkMember(w.actors.citizen, {
        citizenId: w.citizen.id,
        memberId: w.memberId,
        version: 1,
        ...person,
        closeness: "CLOSE",
      }),
    ).toEqual({ ok: true, value: { version: 2 } });
    expect(
      await updateNetworkMember(w.actors.citizen, { citizenId: w.citizen.id, memberId: w.memberId, version: 1, ...person }),
    ).toMatchObject({ ok: false, error: "conflict" });
    await addAgreement(w.actors.citizen, { citizenId: w.citizen.id, what: "Mette handler ind", who: `NETWORK_MEMBER:${w.memberId}` });
    await createGoal(w.actors.citizen, {
      citizenId: w.citizen.id,
      title: "Mål",
      wish: "",
      reachedWhen: "",
      helpers: [`NETWORK_MEMBER:${w.memberId}`],
    });

    expect(await removeNetworkMember(w.actors.citizen, { citizenId: w.citizen.id, memberId: w.memberId, version: 2 })).toMatchObject({
      ok: true,
    });
    const network = await readNetwork(w.actors.citizen, w.citizen.id);
    expect(network.ok && network.value.map((m) => [m.name, m.kind])).toEqual([["Seniorkoret", "COMMUNITY"]]);
    const agreements = await readAgreements(w.actors.citizen, w.citizen.id);
    expect(agreements.ok && agreements.value.open[0]?.who).toBe("Mette 🌷");
    expect(agreements.ok && agreements.value.choices.people.map((p) => p.name)).toEqual(["Seniorkoret"]);
    const goals = await readGoals(w.actors.citizen, w.citizen.id);
    expect(goals.ok && goals.value.active[0]?.helpers).toEqual([]);
    // someone taken off the map can no longer be chosen
    expect(
      await addAgreement(w.actors.citizen, { citizenId: w.citizen.id, what: "Igen", who: `NETWORK_MEMBER:${w.memberId}` }),
    ).toMatchObject({ ok: false, error: "invalid" });
  });

  it("bad input gets message keys and nothing is written", async () => {
    const w = await world();
    expect(await addNetworkMember(w.actors.citizen, { citizenId: w.citizen.id, ...person, name: " ", closeness: "FAR" })).toEqual({
      ok: false,
      error: "invalid",
      fieldErrors: { name: ["Validation.required"], closeness: ["Validation.chooseOne"] },
    });
    expect(await db.networkMember.count({ where: { citizenId: w.citizen.id } })).toBe(1);
  });

  it("a relative allowed to add people adds one, marked as theirs, but cannot change or remove; staff and outsiders cannot touch it", async () => {
    const w = await world();
    const adder = await w.relativeWith("adder", ["ADD_NETWORK"]);
    expect(await addNetworkMember(adder, { citizenId: w.citizen.id, ...person, name: "Naboen Bent" })).toMatchObject({ ok: true });
    const read = await readNetwork(w.actors.citizen, w.citizen.id);
    expect(read.ok && read.value.find((m) => m.name === "Naboen Bent")?.addedByRelative).toBe(true);
    expect(
      await updateNetworkMember(adder, { citizenId: w.citizen.id, memberId: w.memberId, version: 1, ...person, name: "Ændret" }),
    ).toEqual(NOT_FOUND);
    expect(await removeNetworkMember(adder, { citizenId: w.citizen.id, memberId: w.memberId, version: 1 })).toEqual(NOT_FOUND);
    const looker = await w.relativeWith("looker", ["SEE_STORY"]);
    for (const [who, actor] of [
      ...w.outsiders,
      ["staff with consent", w.actors.staffA] as [string, Actor],
      ["relative without ADD_NETWORK", looker] as [string, Actor],
    ]) {
      expect(await addNetworkMember(actor, { citizenId: w.citizen.id, ...person, name: "Ukendt" }), who).toEqual(NOT_FOUND);
      expect(
        await updateNetworkMember(actor, { citizenId: w.citizen.id, memberId: w.memberId, version: 1, ...person, name: "Ændret" }),
        who,
      ).toEqual(NOT_FOUND);
      expect(await removeNetworkMember(actor, { citizenId: w.citizen.id, memberId: w.memberId, version: 1 }), who).toEqual(NOT_FOUND);
    }
    expect(
      (await db.networkMember.findMany({ where: { citizenId: w.citizen.id }, orderBy: { createdAt: "asc" } })).map((m) => [
        m.name,
        m.removedAt,
      ]),
    ).toEqual([
      ["Mette 🌷", null],
      ["Naboen Bent", null],
    ]);
    // staff with consent to the network read it; the goals it helps with are the citizen's to show
    const staffRead = await readNetwork(w.actors.staffA, w.citizen.id);
    expect(staffRead.ok && staffRead.value.map((m) => [m.name, m.goals])).toEqual([
      ["Mette 🌷", []],
      ["Naboen Bent", []],
    ]);
  });
});

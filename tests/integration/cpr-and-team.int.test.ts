import { randomUUID } from "node:crypto";
import { afterEach, describe, expect, it, vi } from "vitest";
import { env } from "@/lib/env";
import { cprHash } from "@/lib/staff/cpr";
import { CPR_LOOKUPS_PER_WINDOW, lookupByCpr } from "@/lib/staff/cpr-lookup";
import { assignCaseworker, endAssignment, leadAreas, readTeam } from "@/lib/staff/team";
import { areaCase, myCaseload } from "@/lib/staff/caseload";
import { requestConsent } from "@/lib/consents/requests";
import type { Actor } from "@/lib/record/actor";
import { makeWorld } from "../support/fixtures";
import { appDatabase } from "../support/app-database";

// Issue 6: a caseworker finds a citizen by an exact CPR-number lookup (logged,
// the number kept nowhere), asking for consent assigns them; an area lead
// assigns caseworkers and ends assignments, never leaving the red thread unheld.
const db = appDatabase();
afterEach(() => vi.restoreAllMocks());

const NOT_FOUND = { ok: false, error: "not-found" };
const staffIdOf = (a: Actor) => (a.kind === "user" && a.staff ? a.staff.staffId : "");
const userIdOf = (a: Actor) => (a.kind === "user" ? a.userId : "");

/** A fictitious CPR number of its own for each test (a real date, 1900s), so no two tests share one. */
let serial = 0;
function freshCpr() {
  serial += 1;
  const day = String((serial % 28) + 1).padStart(2, "0");
  const rest = String(Math.floor(Math.random() * 10_000)).padStart(4, "0");
  return { dashed: `${day}0${(serial % 9) + 1}${String(30 + (serial % 60)).padStart(2, "0")}-${rest.replace(/^./, "2")}` };
}
const digitsOf = (dashed: string) => dashed.replace("-", "");

/** A world whose citizen has a CPR number (stored only as its keyed hash), plus a lead of area A and a colleague in area A. */
async function cprWorld() {
  const w = await makeWorld(db);
  const { dashed } = freshCpr();
  await db.citizen.update({ where: { id: w.citizen.id }, data: { cprHash: cprHash(dashed, env().CPR_HASH_KEY) } });
  const relative = await w.relativeWith("relative", ["SEE_STORY"]);
  return { ...w, cpr: dashed, relative };
}

async function teamWorld() {
  const w = await makeWorld(db);
  // staff A leads area A; a colleague works in area A; staff B is in area B (and leads it)
  await db.staffArea.update({
    where: { staffId_serviceAreaId: { staffId: staffIdOf(w.actors.staffA), serviceAreaId: w.areaA.id } },
    data: { isLead: true },
  });
  await db.staffArea.update({
    where: { staffId_serviceAreaId: { staffId: staffIdOf(w.actors.staffB), serviceAreaId: w.areaB.id } },
    data: { isLead: true },
  });
  const colleague = await w.staffIn("colleague", [w.areaA]);
  const relative = await w.relativeWith("relative", ["SEE_STORY", "SEE_GOALS_AND_AGREEMENTS"]);
  // elsewhere: a lead of an elderly-care area in another municipality
  const elsewhere = await makeWorld(db);
  await db.staffArea.update({
    where: { staffId_serviceAreaId: { staffId: staffIdOf(elsewhere.actors.staffA), serviceAreaId: elsewhere.areaA.id } },
    data: { isLead: true },
  });
  // the area knows the citizen (staff A works with them) and the other citizen (a pending request); a third it does not know
  const assignment = await db.assignment.create({
    data: { citizenId: w.citizen.id, staffId: staffIdOf(w.actors.staffA), serviceAreaId: w.areaA.id },
  });
  await db.consentRequest.create({
    data: {
      citizenId: w.otherCitizen.id,
      serviceAreaId: w.areaA.id,
      staffId: staffIdOf(w.actors.staffA),
      reason: "Hjælp",
      parts: ["PROFILE"],
    },
  });
  const stranger = await db.citizen.create({ data: { municipalityId: w.municipality.id, name: `Fremmed ${w.tag}` } });
  const outsiders: [string, Actor][] = [
    ["a caseworker of the area who is not its lead", colleague],
    ["the lead of another area", w.actors.staffB],
    ["a lead in another municipality", elsewhere.actors.staffA],
    ["the citizen", w.actors.citizen],
    ["a relative", relative],
    ["anonymous", w.actors.anonymous],
  ];
  return { ...w, lead: w.actors.staffA, colleague, relative, elsewhere, assignment, stranger, outsiders };
}

/** Every row of these tables, as text: where a clear CPR number would show if it were ever written. */
async function rowsContaining(piece: string) {
  const found: string[] = [];
  for (const table of ["AccessLog", "ChangeLog", "AttemptWindow", "Citizen", "ConsentRequest", "Assignment", "CprLookupMiss"]) {
    const rows = await db.$queryRawUnsafe<{ n: bigint }[]>(
      `SELECT count(*) AS n FROM "${table}" t WHERE row_to_json(t)::text LIKE $1`,
      `%${piece}%`,
    );
    if (Number(rows[0]!.n) > 0) found.push(table);
  }
  return found;
}

describe("an exact CPR-number lookup", () => {
  it("finds the citizen of the caseworker's municipality, however the number is written, and logs it as an ASK with the purpose chosen", async () => {
    const w = await cprWorld();
    const before = new Date();
    for (const written of [w.cpr, digitsOf(w.cpr), w.cpr.replace("-", " "), ` ${w.cpr} `]) {
      expect(await lookupByCpr(w.actors.staffA, { purpose: "CITIZEN_CONTACTED", cpr: written }), written).toEqual({
        ok: true,
        value: { citizenId: w.citizen.id, name: w.citizen.name, inMyAreas: false },
      });
    }
    const rows = await db.accessLog.findMany({ where: { citizenId: w.citizen.id, at: { gte: before } } });
    expect(rows).toHaveLength(4);
    for (const r of rows) {
      expect(r).toMatchObject({
        actorUserId: userIdOf(w.actors.staffA),
        actorRole: "STAFF",
        serviceAreaId: w.areaA.id,
        part: "CONSENTS",
        action: "ASK",
        purpose: "cpr-lookup-contacted",
        outcome: "ALLOWED",
      });
    }
    // a caseworker of another area of the same municipality finds them too; once the area works with them, it says so
    expect(await lookupByCpr(w.actors.staffB, { purpose: "CITIZEN_CONTACTED", cpr: w.cpr })).toMatchObject({
      ok: true,
      value: { citizenId: w.citizen.id, inMyAreas: false },
    });
    await db.assignment.create({ data: { citizenId: w.citizen.id, staffId: staffIdOf(w.actors.staffB), serviceAreaId: w.areaB.id } });
    expect(await lookupByCpr(w.actors.staffB, { purpose: "CITIZEN_CONTACTED", cpr: w.cpr })).toMatchObject({
      ok: true,
      value: { citizenId: w.citizen.id, inMyAreas: true },
    });
    // nothing was changed in the record by looking
    expect(await db.changeLog.count({ where: { citizenId: w.citizen.id } })).toBe(0);
  });

  it("finds nobody for a number not in the municipality, and logs nothing against anyone", async () => {
    const w = await cprWorld();
    const elsewhere = await makeWorld(db);
    expect(await lookupByCpr(w.actors.staffA, { purpose: "CITIZEN_CONTACTED", cpr: freshCpr().dashed })).toEqual({ ok: true, value: null });
    // the same person's number, asked in another municipality: nobody there
    expect(await lookupByCpr(elsewhere.actors.staffA, { purpose: "CITIZEN_CONTACTED", cpr: w.cpr })).toEqual({ ok: true, value: null });
    expect(await db.accessLog.count({ where: { citizenId: { in: [w.citizen.id, w.otherCitizen.id] } } })).toBe(0);
    // but each search that found nobody is kept on the staff side: who, where, when and why, never the number
    await lookupByCpr(w.actors.staffA, { purpose: "REFERRAL", cpr: freshCpr().dashed });
    const misses = await db.cprLookupMiss.findMany({
      where: { staffId: { in: [staffIdOf(w.actors.staffA), staffIdOf(elsewhere.actors.staffA)] } },
      orderBy: { id: "asc" },
      select: { staffId: true, municipalityId: true, purpose: true },
    });
    expect(misses).toEqual([
      { staffId: staffIdOf(w.actors.staffA), municipalityId: w.municipality.id, purpose: "CITIZEN_CONTACTED" },
      { staffId: staffIdOf(elsewhere.actors.staffA), municipalityId: elsewhere.municipality.id, purpose: "CITIZEN_CONTACTED" },
      { staffId: staffIdOf(w.actors.staffA), municipalityId: w.municipality.id, purpose: "REFERRAL" },
    ]);
    // a purpose given is the one the citizen reads when someone is found
    await lookupByCpr(w.actors.staffA, { purpose: "MEETING", cpr: w.cpr });
    expect(await db.accessLog.findMany({ where: { citizenId: w.citizen.id }, select: { purpose: true } })).toEqual([
      { purpose: "cpr-lookup-meeting" },
    ]);
    // a citizen who moved: each municipality finds its own record only
    await db.citizen.update({ where: { id: elsewhere.citizen.id }, data: { cprHash: cprHash(w.cpr, env().CPR_HASH_KEY) } });
    expect(await lookupByCpr(elsewhere.actors.staffA, { purpose: "CITIZEN_CONTACTED", cpr: w.cpr })).toMatchObject({
      ok: true,
      value: { citizenId: elsewhere.citizen.id },
    });
    expect(await lookupByCpr(w.actors.staffA, { purpose: "CITIZEN_CONTACTED", cpr: w.cpr })).toMatchObject({
      ok: true,
      value: { citizenId: w.citizen.id },
    });
  });

  it("refuses what is not a CPR number with a message key, and only staff may look up at all", async () => {
    const w = await cprWorld();
    for (const cpr of ["320145-1234", "12345", "", "x".repeat(30)]) {
      expect(await lookupByCpr(w.actors.staffA, { purpose: "CITIZEN_CONTACTED", cpr }), cpr).toEqual({
        ok: false,
        error: "invalid",
        fieldErrors: { cpr: ["Validation.cpr"] },
      });
    }
    // neither a number nor a purpose: both said, nothing looked up
    expect(await lookupByCpr(w.actors.staffA, {})).toEqual({
      ok: false,
      error: "invalid",
      fieldErrors: { cpr: ["Validation.cpr"], purpose: ["Validation.chooseOne"] },
    });
    for (const purpose of [undefined, "", "CURIOUS", "cpr-lookup"]) {
      expect(await lookupByCpr(w.actors.staffA, { cpr: w.cpr, purpose }), String(purpose)).toEqual({
        ok: false,
        error: "invalid",
        fieldErrors: { purpose: ["Validation.chooseOne"] },
      });
    }
    for (const [who, actor] of [
      ["the citizen themself", w.actors.citizen],
      ["another citizen", w.actors.otherCitizen],
      ["a relative", w.relative],
      ["anonymous", w.actors.anonymous],
    ] as [string, Actor][]) {
      expect(await lookupByCpr(actor, { purpose: "CITIZEN_CONTACTED", cpr: w.cpr }), who).toEqual(NOT_FOUND);
    }
    expect(await db.accessLog.count({ where: { citizenId: w.citizen.id } })).toBe(0);
    // a caseworker without an area finds nobody (the gate turns them away, and logs that)
    const noArea = await w.staffIn("no-area", []);
    expect(await lookupByCpr(noArea, { purpose: "CITIZEN_CONTACTED", cpr: w.cpr })).toEqual({ ok: true, value: null });
    expect(await db.accessLog.findMany({ where: { citizenId: w.citizen.id }, select: { outcome: true, purpose: true } })).toEqual([
      { outcome: "DENIED", purpose: "cpr-lookup-contacted" },
    ]);
  });

  it("counts every lookup, found or not: past the limit the caseworker is made to wait, and nothing is looked up or logged", async () => {
    const w = await cprWorld();
    const now = new Date();
    for (let i = 0; i < CPR_LOOKUPS_PER_WINDOW; i++) {
      const result = await lookupByCpr(w.actors.staffA, { purpose: "CITIZEN_CONTACTED", cpr: i % 2 ? w.cpr : freshCpr().dashed }, now);
      expect(result.ok, `lookup ${i + 1}`).toBe(true);
    }
    const logged = await db.accessLog.count({ where: { citizenId: w.citizen.id } });
    expect(logged).toBe(CPR_LOOKUPS_PER_WINDOW / 2);
    expect(await lookupByCpr(w.actors.staffA, { purpose: "CITIZEN_CONTACTED", cpr: w.cpr }, now)).toEqual({
      ok: false,
      error: "throttled",
    });
    expect(await lookupByCpr(w.actors.staffA, { purpose: "CITIZEN_CONTACTED", cpr: freshCpr().dashed }, now)).toEqual({
      ok: false,
      error: "throttled",
    });
    expect(await db.accessLog.count({ where: { citizenId: w.citizen.id } })).toBe(logged);
    // the limit is the caseworker's own: a colleague may still look up
    expect(await lookupByCpr(w.actors.staffB, { purpose: "CITIZEN_CONTACTED", cpr: w.cpr }, now)).toMatchObject({
      ok: true,
      value: { citizenId: w.citizen.id },
    });
    // the window is keyed by the caseworker, never by the number
    const windows = await db.attemptWindow.findMany({ where: { key: { startsWith: "cpr-lookup:" } } });
    expect(windows.map((x) => x.key)).toEqual(
      expect.arrayContaining([`cpr-lookup:${staffIdOf(w.actors.staffA)}`, `cpr-lookup:${staffIdOf(w.actors.staffB)}`]),
    );
  });

  it("holds the limit when many lookups arrive at once: no more than the limit get through", async () => {
    const w = await cprWorld();
    const now = new Date();
    const results = await Promise.all(
      Array.from({ length: CPR_LOOKUPS_PER_WINDOW * 2 }, () =>
        lookupByCpr(w.actors.staffA, { purpose: "CITIZEN_CONTACTED", cpr: freshCpr().dashed }, now),
      ),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(CPR_LOOKUPS_PER_WINDOW);
    expect(results.filter((r) => !r.ok && r.error === "throttled")).toHaveLength(CPR_LOOKUPS_PER_WINDOW);
  });

  it("never writes the number in clear: not in the access log, change log, attempt windows or the record, nor to the console", async () => {
    const w = await cprWorld();
    const said: string[] = [];
    for (const method of ["log", "info", "warn", "error", "debug", "trace"] as const) {
      vi.spyOn(console, method).mockImplementation(
        (...args: unknown[]) =>
          void said.push(
            args.map((a) => (a instanceof Error ? `${a.message} ${a.stack}` : typeof a === "string" ? a : JSON.stringify(a))).join(" "),
          ),
      );
    }
    const now = new Date();
    await lookupByCpr(w.actors.staffA, { purpose: "CITIZEN_CONTACTED", cpr: w.cpr }, now);
    await lookupByCpr(w.actors.staffA, { purpose: "CITIZEN_CONTACTED", cpr: digitsOf(w.cpr) }, now);
    await lookupByCpr(w.actors.staffA, { purpose: "CITIZEN_CONTACTED", cpr: `${w.cpr}9` }, now); // invalid
    const asked = await requestConsent(w.actors.staffA, {
      citizenId: w.citizen.id,
      serviceAreaId: w.areaA.id,
      reason: "Hjælp til bad",
      parts: ["PROFILE"],
    });
    expect(asked.ok).toBe(true);
    for (let i = 0; i < CPR_LOOKUPS_PER_WINDOW; i++) await lookupByCpr(w.actors.staffA, { purpose: "CITIZEN_CONTACTED", cpr: w.cpr }, now); // into the limit
    expect(await lookupByCpr(w.actors.staffA, { purpose: "CITIZEN_CONTACTED", cpr: w.cpr }, now)).toEqual({
      ok: false,
      error: "throttled",
    });
    // the lookups were logged, and the ask changed the record: there are rows to search
    expect(await db.accessLog.count({ where: { citizenId: w.citizen.id, purpose: "cpr-lookup-contacted" } })).toBeGreaterThan(0);
    expect(await db.changeLog.count({ where: { citizenId: w.citizen.id } })).toBeGreaterThan(0);
    for (const piece of [digitsOf(w.cpr), w.cpr]) {
      expect(await rowsContaining(piece), piece).toEqual([]);
      expect(
        said.filter((s) => s.includes(piece)),
        piece,
      ).toEqual([]);
    }
    // what is stored is the keyed hash, and the search above does see what is in those rows
    expect(await rowsContaining(cprHash(w.cpr, env().CPR_HASH_KEY))).toEqual(["Citizen"]);
  });
});

describe("asking for consent starts the work", () => {
  it("assigns the asking caseworker for the area when they were not, so the citizen's page opens for them", async () => {
    const w = await cprWorld();
    const found = await lookupByCpr(w.actors.staffA, { purpose: "CITIZEN_CONTACTED", cpr: w.cpr });
    expect(found).toMatchObject({ ok: true, value: { inMyAreas: false } });
    expect(await areaCase(w.actors.staffA, w.citizen.id)).toBeNull();
    const asked = await requestConsent(w.actors.staffA, {
      citizenId: w.citizen.id,
      serviceAreaId: w.areaA.id,
      reason: "Så vi kan hjælpe med badet",
      parts: ["PROFILE", "STORY"],
    });
    expect(asked.ok).toBe(true);
    expect(
      await db.assignment.findMany({ where: { citizenId: w.citizen.id }, select: { staffId: true, serviceAreaId: true, endedAt: true } }),
    ).toEqual([{ staffId: staffIdOf(w.actors.staffA), serviceAreaId: w.areaA.id, endedAt: null }]);
    expect(await areaCase(w.actors.staffA, w.citizen.id)).toMatchObject({ citizenId: w.citizen.id, access: "asked" });
    expect(await lookupByCpr(w.actors.staffA, { purpose: "CITIZEN_CONTACTED", cpr: w.cpr })).toMatchObject({
      ok: true,
      value: { inMyAreas: true },
    });
  });

  it("does not assign twice, nor when the ask is refused", async () => {
    const w = await cprWorld();
    await db.assignment.create({ data: { citizenId: w.citizen.id, staffId: staffIdOf(w.actors.staffA), serviceAreaId: w.areaA.id } });
    const ask = (actor: Actor, serviceAreaId = w.areaA.id) =>
      requestConsent(actor, { citizenId: w.citizen.id, serviceAreaId, reason: "Hjælp", parts: ["PROFILE"] });
    expect((await ask(w.actors.staffA)).ok).toBe(true);
    expect(await ask(w.actors.staffA)).toMatchObject({ ok: false, error: "invalid" }); // already asked
    expect(await ask(w.actors.staffB)).toEqual(NOT_FOUND); // not staff B's area
    expect(await ask(w.actors.citizen)).toEqual(NOT_FOUND);
    expect(await db.assignment.count({ where: { citizenId: w.citizen.id } })).toBe(1);
  });
});

describe("an area lead's team", () => {
  it("shows the lead the area's caseworkers and the citizens it knows, with who works with whom", async () => {
    const w = await teamWorld();
    // a citizen known by consent in force is the area's too; one with only a withdrawn consent is not
    const consented = await db.citizen.create({ data: { municipalityId: w.municipality.id, name: `Samtykke ${w.tag}` } });
    await db.consent.create({ data: { citizenId: consented.id, serviceAreaId: w.areaA.id, parts: ["PROFILE"] } });
    const withdrawn = await db.citizen.create({ data: { municipalityId: w.municipality.id, name: `Trukket ${w.tag}` } });
    await db.consent.create({
      data: { citizenId: withdrawn.id, serviceAreaId: w.areaA.id, parts: ["PROFILE"], withdrawnAt: new Date(Date.now() - 1000) },
    });
    await db.coordination.create({ data: { citizenId: w.citizen.id, staffId: staffIdOf(w.lead) } });

    const team = await readTeam(w.lead, w.areaA.id);
    expect(team?.area).toEqual({ id: w.areaA.id, key: "elderly-care" });
    expect(team?.caseworkers).toEqual([
      { staffId: staffIdOf(w.colleague), name: `colleague ${w.tag}`, isLead: false, citizens: 0 },
      { staffId: staffIdOf(w.lead), name: `staff-a ${w.tag}`, isLead: true, citizens: 1 },
    ]);
    expect(team?.citizens.map((c) => c.name).sort()).toEqual([w.otherCitizen.name, w.citizen.name, consented.name].sort());
    expect(team?.citizens.find((c) => c.citizenId === w.citizen.id)?.assigned).toEqual([
      { assignmentId: w.assignment.id, staffId: staffIdOf(w.lead), name: `staff-a ${w.tag}`, coordinator: true },
    ]);
    expect(team?.citizens.find((c) => c.citizenId === w.otherCitizen.id)?.assigned).toEqual([]);
    expect(await leadAreas(w.lead)).toEqual([{ id: w.areaA.id, key: "elderly-care" }]);
  });

  it("shows the lead how the area's people looked: reasons stated in the area, and their CPR lookups that found nobody", async () => {
    const w = await teamWorld();
    const now = new Date();
    const daysAgo = (n: number) => new Date(now.getTime() - n * 86_400_000);
    // area B works with the citizen too (a consent, given before `now`: a default date would be a few
    // milliseconds after it, and the team is read as of `now`), so a reason stated there is area B's to see
    await db.consent.create({ data: { citizenId: w.citizen.id, serviceAreaId: w.areaB.id, parts: ["PROFILE"], validFrom: daysAgo(3) } });
    await db.statedReason.createMany({
      data: [
        {
          citizenId: w.citizen.id,
          staffId: staffIdOf(w.colleague),
          serviceAreaId: w.areaA.id,
          reason: "COVERING",
          until: now,
          createdAt: daysAgo(1),
        },
        // another area's, and one older than the lead is shown
        { citizenId: w.citizen.id, staffId: staffIdOf(w.actors.staffB), serviceAreaId: w.areaB.id, reason: "URGENT", until: now },
        {
          citizenId: w.citizen.id,
          staffId: staffIdOf(w.colleague),
          serviceAreaId: w.areaA.id,
          reason: "URGENT",
          until: daysAgo(40),
          createdAt: daysAgo(40),
        },
      ],
    });
    // a citizen the area no longer knows (the consent withdrawn): the lead does not see their name
    const gone = await db.citizen.create({ data: { municipalityId: w.municipality.id, name: `Trukket ${w.tag}` } });
    await db.statedReason.create({
      data: {
        citizenId: gone.id,
        staffId: staffIdOf(w.colleague),
        serviceAreaId: w.areaA.id,
        reason: "CITIZEN_ASKED",
        until: now,
        createdAt: daysAgo(2),
      },
    });
    // the colleague (area A) and staff B (area B only) each search for a number nobody has
    expect(await lookupByCpr(w.colleague, { purpose: "REFERRAL", cpr: freshCpr().dashed })).toEqual({ ok: true, value: null });
    // the colleague leaves area A afterwards: the search was made in area A, and stays area A's to see
    await db.staffArea.deleteMany({ where: { staffId: staffIdOf(w.colleague), serviceAreaId: w.areaA.id } });
    expect(await lookupByCpr(w.actors.staffB, { purpose: "MEETING", cpr: freshCpr().dashed })).toEqual({ ok: true, value: null });
    const team = await readTeam(w.lead, w.areaA.id, now);
    expect(team?.looked).toEqual([
      { id: expect.any(String), staffName: `colleague ${w.tag}`, citizenName: w.citizen.name, reason: "COVERING", at: daysAgo(1) },
    ]);
    expect(team?.misses).toEqual([{ id: expect.any(String), staffName: `colleague ${w.tag}`, purpose: "REFERRAL", at: expect.any(Date) }]);
    // staff B's lead (area B) sees staff B's search and reason, not the colleague's
    const teamB = await readTeam(w.actors.staffB, w.areaB.id, now);
    expect(teamB?.misses.map((m) => m.purpose)).toEqual(["MEETING"]);
    expect(teamB?.looked.map((l) => l.reason)).toEqual(["URGENT"]);
  });

  it("is nobody else's: not a caseworker of the area, another area's lead, another municipality, a citizen, a relative or anonymous", async () => {
    const w = await teamWorld();
    for (const [who, actor] of w.outsiders) expect(await readTeam(actor, w.areaA.id), who).toBeNull();
    expect(await leadAreas(w.colleague)).toEqual([]);
    expect(await leadAreas(w.actors.citizen)).toEqual([]);
    expect(await leadAreas(w.actors.anonymous)).toEqual([]);
    expect(await readTeam(w.lead, "not-an-id")).toBeNull();
    expect(await readTeam(w.lead, w.areaB.id)).toBeNull();
    // a lead flag the session does not carry (an area taken away since) counts for nothing
    const stale = { ...w.lead, staff: { ...w.lead.staff, serviceAreaIds: [] } } satisfies Actor;
    expect(await readTeam(stale, w.areaA.id)).toBeNull();
    expect(await leadAreas(stale)).toEqual([]);
  });

  it("a lead assigns a caseworker of the area to a citizen the area knows, once", async () => {
    const w = await teamWorld();
    const assign = (citizenId: string, staffId = staffIdOf(w.colleague)) =>
      assignCaseworker(w.lead, { serviceAreaId: w.areaA.id, citizenId, staffId });
    const done = await assign(w.citizen.id);
    expect(done).toMatchObject({ ok: true });
    expect(
      await db.assignment.findMany({
        where: { citizenId: w.citizen.id, staffId: staffIdOf(w.colleague) },
        select: { serviceAreaId: true, endedAt: true },
      }),
    ).toEqual([{ serviceAreaId: w.areaA.id, endedAt: null }]);
    // the colleague now works with the citizen: on their list, and the citizen's page opens
    expect(await areaCase(w.colleague, w.citizen.id)).toMatchObject({ citizenId: w.citizen.id });
    expect(await assign(w.citizen.id)).toEqual({ ok: false, error: "invalid", fieldErrors: { staffId: ["Validation.alreadyAssigned"] } });
    expect((await assign(w.otherCitizen.id)).ok).toBe(true); // known to the area by a pending request
    const team = await readTeam(w.lead, w.areaA.id);
    expect(team?.citizens.find((c) => c.citizenId === w.citizen.id)?.assigned.map((a) => a.name)).toEqual([
      `staff-a ${w.tag}`,
      `colleague ${w.tag}`,
    ]);
  });

  it("two clicks at once make one assignment", async () => {
    const w = await teamWorld();
    const input = { serviceAreaId: w.areaA.id, citizenId: w.otherCitizen.id, staffId: staffIdOf(w.colleague) };
    const results = await Promise.all([assignCaseworker(w.lead, input), assignCaseworker(w.lead, input), assignCaseworker(w.lead, input)]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(await db.assignment.count({ where: { citizenId: w.otherCitizen.id, staffId: staffIdOf(w.colleague), endedAt: null } })).toBe(1);
  });

  it("refuses, as field errors, a citizen the area does not know or of another municipality, and a caseworker outside the area", async () => {
    const w = await teamWorld();
    const assign = (citizenId: string, staffId: string) => assignCaseworker(w.lead, { serviceAreaId: w.areaA.id, citizenId, staffId });
    expect(await assign(w.stranger.id, staffIdOf(w.colleague))).toEqual({
      ok: false,
      error: "invalid",
      fieldErrors: { citizenId: ["Validation.invalid"] },
    });
    expect(await assign(w.elsewhere.citizen.id, staffIdOf(w.colleague))).toEqual({
      ok: false,
      error: "invalid",
      fieldErrors: { citizenId: ["Validation.invalid"] },
    });
    expect(await assign(w.citizen.id, staffIdOf(w.actors.staffB))).toEqual({
      ok: false,
      error: "invalid",
      fieldErrors: { staffId: ["Validation.invalid"] },
    });
    expect(await assign(w.citizen.id, staffIdOf(w.elsewhere.actors.staffA))).toEqual({
      ok: false,
      error: "invalid",
      fieldErrors: { staffId: ["Validation.invalid"] },
    });
    expect(await assign(w.citizen.id, randomUUID())).toEqual({
      ok: false,
      error: "invalid",
      fieldErrors: { staffId: ["Validation.invalid"] },
    });
    expect(await assign("", "")).toEqual({
      ok: false,
      error: "invalid",
      fieldErrors: { citizenId: ["Validation.chooseOne"], staffId: ["Validation.chooseOne"] },
    });
    expect(await db.assignment.count({ where: { serviceAreaId: w.areaA.id } })).toBe(1);
  });

  it("nobody but the area's lead assigns", async () => {
    const w = await teamWorld();
    for (const [who, actor] of w.outsiders) {
      expect(
        await assignCaseworker(actor, { serviceAreaId: w.areaA.id, citizenId: w.citizen.id, staffId: staffIdOf(w.colleague) }),
        who,
      ).toEqual(NOT_FOUND);
    }
    // the lead of area B cannot assign into area A, even naming their own caseworker
    expect(
      await assignCaseworker(w.actors.staffB, {
        serviceAreaId: w.areaA.id,
        citizenId: w.otherCitizen.id,
        staffId: staffIdOf(w.actors.staffB),
      }),
    ).toEqual(NOT_FOUND);
    expect(await db.assignment.count({ where: { serviceAreaId: w.areaA.id } })).toBe(1);
  });

  it("a lead ends an assignment; ending the coordinator's is refused until the red thread is handed over", async () => {
    const w = await teamWorld();
    const added = await assignCaseworker(w.lead, { serviceAreaId: w.areaA.id, citizenId: w.citizen.id, staffId: staffIdOf(w.colleague) });
    const colleagueAssignment = added.ok ? added.value.assignmentId : "";
    await db.coordination.create({ data: { citizenId: w.citizen.id, staffId: staffIdOf(w.lead) } });

    // the lead holds the red thread for this citizen: their own assignment cannot end
    expect(await endAssignment(w.lead, { assignmentId: w.assignment.id })).toEqual({
      ok: false,
      error: "invalid",
      fieldErrors: { _form: ["Validation.handOverFirst"] },
    });
    expect((await db.assignment.findUniqueOrThrow({ where: { id: w.assignment.id } })).endedAt).toBeNull();

    expect(await endAssignment(w.lead, { assignmentId: colleagueAssignment })).toEqual({
      ok: true,
      value: { assignmentId: colleagueAssignment },
    });
    expect((await db.assignment.findUniqueOrThrow({ where: { id: colleagueAssignment } })).endedAt).toBeInstanceOf(Date);
    expect((await myCaseload(w.colleague)).map((c) => c.citizenId)).toEqual([]);
    expect(await endAssignment(w.lead, { assignmentId: colleagueAssignment })).toEqual(NOT_FOUND); // already ended
    expect(await endAssignment(w.lead, { assignmentId: "nope" })).toMatchObject({ ok: false, error: "invalid" });

    // handed over to the colleague: the lead's assignment may end now, and the colleague's is the one refused
    await db.assignment.create({ data: { citizenId: w.citizen.id, staffId: staffIdOf(w.colleague), serviceAreaId: w.areaA.id } });
    await db.coordination.update({ where: { citizenId: w.citizen.id }, data: { staffId: staffIdOf(w.colleague) } });
    expect((await endAssignment(w.lead, { assignmentId: w.assignment.id })).ok).toBe(true);
    const colleagues = await db.assignment.findFirstOrThrow({
      where: { citizenId: w.citizen.id, staffId: staffIdOf(w.colleague), endedAt: null },
    });
    expect(await endAssignment(w.lead, { assignmentId: colleagues.id })).toEqual({
      ok: false,
      error: "invalid",
      fieldErrors: { _form: ["Validation.handOverFirst"] },
    });
  });

  it("nobody but the area's lead ends an assignment", async () => {
    const w = await teamWorld();
    for (const [who, actor] of w.outsiders) expect(await endAssignment(actor, { assignmentId: w.assignment.id }), who).toEqual(NOT_FOUND);
    // not even the caseworker whose assignment it is, unless they lead the area
    const own = await db.assignment.create({
      data: { citizenId: w.citizen.id, staffId: staffIdOf(w.colleague), serviceAreaId: w.areaA.id },
    });
    expect(await endAssignment(w.colleague, { assignmentId: own.id })).toEqual(NOT_FOUND);
    // the lead of area A cannot end area B's assignments
    const inB = await db.assignment.create({
      data: { citizenId: w.citizen.id, staffId: staffIdOf(w.actors.staffB), serviceAreaId: w.areaB.id },
    });
    expect(await endAssignment(w.lead, { assignmentId: inB.id })).toEqual(NOT_FOUND);
    expect(await db.assignment.count({ where: { citizenId: w.citizen.id, endedAt: { not: null } } })).toBe(0);
  });
});

import { describe, expect, it } from "vitest";
import type { Actor } from "@/lib/record/actor";
import { endPower, grantPower, recordPower, recordPowerEnd } from "@/lib/attorney/commands";
import { myPower, powersIHold, readPowers, readPowersForStaff } from "@/lib/attorney/queries";
import { answerConsentRequest } from "@/lib/consents/requests";
import { addAgreement } from "@/lib/agreements/commands";
import { readAccessLog } from "@/lib/access-log/queries";
import { endRelative } from "@/lib/relatives/commands";
import { readPlan } from "@/lib/plan/queries";
import { cprHash } from "@/lib/staff/cpr";
import { env } from "@/lib/env";
import { makeWorld } from "../support/fixtures";
import { appDatabase } from "../support/app-database";
import { freshCpr } from "../support/cpr";

// Power of attorney (issue 14): the citizen grants it to a relative and ends it; a caseworker who works with the
// citizen records one from paper or a guardianship (which the citizen cannot end); what is done under it is
// done "for" the citizen, in their log. (Digital Fuldmagt through NemLog-in: tests/integration/mitid.int.test.ts.)
const db = appDatabase();
const staffIdOf = (a: Actor) => (a.kind === "user" && a.staff ? a.staff.staffId : "");
const userIdOf = (a: Actor) => (a.kind === "user" ? a.userId : "");

async function world() {
  const w = await makeWorld(db);
  const c = w.citizen.id;
  const mette = await w.relativeWith("mette", []);
  const member = await db.networkMember.create({
    data: { citizenId: c, name: "Mette", relation: "datter", closeness: "CLOSEST", kind: "PERSON" },
  });
  const rel = await db.relationship.update({
    where: { citizenId_userId: { citizenId: c, userId: userIdOf(mette) } },
    data: { networkMemberId: member.id },
  });
  const request = () =>
    db.consentRequest.create({
      data: { citizenId: c, serviceAreaId: w.areaA.id, staffId: staffIdOf(w.actors.staffA), reason: "r", parts: ["STORY"] },
    });
  return { ...w, c, mette, rel, request };
}

describe("power of attorney", () => {
  it("granted by the citizen: the relative answers for them, and the log says it was for them; ended, it is gone", async () => {
    const w = await world();
    const asked = await w.request();
    const answer = { citizenId: w.c, requestId: asked.id, answer: "APPROVE", parts: ["STORY"], duration: "3m" };
    // a relative without a power answers nothing
    expect(await answerConsentRequest(w.mette, answer)).toEqual({ ok: false, error: "not-found" });
    // only the citizen grants, to one of their relatives
    expect(await grantPower(w.mette, { citizenId: w.c, relationshipId: w.rel.id, rights: ["ANSWER_CONSENTS"] })).toEqual({
      ok: false,
      error: "not-found",
    });
    const granted = await grantPower(w.actors.citizen, {
      citizenId: w.c,
      relationshipId: w.rel.id,
      rights: ["ANSWER_CONSENTS", "SEE_PLAN"],
    });
    expect(granted.ok).toBe(true);
    expect(await powersIHold(userIdOf(w.mette))).toEqual([
      { citizenId: w.c, name: w.citizen.name, rights: ["ANSWER_CONSENTS", "SEE_PLAN"] },
    ]);

    // never more than the area asked for
    expect(await answerConsentRequest(w.mette, { ...answer, parts: ["STORY", "RELATIVES"] })).toMatchObject({
      ok: false,
      error: "invalid",
    });
    expect((await answerConsentRequest(w.mette, answer)).ok).toBe(true);
    // the citizen is shown who said yes for them
    expect(await db.consent.findFirstOrThrow({ where: { citizenId: w.c, serviceAreaId: w.areaA.id } })).toMatchObject({
      givenByHolder: "Mette",
    });
    const log = await readAccessLog(w.actors.citizen, w.c);
    expect(log.ok && log.value.entries.find((e) => e.purpose === "answer-consent")).toMatchObject({
      actorRole: "PROXY",
      actorName: "Mette",
    });
    // seeing the plan for her, logged the same way
    expect((await readPlan(w.mette, w.c)).ok).toBe(true);
    expect(await db.accessLog.count({ where: { citizenId: w.c, actorRole: "PROXY", purpose: "view-plan" } })).toBeGreaterThan(0);
    // writing in the plan needs the right to write: not given
    expect(await addAgreement(w.mette, { citizenId: w.c, what: "Mette ringer", who: "CITIZEN", dueOn: "" })).toEqual({
      ok: false,
      error: "not-found",
    });

    const [power] = (await readPowers(w.actors.citizen, w.c)).ok
      ? ((await readPowers(w.actors.citizen, w.c)) as { value: { id: string }[] }).value
      : [];
    expect((await endPower(w.actors.citizen, { citizenId: w.c, powerId: power!.id })).ok).toBe(true);
    expect(await myPower(userIdOf(w.mette), w.c)).toBe(null);
    const again = await w.request();
    expect(await answerConsentRequest(w.mette, { ...answer, requestId: again.id })).toEqual({ ok: false, error: "not-found" });

    // given again, it ends with the relative's access
    expect((await grantPower(w.actors.citizen, { citizenId: w.c, relationshipId: w.rel.id, rights: ["ANSWER_CONSENTS"] })).ok).toBe(true);
    expect(await myPower(userIdOf(w.mette), w.c)).not.toBe(null);
    expect((await endRelative(w.actors.citizen, { citizenId: w.c, relationshipId: w.rel.id })).ok).toBe(true);
    expect(await myPower(userIdOf(w.mette), w.c)).toBe(null);
    const listed = await readPowers(w.actors.citizen, w.c);
    expect(listed.ok && listed.value).toEqual([]);
  });

  it("recorded by a caseworker who works with the citizen, bound to the holder by CPR; a guardianship only the authorities end", async () => {
    const w = await world();
    const cpr = freshCpr();
    const input = {
      citizenId: w.c,
      holderCpr: cpr,
      holderName: "Jens Værge",
      rights: ["SEE_PLAN", "WRITE_PLAN"],
      source: "GUARDIANSHIP",
      seen: "yes",
    };
    // not assigned: nothing
    expect(await recordPower(w.actors.staffA, input)).toEqual({ ok: false, error: "not-found" });
    await db.assignment.create({ data: { citizenId: w.c, staffId: staffIdOf(w.actors.staffA), serviceAreaId: w.areaA.id } });
    // not without having seen the document
    expect(await recordPower(w.actors.staffA, { ...input, seen: undefined })).toMatchObject({
      ok: false,
      fieldErrors: { seen: ["Validation.documentSeen"] },
    });
    const recorded = await recordPower(w.actors.staffA, input);
    expect(recorded.ok).toBe(true);
    const row = await db.powerOfAttorney.findFirstOrThrow({ where: { citizenId: w.c } });
    expect(row).toMatchObject({
      source: "GUARDIANSHIP",
      holderUserId: null,
      holderCprHash: cprHash(cpr, env().CPR_HASH_KEY),
      recordedById: staffIdOf(w.actors.staffA),
    });
    expect(JSON.stringify(row)).not.toContain(cpr);

    // the guardian signs in with MitID: the power is theirs, and they write in the plan for the citizen
    const { enrol } = await import("@/lib/mitid/enrol");
    const municipality = await db.municipality.findFirstOrThrow({ orderBy: { createdAt: "asc" } });
    void municipality;
    const guardian = await enrol(
      { protocol: "saml", subject: `urn:uuid:${crypto.randomUUID()}`, cpr, level: "Substantial", name: "Jens Værge" },
      { invite: false },
    );
    expect((await db.powerOfAttorney.findUniqueOrThrow({ where: { id: row.id } })).holderUserId).toBe(guardian.userId);
    const jens = { kind: "user" as const, userId: guardian.userId, citizenId: null, staff: null };
    expect((await addAgreement(jens, { citizenId: w.c, what: "Jens henter medicin fredag", who: "CITIZEN", dueOn: "" })).ok).toBe(true);
    expect(await db.changeLog.count({ where: { citizenId: w.c, actorRole: "PROXY", entity: "Agreement" } })).toBe(1);

    // the caseworker who works with the citizen sees the powers in force; another does not
    const seen = await readPowersForStaff(w.actors.staffA, w.c);
    expect(seen.ok && seen.value.map((p) => [p.holderName, p.source])).toEqual([["Jens Værge", "GUARDIANSHIP"]]);
    expect(await readPowersForStaff(w.actors.staffB, w.c)).toEqual({ ok: false, error: "not-found" });
    expect(await db.notification.count({ where: { citizenId: w.c, kind: "power-recorded" } })).toBe(1);
    // the citizen cannot end a guardianship; the caseworker records its end
    expect(await endPower(w.actors.citizen, { citizenId: w.c, powerId: row.id })).toEqual({
      ok: false,
      error: "invalid",
      fieldErrors: { _form: ["Validation.guardianshipByAuthorities"] },
    });
    expect((await recordPowerEnd(w.actors.staffA, { citizenId: w.c, powerId: row.id })).ok).toBe(true);
    expect(await addAgreement(jens, { citizenId: w.c, what: "x", who: "CITIZEN", dueOn: "" })).toEqual({ ok: false, error: "not-found" });
    // nobody holds a power over themselves
    const own = await db.citizen.update({ where: { id: w.c }, data: { cprHash: cprHash(cpr, env().CPR_HASH_KEY) } });
    void own;
    expect(await recordPower(w.actors.staffA, input)).toMatchObject({ ok: false, fieldErrors: { holderCpr: ["Validation.notOwnPower"] } });
  });
});

import { describe, expect, it } from "vitest";
import { AccessAction, ActorRole, RecordPart, RelativePermission } from "@/lib/db/generated/enums";
import { ACTIONS, ASK, ATTORNEY_RIGHTS, PROPOSE, CONSENTABLE_PARTS, PARTS, RELATIVE_PERMISSIONS, type Standing } from "@/lib/access/policy";
import { OPERATIONS, PURPOSES, ROLES, decideOperation, operation, type OperationName, type Role } from "@/lib/access/operations";
import da from "@/messages/da.json";
import en from "@/messages/en.json";

/**
 * Every operation of the record against every position an actor can hold, as a
 * table a person can read and argue with. A letter in the row means the gate
 * lets that position do the operation:
 *   C the citizen            R a relative allowed everything   r a relative allowed nothing
 *   e a relative whose access has ended
 *   A someone acting for the citizen under a power of attorney with every right   a ...to see the plan only
 *   S staff of an area with consent to every part               p ...consent to the profile and story only
 *   w ...whose consent was withdrawn                             s ...with no consent
 *   X someone with nothing to do with the record (another citizen, staff elsewhere, anonymous)
 */
const now = new Date("2026-06-01T10:00:00Z");
const everything = { parts: CONSENTABLE_PARTS, validFrom: new Date(0), validUntil: null, withdrawnAt: null };
const POSITIONS: Record<string, [Standing, Role]> = {
  C: [{ kind: "self" }, "CITIZEN"],
  R: [{ kind: "relative", permissions: RELATIVE_PERMISSIONS, validUntil: null, endedAt: null }, "RELATIVE"],
  r: [{ kind: "relative", permissions: [], validUntil: null, endedAt: null }, "RELATIVE"],
  e: [{ kind: "relative", permissions: RELATIVE_PERMISSIONS, validUntil: null, endedAt: new Date(0) }, "RELATIVE"],
  A: [{ kind: "attorney", grants: [{ rights: ATTORNEY_RIGHTS, validFrom: new Date(0), validUntil: null, endedAt: null }] }, "PROXY"],
  a: [{ kind: "attorney", grants: [{ rights: ["SEE_PLAN"], validFrom: new Date(0), validUntil: null, endedAt: null }] }, "PROXY"],
  S: [{ kind: "staff", serviceAreaId: "a", consents: [everything], knows: "assigned" }, "STAFF"],
  p: [{ kind: "staff", serviceAreaId: "a", consents: [{ ...everything, parts: ["PROFILE", "STORY"] }], knows: "assigned" }, "STAFF"],
  w: [{ kind: "staff", serviceAreaId: "a", consents: [{ ...everything, withdrawnAt: new Date(1) }], knows: "assigned" }, "STAFF"],
  s: [{ kind: "staff", serviceAreaId: "a", consents: [], knows: "assigned" }, "STAFF"],
  // a caseworker of a consented area with no need to know (not assigned, no red thread, no reason stated)
  n: [{ kind: "staff", serviceAreaId: "a", consents: [everything], knows: null }, "STAFF"],
  X: [{ kind: "none" }, "CITIZEN"],
};

const EXPECTED: Record<OperationName, string> = {
  "profile.read": "CRrAaSpn",
  "profile.edit": "C",
  "story.read": "CRAaSp",
  "story.read-first-visit": "CRAaSp",
  "story.read-told-once": "CRAaSp",
  "story.edit": "CA",
  "contact.read": "CRAaS",
  "contact.edit": "CA",
  "plan.read": "CRrAaSpn",
  "plan.print": "CRrAaSpn",
  "goal.list": "CRrAaSpn",
  "goal.read": "CRrAaSpn",
  "goal.choices": "CRrAaSpn",
  "goal.create": "CA",
  "goal.edit": "CA",
  "goal.add-step": "CA",
  "goal.propose-step": "S",
  "goal.answer-proposed-step": "CA",
  "goal.mark-step": "CA",
  "goal.reach": "CA",
  "goal.let-go": "CA",
  "agreement.list": "CRrAaSpn",
  "agreement.add": "CRAS",
  "agreement.mark": "CAS",
  "story.write-with": "Sp",
  "goal.write-with": "S",
  "contact.write-with": "S",
  "story.record-yes": "Sp",
  "goal.record-yes": "S",
  "contact.record-yes": "S",
  "story.answer-written-with": "CA",
  "goal.answer-written-with": "CA",
  "contact.answer-written-with": "CA",
  "written-with.read": "CRrAaSpn",
  "network.list": "CRAaS",
  "network.read-person": "CRAaS",
  "network.add-person": "CRA",
  "network.edit-person": "CA",
  "network.remove-person": "CA",
  "relative.list": "C",
  "relative.read-spaces": "S",
  "relative.invite": "C",
  "relative.revoke-invitation": "C",
  "relative.change": "C",
  "relative.end": "C",
  "attorney.list": "C",
  "attorney.grant": "C",
  "attorney.end": "C",
  "attorney.record": "Spwsn",
  "attorney.record-end": "Spwsn",
  "attorney.staff-list": "Spwsn",
  "consent.list": "CA",
  "sharing.read": "C",
  "consent.grant": "C",
  "consent.withdraw": "CA",
  "consent.ask": "Spwsn",
  "consent.answer": "CA",
  "citizen.find-by-cpr": "Spwsn",
  "citizen.find-by-cpr.contacted": "Spwsn",
  "citizen.find-by-cpr.referral": "Spwsn",
  "citizen.find-by-cpr.meeting": "Spwsn",
  "consent.record": "Spwsn",
  "consent.record-withdrawal": "Spwsn",
  "citizen.start-with": "Spn",
  "help.add": "S",
  "message.send": "S",
  "message.list": "CAaS",
  "contact-request.ask": "CA",
  "contact-request.ask-as-relative": "R",
  "contact-request.list": "CRAaS",
  "contact-request.answer": "S",
  "red-thread.read": "CRrAaS",
  "red-thread.offer": "S",
  "red-thread.withdraw-offer": "S",
  "red-thread.accept": "S",
  "red-thread.decline": "S",
  "red-thread.take": "S",
  "look.citizen-asked": "Spn",
  "look.covering": "Spn",
  "look.urgent": "Spn",
  "access-log.read": "C",
  "work-list.read": "Sp",
};

describe("operations of the record", () => {
  it.each(Object.keys(OPERATIONS) as OperationName[])("%s: exactly the positions in the table", (name) => {
    const who = Object.entries(POSITIONS)
      .filter(([, [standing, role]]) => decideOperation(OPERATIONS[name], standing, role, now).allow)
      .map(([letter]) => letter)
      .join("");
    expect(who).toBe(EXPECTED[name]);
  });

  it("nobody outside the record, no relative whose access ended and no area without consent in force may do anything but ask", () => {
    for (const name of Object.keys(OPERATIONS) as OperationName[]) {
      const op = OPERATIONS[name];
      const asks = op.kind === "one" && op.action === ASK;
      for (const letter of asks ? ["X", "e"] : ["X", "e", "w", "s"]) {
        const [standing, role] = POSITIONS[letter]!;
        expect(decideOperation(op, standing, role, now).allow, `${letter} ${name}`).toBe(false);
      }
    }
  });

  it("staff-only and citizen-only operations say so, and staff never write the citizen's own words", () => {
    for (const op of Object.values(OPERATIONS)) {
      if (op.kind !== "one" || op.action !== "WRITE") continue;
      if (["STORY", "CONTACT", "PROFILE", "CONSENTS", "RELATIVES", "NETWORK"].includes(op.part))
        expect(op.roles ?? [], op.purpose).not.toContain("STAFF");
    }
  });

  it("the gate refuses anything that is not an operation of the registry", () => {
    expect(() => operation("story.read", "one")).not.toThrow();
    expect(() => operation("made-up", "one")).toThrow(/not an operation/);
    expect(() => operation("plan.read", "one")).toThrow(/not an operation/);
    expect(() => operation("toString", "one")).toThrow(/not an operation/);
  });

  it("every purpose is used by an operation, and each has a plain sentence in Danish and English for the citizen's log", () => {
    const used = new Set(
      Object.values(OPERATIONS).flatMap((op) => [op.purpose, ...Object.values(("staffPurpose" in op && op.staffPurpose) || {})]),
    );
    expect([...PURPOSES].sort()).toEqual([...used].sort());
    for (const purpose of PURPOSES) {
      expect(typeof (da.AccessLog.purposes as Record<string, unknown>)[purpose], `da ${purpose}`).toBe("string");
      expect(typeof (en.AccessLog.purposes as Record<string, unknown>)[purpose], `en ${purpose}`).toBe("string");
    }
  });
});

describe("the policy's lists are the database's enums", () => {
  it("parts, actions, relative permissions and roles match the Prisma schema exactly", () => {
    // the generated client's enums, made from prisma/schema/*.prisma on every install
    expect([...PARTS]).toEqual(Object.values(RecordPart));
    expect([...ACTIONS, ASK, PROPOSE]).toEqual(Object.values(AccessAction));
    expect([...RELATIVE_PERMISSIONS]).toEqual(Object.values(RelativePermission));
    expect([...ROLES]).toEqual(Object.values(ActorRole));
  });
});

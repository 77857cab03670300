import { describe, expect, it } from "vitest";
import {
  ACTIONS,
  ASK,
  PROPOSE,
  consentState,
  decide,
  PARTS,
  RELATIVE_PERMISSIONS,
  type Action,
  type AttorneyGrant,
  type AttorneyRight,
  type ConsentGrant,
  type NeedToKnow,
  NEED_TO_KNOW,
  type Part,
  type Standing,
} from "@/lib/access/policy";

// The authorization matrix: every kind of actor x every consent or relationship
// state x every part x read/write. Each row names, by hand, the parts that are
// allowed; every other part must be denied.
const now = new Date("2026-11-22T10:00:00Z");
const past = new Date("2026-01-01T00:00:00Z");
const earlier = new Date("2025-06-01T00:00:00Z");
const future = new Date("2027-01-01T00:00:00Z");
const ALL_CONSENTABLE: Part[] = PARTS.filter((p) => p !== "ACCESS_LOG" && p !== "CONSENTS");
const consent = (over: Partial<ConsentGrant> = {}): ConsentGrant => ({
  parts: ALL_CONSENTABLE,
  validFrom: past,
  validUntil: null,
  withdrawnAt: null,
  ...over,
});
const relative = (permissions: Standing & { kind: "relative" } extends { permissions: infer P } ? P : never, over = {}): Standing => ({
  kind: "relative",
  permissions,
  validUntil: null,
  endedAt: null,
  ...over,
});
const staff = (...consents: ConsentGrant[]): Standing => ({ kind: "staff", serviceAreaId: "area", consents, knows: "assigned" });
/** A caseworker of a consented area, by why they need to know (null: nothing ties them to this citizen). */
const staffWho = (knows: NeedToKnow | null, ...consents: ConsentGrant[]): Standing => ({
  kind: "staff",
  serviceAreaId: "area",
  consents,
  knows,
});

const grant = (rights: AttorneyRight[], over: Partial<AttorneyGrant> = {}): AttorneyGrant => ({
  rights,
  validFrom: earlier,
  validUntil: null,
  endedAt: null,
  ...over,
});
const attorney = (rights: AttorneyRight[], over: Partial<AttorneyGrant> = {}): Standing => ({
  kind: "attorney",
  grants: [grant(rights, over)],
});
/** The plan, as the citizen reads it: never the log, the consents or who else is let in. */
const PLAN: Part[] = [
  "PROFILE",
  "STORY",
  "CONTACT",
  "GOALS",
  "AGREEMENTS",
  "NETWORK",
  "RED_THREAD",
  "HELP",
  "CONTACT_REQUESTS",
  "MESSAGES",
];
const PLAN_WRITTEN_IN: Part[] = ["STORY", "CONTACT", "GOALS", "AGREEMENTS", "NETWORK", "CONTACT_REQUESTS"];
const PLAN_WRITTEN_IN_READ: Part[] = ["PROFILE", ...PLAN_WRITTEN_IN];

/** `propose`: what the actor may write *with* the citizen, for them to confirm (the assisted route). */
type Row = { who: string; standing: Standing; read: Part[]; write: Part[]; ask?: Part[]; propose?: Part[] };
const PROPOSE_ALL: Part[] = ["STORY", "GOALS", "CONTACT"];
const NOTHING: Part[] = [];
const rows: Row[] = [
  {
    who: "the citizen (self)",
    standing: { kind: "self" },
    read: [...PARTS],
    write: ["PROFILE", "STORY", "CONTACT", "GOALS", "AGREEMENTS", "NETWORK", "RELATIVES", "CONSENTS", "CONTACT_REQUESTS"],
  },
  // relatives, by permission
  { who: "relative, no permissions", standing: relative([]), read: ["PROFILE", "RED_THREAD"], write: NOTHING },
  { who: "relative, SEE_STORY", standing: relative(["SEE_STORY"]), read: ["PROFILE", "RED_THREAD", "STORY"], write: NOTHING },
  {
    who: "relative, SEE_GOALS_AND_AGREEMENTS",
    standing: relative(["SEE_GOALS_AND_AGREEMENTS"]),
    read: ["PROFILE", "RED_THREAD", "GOALS", "AGREEMENTS"],
    write: NOTHING,
  },
  {
    who: "relative, ADD_AGREEMENTS",
    standing: relative(["ADD_AGREEMENTS"]),
    read: ["PROFILE", "RED_THREAD", "AGREEMENTS"],
    write: ["AGREEMENTS"],
  },
  { who: "relative, ADD_NETWORK", standing: relative(["ADD_NETWORK"]), read: ["PROFILE", "RED_THREAD", "NETWORK"], write: ["NETWORK"] },
  { who: "relative, SEE_CONTACT", standing: relative(["SEE_CONTACT"]), read: ["PROFILE", "RED_THREAD", "CONTACT"], write: NOTHING },
  {
    who: "relative, CONTACT_COORDINATOR",
    standing: relative(["CONTACT_COORDINATOR"]),
    read: ["PROFILE", "RED_THREAD", "CONTACT_REQUESTS"],
    write: ["CONTACT_REQUESTS"],
  },
  {
    who: "relative, every permission",
    standing: relative([...RELATIVE_PERMISSIONS]),
    read: ["PROFILE", "RED_THREAD", "STORY", "GOALS", "AGREEMENTS", "NETWORK", "CONTACT", "CONTACT_REQUESTS"],
    write: ["AGREEMENTS", "NETWORK", "CONTACT_REQUESTS"],
  },
  {
    who: "relative, every permission, access ended (revoked)",
    standing: relative([...RELATIVE_PERMISSIONS], { endedAt: past }),
    read: NOTHING,
    write: NOTHING,
  },
  {
    who: "relative, every permission, access ran out",
    standing: relative([...RELATIVE_PERMISSIONS], { validUntil: past }),
    read: NOTHING,
    write: NOTHING,
  },
  {
    who: "relative, every permission, access runs out later",
    standing: relative([...RELATIVE_PERMISSIONS], { validUntil: future }),
    read: ["PROFILE", "RED_THREAD", "STORY", "GOALS", "AGREEMENTS", "NETWORK", "CONTACT", "CONTACT_REQUESTS"],
    write: ["AGREEMENTS", "NETWORK", "CONTACT_REQUESTS"],
  },
  // acting for the citizen under a power of attorney, by right and by date
  { who: "attorney, see the plan", standing: attorney(["SEE_PLAN"]), read: PLAN, write: NOTHING },
  { who: "attorney, write in the plan", standing: attorney(["WRITE_PLAN"]), read: PLAN_WRITTEN_IN_READ, write: PLAN_WRITTEN_IN },
  { who: "attorney, answer consent requests", standing: attorney(["ANSWER_CONSENTS"]), read: ["PROFILE", "CONSENTS"], write: ["CONSENTS"] },
  {
    who: "attorney, every right",
    standing: attorney(["SEE_PLAN", "WRITE_PLAN", "ANSWER_CONSENTS"]),
    read: [...PLAN, "CONSENTS"],
    write: [...PLAN_WRITTEN_IN, "CONSENTS"],
  },
  {
    who: "attorney, every right, ended",
    standing: attorney(["SEE_PLAN", "WRITE_PLAN", "ANSWER_CONSENTS"], { endedAt: past }),
    read: NOTHING,
    write: NOTHING,
  },
  {
    who: "attorney, every right, ran out",
    standing: attorney(["SEE_PLAN", "WRITE_PLAN", "ANSWER_CONSENTS"], { validUntil: past }),
    read: NOTHING,
    write: NOTHING,
  },
  {
    who: "attorney, every right, not started yet",
    standing: attorney(["SEE_PLAN", "WRITE_PLAN", "ANSWER_CONSENTS"], { validFrom: future }),
    read: NOTHING,
    write: NOTHING,
  },
  {
    who: "attorney, an ended power to write and one in force to see the plan",
    standing: { kind: "attorney", grants: [grant(["WRITE_PLAN", "ANSWER_CONSENTS"], { endedAt: past }), grant(["SEE_PLAN"])] },
    read: PLAN,
    write: NOTHING,
  },
  // staff, by consent state
  { who: "staff, no consent", standing: staff(), read: NOTHING, write: NOTHING },
  {
    who: "staff, active consent to every part",
    standing: staff(consent()),
    read: ALL_CONSENTABLE,
    write: ["GOALS", "AGREEMENTS", "HELP", "RED_THREAD", "CONTACT_REQUESTS", "MESSAGES"],
    propose: PROPOSE_ALL,
  },
  {
    who: "staff, active consent until later",
    standing: staff(consent({ validUntil: future })),
    read: ALL_CONSENTABLE,
    write: ["GOALS", "AGREEMENTS", "HELP", "RED_THREAD", "CONTACT_REQUESTS", "MESSAGES"],
    propose: PROPOSE_ALL,
  },
  {
    who: "staff, active consent to story and agreements only",
    standing: staff(consent({ parts: ["STORY", "AGREEMENTS"] })),
    read: ["STORY", "AGREEMENTS"],
    write: ["AGREEMENTS"],
    propose: ["STORY"],
  },
  {
    who: "staff, consent that even names ACCESS_LOG and CONSENTS",
    standing: staff(consent({ parts: [...PARTS] })),
    read: ALL_CONSENTABLE,
    write: ["GOALS", "AGREEMENTS", "HELP", "RED_THREAD", "CONTACT_REQUESTS", "MESSAGES"],
    propose: PROPOSE_ALL,
  },
  { who: "staff, consent not started yet", standing: staff(consent({ validFrom: future })), read: NOTHING, write: NOTHING },
  { who: "staff, consent expired", standing: staff(consent({ validUntil: past })), read: NOTHING, write: NOTHING },
  { who: "staff, consent withdrawn", standing: staff(consent({ withdrawnAt: past })), read: NOTHING, write: NOTHING },
  {
    who: "staff, consent withdrawn to take effect later",
    standing: staff(consent({ withdrawnAt: future })),
    read: ALL_CONSENTABLE,
    write: ["GOALS", "AGREEMENTS", "HELP", "RED_THREAD", "CONTACT_REQUESTS", "MESSAGES"],
    propose: PROPOSE_ALL,
  },
  {
    who: "staff, an old withdrawn consent and a new active one for the story",
    standing: staff(consent({ withdrawnAt: past }), consent({ validFrom: past, parts: ["STORY"] })),
    read: ["STORY"],
    write: NOTHING,
    propose: ["STORY"],
  },
  // need to know: a consented area lets its caseworkers in; only one who needs to know reads beyond the name
  ...NEED_TO_KNOW.map((knows) => ({
    who: `staff of a consented area, need to know: ${knows}`,
    standing: staffWho(knows, consent()),
    read: ALL_CONSENTABLE,
    write: ["GOALS", "AGREEMENTS", "HELP", "RED_THREAD", "CONTACT_REQUESTS", "MESSAGES"] as Part[],
    propose: PROPOSE_ALL,
  })),
  {
    who: "staff of a consented area with no need to know: the name only",
    standing: staffWho(null, consent()),
    read: ["PROFILE"],
    write: NOTHING,
    propose: NOTHING,
  },
  { who: "staff with no need to know and no consent", standing: staffWho(null), read: NOTHING, write: NOTHING },
  // everyone else
  { who: "anonymous, another citizen, or staff of another municipality", standing: { kind: "none" }, read: NOTHING, write: NOTHING },
];

// Asking for consent: every staff standing (same municipality), whatever its consents, and only for CONSENTS.
for (const row of rows) if (row.standing.kind === "staff") row.ask = ["CONSENTS"];

describe("the access policy, as a full table", () => {
  const allowed = (row: Row, action: string) =>
    action === "READ" ? row.read : action === "WRITE" ? row.write : action === ASK ? (row.ask ?? NOTHING) : (row.propose ?? NOTHING);
  const cases = rows.flatMap((row) =>
    [...ACTIONS, ASK, PROPOSE].flatMap((action) =>
      PARTS.map((part) => ({ ...row, action, part, expected: allowed(row, action).includes(part) })),
    ),
  );

  it("covers every actor kind, action and part", () => {
    expect(new Set(rows.map((r) => r.standing.kind))).toEqual(new Set(["self", "relative", "attorney", "staff", "none"]));
    expect(cases).toHaveLength(rows.length * (ACTIONS.length + 2) * PARTS.length);
  });

  it.each(cases)("$who: $action $part -> $expected", ({ standing, action, part, expected }) => {
    expect(decide(standing, action as Action, part, now).allow).toBe(expected);
  });
});

describe("the policy's reasons and edges", () => {
  it("fails closed on an unknown part or action", () => {
    expect(decide({ kind: "self" }, "READ", "SECRETS" as Part, now)).toEqual({ allow: false, reason: "unknown" });
    expect(decide({ kind: "self" }, "DELETE" as Action, "STORY", now)).toEqual({ allow: false, reason: "unknown" });
    expect(decide({ kind: "admin" } as unknown as Standing, "READ", "STORY", now)).toEqual({ allow: false, reason: "unknown" });
  });

  it("names the real reason of a denial (for the log, never for the caller)", () => {
    expect(decide(staff(), "READ", "STORY", now)).toEqual({ allow: false, reason: "no-consent" });
    expect(decide(staff(consent({ withdrawnAt: past })), "READ", "STORY", now)).toEqual({ allow: false, reason: "consent-withdrawn" });
    expect(decide(staff(consent({ validUntil: past })), "READ", "STORY", now)).toEqual({ allow: false, reason: "consent-expired" });
    expect(decide(staff(consent({ validFrom: future })), "READ", "STORY", now)).toEqual({ allow: false, reason: "consent-not-started" });
    expect(decide(staff(consent({ parts: ["GOALS"] })), "READ", "STORY", now)).toEqual({ allow: false, reason: "part-not-consented" });
    expect(decide(staff(consent()), "WRITE", "STORY", now)).toEqual({ allow: false, reason: "read-only" });
    expect(decide(staffWho(null, consent()), "READ", "STORY", now)).toEqual({ allow: false, reason: "no-need-to-know" });
    expect(decide(staffWho(null, consent()), "WRITE", "AGREEMENTS", now)).toEqual({ allow: false, reason: "no-need-to-know" });
    expect(decide(staffWho(null, consent({ withdrawnAt: past })), "READ", "STORY", now)).toEqual({
      allow: false,
      reason: "consent-withdrawn",
    });
    expect(decide(relative([], { endedAt: past }), "READ", "PROFILE", now)).toEqual({ allow: false, reason: "relationship-ended" });
    expect(decide(relative([]), "READ", "STORY", now)).toEqual({ allow: false, reason: "not-permitted" });
    expect(decide({ kind: "none" }, "READ", "PROFILE", now)).toEqual({ allow: false, reason: "not-related" });
  });

  it("a consent's state follows its dates, at the very second", () => {
    expect(consentState(consent({ validUntil: now }), now)).toBe("expired");
    expect(consentState(consent({ validFrom: now }), now)).toBe("active");
    expect(consentState(consent({ withdrawnAt: now }), now)).toBe("withdrawn");
    expect(consentState(consent({ validFrom: earlier, validUntil: past, withdrawnAt: future }), now)).toBe("expired");
  });
});

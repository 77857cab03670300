/**
 * The access policy: may this actor do this to this part of this citizen's
 * record? One pure function, no I/O, failing closed. lib/record asks it on every
 * read and write; tests/unit/policy.test.ts holds it as a full table.
 */

import { consentState, relationshipActive } from "./in-force";

export const PARTS = [
  "PROFILE",
  "STORY",
  "CONTACT",
  "GOALS",
  "AGREEMENTS",
  "NETWORK",
  "HELP",
  "RELATIVES",
  "CONSENTS",
  "RED_THREAD",
  "CONTACT_REQUESTS",
  "MESSAGES",
  "ACCESS_LOG",
] as const;
export type Part = (typeof PARTS)[number];

/** What can be done to the data of a part. */
export const ACTIONS = ["READ", "WRITE"] as const;
/**
 * Asking for consent is its own action: staff of the citizen's municipality may
 * ask (a request the citizen answers) before their area may see anything.
 */
export const ASK = "ASK" as const;
/**
 * Writing *with* the citizen (the assisted route): staff of an area whose consent lets it read the part write a
 * text for the citizen to confirm. It changes nothing in the plan until the citizen says yes.
 */
export const PROPOSE = "PROPOSE" as const;
export type Action = (typeof ACTIONS)[number] | typeof ASK | typeof PROPOSE;
/** The parts a caseworker can write with the citizen: their story, a goal, how they want to be contacted. */
export const PROPOSABLE_PARTS: readonly Part[] = ["STORY", "GOALS", "CONTACT"];

export const RELATIVE_PERMISSIONS = [
  "SEE_STORY",
  "SEE_GOALS_AND_AGREEMENTS",
  "ADD_AGREEMENTS",
  "ADD_NETWORK",
  "SEE_CONTACT",
  "CONTACT_COORDINATOR",
] as const;
export type RelativePermission = (typeof RELATIVE_PERMISSIONS)[number];

/**
 * The rights a power of attorney (fuldmagt) gives its holder to act for the citizen: the few fixed rights a
 * municipality registers for this service, the same whether the citizen granted them in the app, a caseworker
 * recorded a paper power or a guardianship (værgemål), or they came with the state's Digital Fuldmagt.
 */
export const ATTORNEY_RIGHTS = ["SEE_PLAN", "WRITE_PLAN", "ANSWER_CONSENTS"] as const;
export type AttorneyRight = (typeof ATTORNEY_RIGHTS)[number];
/** One power of attorney as stored: its rights and dates. */
export type AttorneyGrant = { rights: readonly AttorneyRight[]; validFrom: Date; validUntil: Date | null; endedAt: Date | null };

/** A consent as stored: dates, never a boolean, so its history survives. */
export type ConsentGrant = { parts: readonly Part[]; validFrom: Date; validUntil: Date | null; withdrawnAt: Date | null };

/**
 * Why a caseworker needs to know what is in this citizen's plan (docs/decisions/029-need-to-know.md): they are
 * assigned to the citizen for the area (a caseworker who asks for consent is assigned when they ask), they
 * hold the red thread, it is being handed to them, or they stated a reason today (logged, and shown to the
 * citizen and the area's lead). A consent lets an area in; need to know lets a person of the area read.
 */
export const NEED_TO_KNOW = ["assigned", "red-thread", "handover", "stated-reason"] as const;
export type NeedToKnow = (typeof NEED_TO_KNOW)[number];

/**
 * Where the actor stands toward one citizen's record, as read from the
 * database for this request (lib/record/standing.ts).
 */
export type Standing =
  | { kind: "self" }
  | {
      kind: "relative";
      permissions: readonly RelativePermission[];
      validUntil: Date | null;
      endedAt: Date | null;
    }
  | { kind: "staff"; serviceAreaId: string; consents: readonly ConsentGrant[]; knows: NeedToKnow | null }
  /** Acting for the citizen under a power of attorney (each in force adds its rights). */
  | { kind: "attorney"; grants: readonly AttorneyGrant[] }
  | { kind: "none" };

export type Decision = { allow: true } | { allow: false; reason: DenyReason };
export type DenyReason =
  | "not-related"
  | "relationship-ended"
  | "power-ended"
  | "not-permitted"
  | "no-consent"
  | "consent-not-started"
  | "consent-expired"
  | "consent-withdrawn"
  | "part-not-consented"
  | "no-need-to-know"
  | "read-only"
  | "unknown";

const allow: Decision = { allow: true };
const deny = (reason: DenyReason): Decision => ({ allow: false, reason });

/** What the citizen may do to their own record: everything, except writing the log and staff's own entries. */
const SELF_WRITE: ReadonlySet<Part> = new Set<Part>([
  "PROFILE",
  "STORY",
  "CONTACT",
  "GOALS",
  "AGREEMENTS",
  "NETWORK",
  "RELATIVES",
  "CONSENTS",
  "CONTACT_REQUESTS",
]);

/** Relative permissions, part by part. The profile (name, who holds the red thread) comes with any access. */
const RELATIVE_READ: Partial<Record<Part, RelativePermission[] | "always">> = {
  PROFILE: "always",
  STORY: ["SEE_STORY"],
  GOALS: ["SEE_GOALS_AND_AGREEMENTS"],
  AGREEMENTS: ["SEE_GOALS_AND_AGREEMENTS", "ADD_AGREEMENTS"],
  NETWORK: ["ADD_NETWORK"],
  CONTACT: ["SEE_CONTACT"],
  RED_THREAD: "always",
  // their own requests for contact only (lib/contact-requests), and the coordinator's direct line
  CONTACT_REQUESTS: ["CONTACT_COORDINATOR"],
};
const RELATIVE_WRITE: Partial<Record<Part, RelativePermission[]>> = {
  AGREEMENTS: ["ADD_AGREEMENTS"],
  NETWORK: ["ADD_NETWORK"],
  // "contact me about Inge": answered like the citizen's own
  CONTACT_REQUESTS: ["CONTACT_COORDINATOR"],
};

/**
 * Staff write only where their area adds to the plan: agreements, its own help,
 * goal steps (as proposals), contact requests (to close them), coordination
 * (handovers) and messages to the citizen. The citizen's own words (story,
 * contact wishes) are read-only to staff.
 */
const STAFF_WRITE: ReadonlySet<Part> = new Set<Part>(["AGREEMENTS", "HELP", "GOALS", "CONTACT_REQUESTS", "RED_THREAD", "MESSAGES"]);
/** Parts a citizen can consent to; the log and the consents themselves are never among them. */
export const CONSENTABLE_PARTS: readonly Part[] = PARTS.filter((p) => p !== "ACCESS_LOG" && p !== "CONSENTS");

// When a consent or a relative's access is in force: one rule each, in lib/access/in-force.ts beside its database form.
export { consentState, relationshipActive };

/** The one part a consented area's caseworker sees without need to know: who the citizen is (their caseload lists it). */
const WITHOUT_NEED_TO_KNOW: ReadonlySet<Part> = new Set<Part>(["PROFILE"]);

function decideStaff({ consents, knows }: Extract<Standing, { kind: "staff" }>, action: Action, part: Part, now: Date): Decision {
  if (consents.length === 0) return deny("no-consent");
  const active = consents.filter((c) => consentState(c, now) === "active");
  if (active.length === 0) {
    // the most telling reason for the log: withdrawn beats expired beats not started
    const states = consents.map((c) => consentState(c, now));
    if (states.includes("withdrawn")) return deny("consent-withdrawn");
    if (states.includes("expired")) return deny("consent-expired");
    return deny("consent-not-started");
  }
  if (!CONSENTABLE_PARTS.includes(part) || !active.some((c) => c.parts.includes(part))) return deny("part-not-consented");
  if (action === "WRITE" && !STAFF_WRITE.has(part)) return deny("read-only");
  if (!knows && !WITHOUT_NEED_TO_KNOW.has(part)) return deny("no-need-to-know");
  return allow;
}

/** What each right lets the holder read and write: the plan, as the citizen would, never the log or who else is let in. */
const ATTORNEY_READ: Record<AttorneyRight, readonly Part[]> = {
  SEE_PLAN: ["PROFILE", "STORY", "CONTACT", "GOALS", "AGREEMENTS", "NETWORK", "RED_THREAD", "HELP", "CONTACT_REQUESTS", "MESSAGES"],
  WRITE_PLAN: ["PROFILE", "STORY", "CONTACT", "GOALS", "AGREEMENTS", "NETWORK", "CONTACT_REQUESTS"],
  ANSWER_CONSENTS: ["PROFILE", "CONSENTS"],
};
const ATTORNEY_WRITE: Record<AttorneyRight, readonly Part[]> = {
  SEE_PLAN: [],
  WRITE_PLAN: ["STORY", "CONTACT", "GOALS", "AGREEMENTS", "NETWORK", "CONTACT_REQUESTS"],
  ANSWER_CONSENTS: ["CONSENTS"],
};

/** Whether a power of attorney is in force at `now`: from `validFrom`, until `validUntil` (exclusive), unless ended. */
export const powerInForce = (g: Omit<AttorneyGrant, "rights">, now: Date) =>
  g.validFrom <= now && !(g.validUntil && g.validUntil <= now) && !(g.endedAt && g.endedAt <= now);

function decideAttorney(grants: readonly AttorneyGrant[], action: Action, part: Part, now: Date): Decision {
  const rights = new Set(grants.filter((g) => powerInForce(g, now)).flatMap((g) => g.rights));
  if (rights.size === 0) return deny("power-ended");
  const table = action === "READ" ? ATTORNEY_READ : ATTORNEY_WRITE;
  return [...rights].some((r) => table[r].includes(part)) ? allow : deny("not-permitted");
}

function decideRelative(s: Extract<Standing, { kind: "relative" }>, action: Action, part: Part, now: Date): Decision {
  if (!relationshipActive(s, now)) return deny("relationship-ended");
  const rule = action === "READ" ? RELATIVE_READ[part] : RELATIVE_WRITE[part];
  if (rule === "always") return allow;
  if (rule && rule.some((p) => s.permissions.includes(p))) return allow;
  return deny("not-permitted");
}

/** May an actor standing so toward a record do `action` to `part` at `now`? */
export function decide(standing: Standing, action: Action, part: Part, now: Date): Decision {
  if (!PARTS.includes(part) || !(ACTIONS.includes(action as (typeof ACTIONS)[number]) || action === ASK || action === PROPOSE))
    return deny("unknown");
  if (action === PROPOSE) {
    // only staff write with the citizen, only what their area's consent lets them read, and only the citizen's own words
    if (standing.kind === "none") return deny("not-related");
    if (standing.kind !== "staff" || !PROPOSABLE_PARTS.includes(part)) return deny("not-permitted");
    return decideStaff(standing, "READ", part, now);
  }
  if (action === ASK) {
    // only staff ask, only for consent; a "staff" standing means the same municipality (lib/record/standing.ts)
    if (standing.kind === "none") return deny("not-related");
    return standing.kind === "staff" && part === "CONSENTS" ? allow : deny("not-permitted");
  }
  switch (standing.kind) {
    case "self":
      if (action === "READ") return allow;
      return SELF_WRITE.has(part) ? allow : deny("read-only");
    case "relative":
      return decideRelative(standing, action, part, now);
    case "attorney":
      return decideAttorney(standing.grants, action, part, now);
    case "staff":
      return decideStaff(standing, action, part, now);
    case "none":
      return deny("not-related");
    default:
      return deny("unknown");
  }
}

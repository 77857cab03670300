/**
 * Every operation the product offers on a citizen's record, one entry each:
 * what part it touches and how, which positions it exists for, what else the
 * same operation does (each of which the policy must allow too), and why, as a
 * code the access log keeps and the citizen's log page says in plain words.
 *
 * The record gate (lib/record/gate.ts) takes an operation's name, never a
 * hand-written access: work that is not an operation here cannot reach the
 * record. Adding an operation is one line here, a zod schema, the work, and a
 * line of server action (docs/decisions/014-operations-declared-once.md).
 *
 * Pure data, no I/O; tests/unit/operations.test.ts holds every operation
 * against every position as a table.
 */
import { decide, type Action, type Decision, type Part, type Standing } from "./policy";

/** The positions an actor can hold toward a record (the access log's ActorRole). */
export const ROLES = ["CITIZEN", "RELATIVE", "PROXY", "STAFF", "ANONYMOUS"] as const;
export type Role = (typeof ROLES)[number];

/**
 * Why a record was touched, as the access log keeps it. Each code has a plain
 * sentence in messages/ (AccessLog.purposes); the log page shows it for an
 * access that happened, where its own sentence does not already say it.
 */
export const PURPOSES = [
  "view",
  "start-plan-with",
  "edit",
  "first-visit",
  "told-once",
  "view-plan",
  "view-goal",
  "view-goals",
  "add-goal",
  "edit-goal",
  "add-step",
  "propose-step",
  "answer-proposed-step",
  "mark-step",
  "goal-reached",
  "goal-let-go",
  "view-agreements",
  "add-agreement",
  "mark-agreement",
  "view-network",
  "view-person",
  "add-person",
  "edit-person",
  "remove-person",
  "view-relatives",
  "view-relative-spaces",
  "invite-relative",
  "revoke-invitation",
  "change-relative",
  "end-relative",
  "view-consents",
  "grant-consent",
  "withdraw-consent",
  "ask-consent",
  "answer-consent",
  "cpr-lookup",
  "cpr-lookup-contacted",
  "cpr-lookup-referral",
  "cpr-lookup-meeting",
  "record-consent",
  "record-withdrawal",
  "write-with",
  "record-yes",
  "answer-written-with",
  "view-written-with",
  "print-plan",
  "view-powers",
  "grant-power",
  "end-power",
  "record-power",
  "record-power-end",
  "add-help",
  "send-message",
  "view-messages",
  "ask-for-contact",
  "view-contact-requests",
  "answer-contact-request",
  "view-red-thread",
  "offer-handover",
  "withdraw-handover",
  "accept-handover",
  "decline-handover",
  "take-red-thread",
  "work-list",
  "look-citizen-asked",
  "look-covering",
  "look-urgent",
] as const;
export type Purpose = (typeof PURPOSES)[number];

/** One part, one action: read or write a part, or ask for consent. */
export type OneOperation = {
  kind: "one";
  part: Part;
  action: Action;
  purpose: Purpose;
  /** The positions this operation exists for; without it, any position the policy allows. */
  roles?: readonly Role[];
  /** What else the same operation does; each must be allowed too, from the same position. */
  also?: readonly { part: Part; action: Action }[];
};

/**
 * Several parts read at once for one page (the plan): the profile must be
 * readable or the record is not found; each other part is shown only if allowed.
 */
export type PartsOperation = {
  kind: "parts";
  parts: readonly Part[];
  purpose: Purpose;
  /** A part whose reading by staff means something of its own (the story used instead of asked again). */
  staffPurpose?: Partial<Record<Part, Purpose>>;
};

/** A caseworker's signals across many records (the work list): per citizen, only the parts allowed. */
export type AcrossOperation = { kind: "across"; parts: readonly Part[]; purpose: Purpose };

export type Operation = OneOperation | PartsOperation | AcrossOperation;

const one = (part: Part, action: Action, purpose: Purpose, more: Pick<OneOperation, "roles" | "also"> = {}): OneOperation => ({
  kind: "one",
  part,
  action,
  purpose,
  ...more,
});

/**
 * What holding the red thread takes, beyond seeing who holds it: reading the
 * plan, answering "contact me" and writing down the agreement. A colleague is
 * offered the role only if their area's consent covers all of it, and the
 * gate asks the policy for all of it when someone takes the role.
 */
export const COORDINATOR_NEEDS: readonly { part: Part; action: Action }[] = [
  { part: "CONTACT_REQUESTS", action: "WRITE" },
  { part: "AGREEMENTS", action: "WRITE" },
  { part: "STORY", action: "READ" },
  { part: "GOALS", action: "READ" },
];
/** The parts a coordinator's work touches, the red thread itself first. */
export const COORDINATOR_PARTS: readonly Part[] = ["RED_THREAD", ...COORDINATOR_NEEDS.map((n) => n.part)];

const CITIZEN = ["CITIZEN"] as const;
/** The citizen, or someone acting for them under a power of attorney: the policy then decides by its rights. */
const FOR_CITIZEN = ["CITIZEN", "PROXY"] as const;
const STAFF = ["STAFF"] as const;

export const OPERATIONS = {
  // who the citizen is
  "profile.read": one("PROFILE", "READ", "view"),
  "profile.edit": one("PROFILE", "WRITE", "edit"),

  // the citizen's story, in their own words
  "story.read": one("STORY", "READ", "view"),
  "story.read-first-visit": one("STORY", "READ", "first-visit"),
  "story.read-told-once": one("STORY", "READ", "told-once"),
  "story.edit": one("STORY", "WRITE", "edit"),

  // how and when the citizen wants to be contacted
  "contact.read": one("CONTACT", "READ", "view"),
  "contact.edit": one("CONTACT", "WRITE", "edit"),

  // the one-page plan
  "plan.read": {
    kind: "parts",
    parts: [
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
      "ACCESS_LOG",
    ],
    purpose: "view-plan",
    // a caseworker reading the citizen's own story is the story used instead of asked again: "told once"
    staffPurpose: { STORY: "told-once" },
  },

  // the same page on paper: a caseworker's letter is a print, not the story "told once" again
  "plan.print": {
    kind: "parts",
    parts: [
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
      "ACCESS_LOG",
    ],
    purpose: "print-plan",
  },

  // goals: the citizen's own; staff only propose steps
  "goal.list": { kind: "parts", parts: ["GOALS", "NETWORK"], purpose: "view-goals" },
  "goal.read": { kind: "parts", parts: ["GOALS", "NETWORK"], purpose: "view-goal" },
  "goal.choices": { kind: "parts", parts: ["GOALS", "NETWORK"], purpose: "add-goal" },
  "goal.create": one("GOALS", "WRITE", "add-goal", { roles: FOR_CITIZEN }),
  "goal.edit": one("GOALS", "WRITE", "edit-goal", { roles: FOR_CITIZEN }),
  "goal.add-step": one("GOALS", "WRITE", "add-step", { roles: FOR_CITIZEN }),
  "goal.propose-step": one("GOALS", "WRITE", "propose-step", { roles: STAFF }),
  "goal.answer-proposed-step": one("GOALS", "WRITE", "answer-proposed-step", { roles: FOR_CITIZEN }),
  "goal.mark-step": one("GOALS", "WRITE", "mark-step", { roles: FOR_CITIZEN }),
  "goal.reach": one("GOALS", "WRITE", "goal-reached", { roles: FOR_CITIZEN }),
  "goal.let-go": one("GOALS", "WRITE", "goal-let-go", { roles: FOR_CITIZEN }),

  // agreements: what, who, by when
  "agreement.list": { kind: "parts", parts: ["AGREEMENTS", "NETWORK"], purpose: "view-agreements" },
  "agreement.add": one("AGREEMENTS", "WRITE", "add-agreement"),
  "agreement.mark": one("AGREEMENTS", "WRITE", "mark-agreement", { roles: ["CITIZEN", "PROXY", "STAFF"] }),

  // written *with* the citizen on a visit or a call (the assisted route): a caseworker writes, the citizen says
  // yes on their phone or to a caseworker (who records it), and can later undo a yes recorded for them
  "story.write-with": one("STORY", "PROPOSE", "write-with", { roles: STAFF }),
  "goal.write-with": one("GOALS", "PROPOSE", "write-with", { roles: STAFF }),
  "contact.write-with": one("CONTACT", "PROPOSE", "write-with", { roles: STAFF }),
  "story.record-yes": one("STORY", "PROPOSE", "record-yes", { roles: STAFF }),
  "goal.record-yes": one("GOALS", "PROPOSE", "record-yes", { roles: STAFF }),
  "contact.record-yes": one("CONTACT", "PROPOSE", "record-yes", { roles: STAFF }),
  "story.answer-written-with": one("STORY", "WRITE", "answer-written-with", { roles: FOR_CITIZEN }),
  "goal.answer-written-with": one("GOALS", "WRITE", "answer-written-with", { roles: FOR_CITIZEN }),
  "contact.answer-written-with": one("CONTACT", "WRITE", "answer-written-with", { roles: FOR_CITIZEN }),
  // what was written with the citizen: each text only where its part may be read
  "written-with.read": { kind: "parts", parts: ["STORY", "GOALS", "CONTACT"], purpose: "view-written-with" },

  // the people around the citizen
  "network.list": one("NETWORK", "READ", "view-network"),
  "network.read-person": one("NETWORK", "READ", "view-person"),
  "network.add-person": one("NETWORK", "WRITE", "add-person", { roles: ["CITIZEN", "RELATIVE", "PROXY"] }),
  "network.edit-person": one("NETWORK", "WRITE", "edit-person", { roles: FOR_CITIZEN }),
  "network.remove-person": one("NETWORK", "WRITE", "remove-person", { roles: FOR_CITIZEN }),

  // relatives the citizen invited, and what they shared of their own space
  "relative.list": one("RELATIVES", "READ", "view-relatives", { roles: CITIZEN }),
  "relative.read-spaces": one("RELATIVES", "READ", "view-relative-spaces", { roles: STAFF }),
  "relative.invite": one("RELATIVES", "WRITE", "invite-relative", { roles: CITIZEN }),
  "relative.revoke-invitation": one("RELATIVES", "WRITE", "revoke-invitation", { roles: CITIZEN }),
  "relative.change": one("RELATIVES", "WRITE", "change-relative", { roles: CITIZEN }),
  "relative.end": one("RELATIVES", "WRITE", "end-relative", { roles: CITIZEN }),

  // power of attorney: someone acts for the citizen. The citizen grants and ends it (not a guardianship); a
  // caseworker who works with them records one from paper or a guardianship, or its end
  "attorney.list": one("RELATIVES", "READ", "view-powers", { roles: CITIZEN }),
  "attorney.grant": one("RELATIVES", "WRITE", "grant-power", { roles: CITIZEN }),
  "attorney.end": one("RELATIVES", "WRITE", "end-power", { roles: CITIZEN }),
  "attorney.record": one("CONSENTS", "ASK", "record-power", { roles: STAFF }),
  "attorney.record-end": one("CONSENTS", "ASK", "record-power-end", { roles: STAFF }),
  "attorney.staff-list": one("CONSENTS", "ASK", "view-powers", { roles: STAFF }),

  // consent: the citizen's yes to an area, asked for just in time
  "consent.list": one("CONSENTS", "READ", "view-consents", { roles: FOR_CITIZEN }),
  // "who can see this": the areas and relatives a part is shared with, said on the page of that part
  "sharing.read": one("CONSENTS", "READ", "view-consents", { roles: CITIZEN, also: [{ part: "RELATIVES", action: "READ" }] }),
  "consent.grant": one("CONSENTS", "WRITE", "grant-consent", { roles: CITIZEN }),
  "consent.withdraw": one("CONSENTS", "WRITE", "withdraw-consent"),
  "consent.ask": one("CONSENTS", "ASK", "ask-consent", { roles: STAFF }),
  "consent.answer": one("CONSENTS", "WRITE", "answer-consent", { roles: FOR_CITIZEN }),
  // starting a plan under a number that already has one (lib/staff/start-plan.ts): the purpose is the form's own
  "citizen.find-by-cpr": one("CONSENTS", "ASK", "cpr-lookup", { roles: STAFF }),
  // the lookup form: one per purpose a caseworker can give (lib/staff/cpr.ts), so the citizen's log says why
  "citizen.find-by-cpr.contacted": one("CONSENTS", "ASK", "cpr-lookup-contacted", { roles: STAFF }),
  "citizen.find-by-cpr.referral": one("CONSENTS", "ASK", "cpr-lookup-referral", { roles: STAFF }),
  "citizen.find-by-cpr.meeting": one("CONSENTS", "ASK", "cpr-lookup-meeting", { roles: STAFF }),
  // the assisted route: a consent the citizen gave a caseworker in a conversation or on a signed paper form, for
  // the caseworker's own area; and a withdrawal told to any caseworker, for any area (recorded without saying
  // whether that area had consent: which areas help a citizen is not the recorder's to learn)
  "consent.record": one("CONSENTS", "ASK", "record-consent", { roles: STAFF }),
  "consent.record-withdrawal": one("CONSENTS", "ASK", "record-withdrawal", { roles: STAFF }),
  // a caseworker starts a plan with a citizen who has none (a visit, a call), writing down the consent given there
  // (only from the area whose new consent lets it read the name: the area the caseworker chose, not any of theirs)
  "citizen.start-with": one("CONSENTS", "ASK", "start-plan-with", { roles: STAFF, also: [{ part: "PROFILE", action: "READ" }] }),

  // what each area does, and says
  "help.add": one("HELP", "WRITE", "add-help", { roles: STAFF }),
  "message.send": one("MESSAGES", "WRITE", "send-message", { roles: STAFF }),
  "message.list": one("MESSAGES", "READ", "view-messages"),

  // "I am unsure, contact me"
  "contact-request.ask": one("CONTACT_REQUESTS", "WRITE", "ask-for-contact", { roles: FOR_CITIZEN }),
  // a relative allowed to reach the coordinator asks them to get in touch about the citizen's situation
  "contact-request.ask-as-relative": one("CONTACT_REQUESTS", "WRITE", "ask-for-contact", { roles: ["RELATIVE"] }),
  "contact-request.list": one("CONTACT_REQUESTS", "READ", "view-contact-requests"),
  "contact-request.answer": one("CONTACT_REQUESTS", "WRITE", "answer-contact-request", {
    roles: STAFF,
    also: [{ part: "AGREEMENTS", action: "WRITE" }],
  }),

  // the red thread: one coordinator, handed over only when a colleague accepts
  "red-thread.read": one("RED_THREAD", "READ", "view-red-thread"),
  "red-thread.offer": one("RED_THREAD", "WRITE", "offer-handover", { roles: STAFF }),
  "red-thread.withdraw-offer": one("RED_THREAD", "WRITE", "withdraw-handover", { roles: STAFF }),
  "red-thread.accept": one("RED_THREAD", "WRITE", "accept-handover", { roles: STAFF, also: COORDINATOR_NEEDS }),
  "red-thread.decline": one("RED_THREAD", "WRITE", "decline-handover", { roles: STAFF }),
  "red-thread.take": one("RED_THREAD", "WRITE", "take-red-thread", { roles: STAFF, also: COORDINATOR_NEEDS }),

  // the citizen's own access log
  "access-log.read": one("ACCESS_LOG", "READ", "view"),

  // need to know (decision 029): a caseworker of a consented area who is not assigned to the citizen, does not
  // hold the red thread and did not ask for the consent states why they look; the name alone is needed for it
  "look.citizen-asked": one("PROFILE", "READ", "look-citizen-asked", { roles: STAFF }),
  "look.covering": one("PROFILE", "READ", "look-covering", { roles: STAFF }),
  "look.urgent": one("PROFILE", "READ", "look-urgent", { roles: STAFF }),

  // a caseworker's work list, across the records of their areas
  "work-list.read": { kind: "across", parts: COORDINATOR_PARTS, purpose: "work-list" },
} as const satisfies Record<string, Operation>;

/**
 * Operations beside a record, not on it. Each of these decides access itself,
 * reaches the database through a named door (decision 015) and writes nothing
 * to a citizen's access log. They are listed so that every command the product
 * offers has one name here. `roles` says who can ask at all; the work narrows
 * that further, for example to the lead of the area or to the relative's own
 * active relationship.
 */
export type BesideOperation = { roles: readonly Exclude<Role, "ANONYMOUS">[]; door: "directory" | "system"; what: string };

export const BESIDE_RECORD = {
  "relative-space.save": { roles: ["RELATIVE"], door: "directory", what: "a relative writes their own space" },
  "relative-space.check-in": { roles: ["RELATIVE"], door: "directory", what: "a relative says how they are doing" },
  "relative-space.ask-contact": {
    roles: ["RELATIVE"],
    door: "directory",
    what: "a relative asks the coordinator to contact them about their own situation",
  },
  "staff-profile.save": { roles: ["STAFF"], door: "directory", what: "a caseworker writes their direct phone and hours" },
  "relative-request.answer": {
    roles: ["STAFF"],
    door: "directory",
    what: "whoever answers 'contact me' writes down what was agreed with a relative about the relative's own situation",
  },
  "team.assign": { roles: ["STAFF"], door: "directory", what: "an area lead assigns a caseworker to a citizen" },
  "team.end-assignment": { roles: ["STAFF"], door: "directory", what: "an area lead ends an assignment" },
} as const satisfies Record<string, BesideOperation>;
export type BesideOperationName = keyof typeof BESIDE_RECORD;

export type OperationName = keyof typeof OPERATIONS;
type NamesOf<K extends Operation["kind"]> = { [N in OperationName]: (typeof OPERATIONS)[N] extends { kind: K } ? N : never }[OperationName];
export type OneOperationName = NamesOf<"one">;
export type PartsOperationName = NamesOf<"parts">;
export type AcrossOperationName = NamesOf<"across">;

/** The operation of that name; throws for anything else, so no hand-made access reaches the gate. */
export function operation<K extends Operation["kind"]>(name: string, kind: K): Extract<Operation, { kind: K }> {
  const op = Object.hasOwn(OPERATIONS, name) ? (OPERATIONS as Record<string, Operation>)[name] : undefined;
  if (!op || op.kind !== kind) throw new Error(`not an operation of the record (${kind}): ${name}`);
  return op as Extract<Operation, { kind: K }>;
}

/**
 * The policy's answer for a whole operation, from one position: the position
 * must be one the operation exists for, and every part it touches allowed. A
 * page of several parts needs the profile; the rest is decided part by part
 * as it is read; a work list, any part readable (then each part on its own).
 * The gate asks this before any work runs.
 */
export function decideOperation(op: Operation, standing: Standing, role: Role, now: Date): Decision {
  if (op.kind === "parts") return decide(standing, "READ", "PROFILE", now);
  if (op.kind === "across") {
    if (standing.kind !== "staff") return { allow: false, reason: "not-permitted" };
    const readable = op.parts.map((part) => decide(standing, "READ", part, now));
    return readable.find((d) => d.allow) ?? readable[0] ?? { allow: false, reason: "unknown" };
  }
  if (op.roles && !op.roles.includes(role)) return { allow: false, reason: "not-permitted" };
  for (const { part, action } of [{ part: op.part, action: op.action }, ...(op.also ?? [])]) {
    const decision = decide(standing, action, part, now);
    if (!decision.allow) return decision;
  }
  return { allow: true };
}

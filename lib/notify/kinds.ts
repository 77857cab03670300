/**
 * What the product tells people about, and where each opens. Pure: no I/O.
 *
 * A notification is a kind and ids, never the record's words: its texts come
 * from the kind alone (messages/*.json, Notify.kinds.<kind>), so no story, goal,
 * agreement, area or citizen name can reach a mail, an SMS or a push message
 * (docs/decisions/023-notifications-through-an-outbox.md).
 */
export const KINDS = {
  // the citizen
  message: { audience: "citizen" },
  "consent-request": { audience: "citizen" },
  "contact-answered": { audience: "citizen" },
  "step-proposed": { audience: "citizen" },
  "handover-offered": { audience: "citizen" },
  "handover-accepted": { audience: "citizen" },
  "handover-stays": { audience: "citizen" },
  "review-soon": { audience: "citizen" },
  "relative-joined": { audience: "citizen" },
  "consent-recorded": { audience: "citizen" },
  "power-recorded": { audience: "citizen" },
  "written-with": { audience: "citizen" },
  "written-with-yes-recorded": { audience: "citizen" },
  "consent-withdrawal-recorded": { audience: "citizen" },
  // the coordinator, a colleague, an area lead
  "contact-new": { audience: "staff" },
  "contact-due-soon": { audience: "staff" },
  "contact-overdue": { audience: "staff" },
  "contact-overdue-lead": { audience: "staff" },
  "relative-needs-break": { audience: "staff" },
  "relative-wants-talk": { audience: "staff" },
  "handover-to-you": { audience: "staff" },
  "handover-unanswered-lead": { audience: "staff" },
  "looked-without-assignment": { audience: "staff" },
  // a relative
  "agreement-added": { audience: "relative" },
  "relative-contact-answered": { audience: "relative" },
} as const satisfies Record<string, { audience: "citizen" | "staff" | "relative" }>;

export type Kind = keyof typeof KINDS;
export const KIND_NAMES = Object.keys(KINDS) as Kind[];
export const isKind = (value: string): value is Kind => value in KINDS;

/**
 * The kinds a person may choose to have even in quiet hours and outside the
 * daily digest: what cannot wait until morning for them.
 */
export const URGENT_CHOICES: readonly Kind[] = [
  "message",
  "contact-answered",
  "relative-contact-answered",
  "contact-new",
  "contact-overdue",
  "contact-overdue-lead",
];

/** The page a notification opens, without the language: for the citizen, the relative or the caseworker. */
export function pathFor(kind: Kind, ids: { citizenId: string; goalId?: string; relationshipId?: string }): string {
  switch (kind) {
    case "message":
    case "written-with":
    case "written-with-yes-recorded":
    case "handover-offered":
    case "handover-accepted":
    case "handover-stays":
      return "/plan";
    case "consent-request":
    case "consent-recorded":
    case "consent-withdrawal-recorded":
      return "/plan/consents";
    case "contact-answered":
      return "/plan/agreements";
    case "step-proposed":
    case "review-soon":
      return ids.goalId ? `/plan/goals/${ids.goalId}` : "/plan/goals";
    case "relative-joined":
      // straight to who joined, with "this is not them: end it" one tap away
      return ids.relationshipId ? `/plan/relatives?joined=${ids.relationshipId}` : "/plan/relatives";
    case "power-recorded":
      return "/plan/relatives";
    case "contact-new":
    case "contact-due-soon":
    case "contact-overdue":
    case "contact-overdue-lead":
    case "relative-needs-break":
    case "relative-wants-talk":
    case "handover-to-you":
      return `/staff/citizens/${ids.citizenId}`;
    case "handover-unanswered-lead":
    case "looked-without-assignment":
      return "/staff/team";
    case "agreement-added":
    case "relative-contact-answered":
      return `/relative/${ids.citizenId}`;
  }
}

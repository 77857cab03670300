import { KINDS } from "../notify/kinds";

/**
 * Which message namespaces a citizen or a relative reads: the words the LIX test
 * holds to plain Danish (issue 16, part 6) and the words an easy-read version
 * exists for (part 1). Everything else in messages/ is read by staff only.
 * A new namespace is citizen-facing unless it is named in STAFF_NAMESPACES: the
 * safe default, since a forgotten one is then measured rather than skipped.
 */
export const STAFF_NAMESPACES: readonly string[] = [
  "Staff",
  "StaffForms",
  "StaffCitizen",
  "StaffTeam",
  "StaffProfile",
  "TeamForms",
  "CprLookup",
  "StartPlan",
  "RecordConsent",
  "WriteWith",
  // the caseworker's plain-language check beside the fields they write in
  "PlainLanguage",
  // the demo's own pages (the outbox), not part of the service
  "Demo",
];

export function isCitizenFacing(namespace: string): boolean {
  return !STAFF_NAMESPACES.includes(namespace);
}

/**
 * Messages read by staff only although their namespace is shared with citizens: the errors of
 * the caseworkers' own actions in Validation, the staff sign-in's errors, and the notifications
 * whose audience is staff (lib/notify/kinds.ts) in Notify and ForYou. The LIX test and the
 * easy-read catalogue leave them out, as they leave out the staff namespaces.
 */
export const STAFF_ONLY_MESSAGES: readonly string[] = [
  "Validation.alreadyAsked",
  "Validation.handoverPending",
  "Validation.handoverGone",
  "Validation.alreadyAssigned",
  "Validation.planExists",
  "Validation.changedSinceWritten",
  "Validation.documentSeen",
  "SignIn.errorStaff",
  "SignIn.errorStaffNotLinked",
];

/**
 * Messages a citizen reads although their namespace is the staff's: the ways a plan was begun
 * with them, named on their own plan (components/plan/StartedWithNotice.tsx).
 */
export const CITIZEN_MESSAGES_IN_STAFF_NAMESPACES: readonly string[] = ["StartPlan.channels"];

const staffKinds = Object.entries(KINDS)
  .filter(([, kind]) => kind.audience === "staff")
  .map(([name]) => name);

/** Whether a citizen or a relative reads the message with this dotted key ("Plan.title"). */
export function isCitizenMessage(key: string): boolean {
  const [namespace, group, kind] = key.split(".");
  if (CITIZEN_MESSAGES_IN_STAFF_NAMESPACES.some((prefix) => key === prefix || key.startsWith(`${prefix}.`))) return true;
  if (!namespace || !isCitizenFacing(namespace) || STAFF_ONLY_MESSAGES.includes(key)) return false;
  return !((namespace === "Notify" || namespace === "ForYou") && group === "kinds" && kind && staffKinds.includes(kind));
}

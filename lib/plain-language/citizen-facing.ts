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

"use server";

import { buttonAction, formAction } from "@/lib/forms/form-action";
import { assignCaseworker, endAssignment } from "@/lib/staff/team";

// An area lead's actions on their team. Who is lead of which area is read from
// the database on every call (lib/staff/team.ts); the form says only which.

export const assignCaseworkerAction = formAction({
  actor: "signed-in",
  command: assignCaseworker,
  fields: ["serviceAreaId", "citizenId", "staffId"],
  revalidate: ["/staff/team", "/staff"],
});

/** Ending an assignment: one button, a plain form; the page says how it went (refused while the caseworker holds the red thread). */
export const endAssignmentAction = buttonAction({
  actor: "signed-in",
  command: endAssignment,
  input: (formData) => ({ assignmentId: formData.get("assignmentId") }),
  revalidate: [{ layout: "/staff" }],
  ok: "ended",
  refused: (result) =>
    result.error === "invalid" && result.fieldErrors._form?.includes("Validation.handOverFirst") ? "handOverFirst" : undefined,
  back: (notice) => `/staff/team?notice=${notice}`,
});

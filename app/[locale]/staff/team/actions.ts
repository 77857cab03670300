"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getLocale } from "next-intl/server";
import { getActor } from "@/lib/auth/actor";
import { assignCaseworker, endAssignment } from "@/lib/staff/team";
import { formValues, toFormState, type FormState } from "@/lib/forms/form-state";

// An area lead's actions on their team. Who is lead of which area is read from
// the database on every call (lib/staff/team.ts); the form says only which.

export async function assignCaseworkerAction(_: FormState, formData: FormData): Promise<FormState> {
  const values = formValues(formData, ["serviceAreaId", "citizenId", "staffId"]);
  const result = await assignCaseworker(await getActor(), values);
  const locale = await getLocale();
  if (result.ok) {
    revalidatePath(`/${locale}/staff/team`);
    revalidatePath(`/${locale}/staff`);
  }
  return toFormState(result, values);
}

/** Ending an assignment: one button, a plain form; the page says how it went (refused while the caseworker holds the red thread). */
export async function endAssignmentAction(formData: FormData): Promise<void> {
  const locale = await getLocale();
  const result = await endAssignment(await getActor(), { assignmentId: formData.get("assignmentId") });
  const notice = result.ok
    ? "ended"
    : result.error === "invalid" && result.fieldErrors._form?.includes("Validation.handOverFirst")
      ? "handOverFirst"
      : "failed";
  revalidatePath(`/${locale}/staff`, "layout");
  redirect(`/${locale}/staff/team?notice=${notice}`);
}

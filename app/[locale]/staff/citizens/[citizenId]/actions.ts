"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getLocale } from "next-intl/server";
import { getActor } from "@/lib/auth/actor";
import { answerHandover, offerHandover, takeRedThread, withdrawHandover } from "@/lib/coordination/commands";
import { closeContactRequest } from "@/lib/contact-requests/commands";
import { sendMessage } from "@/lib/messages/commands";
import { proposeGoalStep } from "@/lib/goals/commands";
import { setAgreementStatus } from "@/lib/agreements/commands";
import { formValues, toFormState, type FormState } from "@/lib/forms/form-state";
import type { Result } from "@/lib/validation/result";

// A caseworker's actions on one citizen's shared plan (the citizen id is bound
// on the page). Who acts, and for which area, comes from the session; the
// gate decides on every call. Forms get their state back; one-button forms
// come back to the page with a notice code.

type StaffNotice = "marked" | "withdrawn" | "declined" | "taken";

async function page(citizenId: string) {
  return `/${await getLocale()}/staff/citizens/${encodeURIComponent(citizenId)}`;
}

async function saved<T>(citizenId: string, result: Result<T>, values: Record<string, string | string[]>) {
  if (result.ok) revalidatePath(await page(citizenId));
  return toFormState(result, values);
}

async function backWith(citizenId: string, result: Result<unknown>, ok: StaffNotice): Promise<never> {
  const to = await page(citizenId);
  revalidatePath(to);
  redirect(`${to}?notice=${result.ok ? ok : result.error === "conflict" ? "conflict" : "failed"}`);
}

export async function offerHandoverAction(citizenId: string, _: FormState, formData: FormData): Promise<FormState> {
  const values = formValues(formData, ["toStaffId", "note"]);
  return saved(citizenId, await offerHandover(await getActor(), { citizenId, ...values }), values);
}

/** Accepting the red thread: with the colleague's word that they have read the plan. */
export async function acceptHandoverAction(citizenId: string, _: FormState, formData: FormData): Promise<FormState> {
  const values = formValues(formData, ["handoverId", "planRead"]);
  const result = await answerHandover(await getActor(), { citizenId, ...values, answer: "ACCEPT" });
  if (result.ok) {
    revalidatePath(`/${await getLocale()}/staff`, "layout");
    return { status: "saved" };
  }
  return toFormState(result, values);
}

export async function declineHandoverAction(citizenId: string, formData: FormData): Promise<void> {
  await backWith(
    citizenId,
    await answerHandover(await getActor(), { citizenId, handoverId: formData.get("handoverId"), answer: "DECLINE", planRead: "" }),
    "declined",
  );
}

export async function withdrawHandoverAction(citizenId: string, formData: FormData): Promise<void> {
  await backWith(citizenId, await withdrawHandover(await getActor(), { citizenId, handoverId: formData.get("handoverId") }), "withdrawn");
}

export async function takeRedThreadAction(citizenId: string): Promise<void> {
  await backWith(citizenId, await takeRedThread(await getActor(), { citizenId }), "taken");
}

/** Closing "contact me" by writing down the agreement made, which the citizen then sees. */
export async function closeContactRequestAction(citizenId: string, _: FormState, formData: FormData): Promise<FormState> {
  const values = formValues(formData, ["requestId", "what", "dueOn"]);
  return saved(citizenId, await closeContactRequest(await getActor(), { citizenId, ...values }), values);
}

export async function sendMessageAction(citizenId: string, _: FormState, formData: FormData): Promise<FormState> {
  const values = formValues(formData, ["text"]);
  return saved(citizenId, await sendMessage(await getActor(), { citizenId, ...values }), values);
}

export async function proposeStepAction(citizenId: string, _: FormState, formData: FormData): Promise<FormState> {
  const values = formValues(formData, ["goalId", "text"]);
  return saved(citizenId, await proposeGoalStep(await getActor(), { citizenId, ...values }), values);
}

/** Done, not done, or open again, by the area: a plain form, so it works without JavaScript. */
export async function markAgreementStaffAction(citizenId: string, formData: FormData): Promise<void> {
  const result = await setAgreementStatus(await getActor(), {
    citizenId,
    agreementId: formData.get("agreementId"),
    status: formData.get("status"),
    version: formData.get("version"),
  });
  await backWith(citizenId, result, "marked");
}

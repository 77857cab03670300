"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getLocale } from "next-intl/server";
import { citizenFromSession } from "@/lib/auth/citizen";
import { getActor } from "@/lib/auth/actor";
import { addAgreement, setAgreementStatus } from "@/lib/agreements/commands";
import { formValues, toFormState, type FormState } from "@/lib/forms/form-state";

/** Writes down a new agreement in the signed-in citizen's plan. */
export async function addAgreementAction(_: FormState, formData: FormData): Promise<FormState> {
  const values = formValues(formData, ["what", "who", "dueOn"]);
  const me = await citizenFromSession();
  if (!me) return { status: "failed", values };
  const result = await addAgreement(me.actor, { citizenId: me.citizenId, ...values });
  if (result.ok) revalidatePath(`/${await getLocale()}/plan`, "layout");
  return toFormState(result, values);
}

/**
 * Writes down an agreement in the plan `citizenId` (bound by the page) as
 * whoever is signed in: a relative allowed to add agreements, or a caseworker
 * of a consented area. The gate decides, on every call.
 */
export async function addAgreementTo(citizenId: string, _: FormState, formData: FormData): Promise<FormState> {
  const values = formValues(formData, ["what", "who", "dueOn"]);
  const result = await addAgreement(await getActor(), { citizenId, ...values });
  if (result.ok) revalidatePath(`/${await getLocale()}`, "layout");
  return toFormState(result, values);
}

/** Done, not done, or open again: a plain form, so it works without JavaScript; the page says how it went. */
export async function markAgreementAction(formData: FormData): Promise<void> {
  const locale = await getLocale();
  const me = await citizenFromSession();
  const result = me
    ? await setAgreementStatus(me.actor, {
        citizenId: me.citizenId,
        agreementId: formData.get("agreementId"),
        status: formData.get("status"),
        version: formData.get("version"),
      })
    : null;
  const notice = result?.ok ? "marked" : result?.error === "conflict" ? "conflict" : "failed";
  revalidatePath(`/${locale}/plan`, "layout");
  redirect(`/${locale}/plan/agreements?notice=${notice}`);
}

"use server";

import { revalidatePath } from "next/cache";
import { getLocale } from "next-intl/server";
import { getActor } from "@/lib/auth/actor";
import { requestConsent } from "@/lib/consent/requests";
import { addAreaHelp } from "@/lib/help/commands";
import { findCitizens } from "@/lib/staff/caseload";
import { lookupByCpr, type CprFound } from "@/lib/staff/cpr-lookup";
import { findCitizenSchema } from "@/lib/staff/find-schema";
import { formValues, toFormState, type FormState } from "@/lib/forms/form-state";

export type FindState = { query: string; found: { citizenId: string; name: string }[] | null };

/** Finding a citizen of my areas by name: posted, so a name is never in an address or a log. */
export async function findCitizenAction(_: FindState, formData: FormData): Promise<FindState> {
  const parsed = findCitizenSchema.safeParse({ q: formData.get("q") ?? "" });
  if (!parsed.success) return { query: "", found: [] };
  const query = parsed.data.q;
  return { query, found: await findCitizens(await getActor(), query) };
}

/**
 * How an exact CPR lookup went. The number itself is never in it: it is not
 * sent back, so it is neither shown again nor kept in the browser.
 */
export type CprState =
  | { status: "idle" | "none" | "throttled" }
  | { status: "invalid"; fieldErrors: Record<string, string[]> }
  | { status: "found"; found: CprFound };

/** An exact CPR-number lookup in my municipality: posted (never in an address), logged when someone is found. */
export async function cprLookupAction(_: CprState, formData: FormData): Promise<CprState> {
  const result = await lookupByCpr(await getActor(), { cpr: formData.get("cpr") ?? "" });
  if (result.ok) return result.value ? { status: "found", found: result.value } : { status: "none" };
  if (result.error === "invalid") return { status: "invalid", fieldErrors: result.fieldErrors };
  if (result.error === "throttled") return { status: "throttled" };
  return { status: "none" };
}

// A caseworker's actions on one citizen (the id is bound on the page). Identity
// and areas come from the session; the gate decides on every call.

async function done(citizenId: string) {
  revalidatePath(`/${await getLocale()}/staff/citizens/${citizenId}`);
}

export async function askConsentAction(citizenId: string, _: FormState, formData: FormData): Promise<FormState> {
  const values = formValues(formData, ["serviceAreaId", "reason", "parts"]);
  const result = await requestConsent(await getActor(), { citizenId, ...values, parts: formData.getAll("parts") });
  if (result.ok) {
    await done(citizenId);
    // asking may have put the citizen on my list (an exact lookup, then asking from /staff)
    revalidatePath(`/${await getLocale()}/staff`);
  }
  return toFormState(result, values);
}

export async function addHelpAction(citizenId: string, _: FormState, formData: FormData): Promise<FormState> {
  const values = formValues(formData, ["what", "howOften", "until"]);
  const result = await addAreaHelp(await getActor(), { citizenId, ...values });
  if (result.ok) await done(citizenId);
  return toFormState(result, values);
}

"use server";

import { revalidatePath } from "next/cache";
import { getLocale } from "next-intl/server";
import { getActor } from "@/lib/auth/actor";
import { requestConsent } from "@/lib/consent/requests";
import { addAreaHelp } from "@/lib/help/commands";
import { findCitizens } from "@/lib/staff/caseload";
import { formValues, toFormState, type FormState } from "@/lib/validation/form-state";

export type FindState = { query: string; found: { citizenId: string; name: string }[] | null };

/** Finding a citizen of my areas by name: posted, so a name is never in an address or a log. */
export async function findCitizenAction(_: FindState, formData: FormData): Promise<FindState> {
  const query = String(formData.get("q") ?? "").slice(0, 100);
  return { query, found: await findCitizens(await getActor(), query) };
}

// A caseworker's actions on one citizen (the id is bound on the page). Identity
// and areas come from the session; the gate decides on every call.

async function done(citizenId: string) {
  revalidatePath(`/${await getLocale()}/staff/citizens/${citizenId}`);
}

export async function askConsentAction(citizenId: string, _: FormState, formData: FormData): Promise<FormState> {
  const values = formValues(formData, ["serviceAreaId", "reason", "parts"]);
  const result = await requestConsent(await getActor(), { citizenId, ...values, parts: formData.getAll("parts") });
  if (result.ok) await done(citizenId);
  return toFormState(result, values);
}

export async function addHelpAction(citizenId: string, _: FormState, formData: FormData): Promise<FormState> {
  const values = formValues(formData, ["what", "howOften", "until"]);
  const result = await addAreaHelp(await getActor(), { citizenId, ...values });
  if (result.ok) await done(citizenId);
  return toFormState(result, values);
}

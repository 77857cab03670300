"use server";

import { getActor } from "@/lib/auth/actor";
import { requestConsent } from "@/lib/consents/requests";
import { formAction, formActionFor } from "@/lib/forms/form-action";
import { addAreaHelp } from "@/lib/help/commands";
import { findCitizens } from "@/lib/staff/caseload";
import { lookupByCpr } from "@/lib/staff/cpr-lookup";
import { startPlanWith } from "@/lib/staff/start-plan";
import { saveOwnProfile } from "@/lib/staff/profile";
import { findCitizenSchema } from "@/lib/staff/find-schema";
import type { CprState, FindState } from "@/lib/staff/forms";

// Not formAction: a search is a query, not a command, and hands back what it found.
/** Finding a citizen of my areas by name: posted, so a name is never in an address or a log. */
export async function findCitizenAction(_: FindState, formData: FormData): Promise<FindState> {
  const parsed = findCitizenSchema.safeParse({ q: formData.get("q") ?? "" });
  if (!parsed.success) return { query: "", found: [] };
  const query = parsed.data.q;
  return { query, found: await findCitizens(await getActor(), query) };
}

// Not formAction: it hands back whom it found, and never the number typed (no values kept).
/** An exact CPR-number lookup in my municipality: posted (never in an address), logged when someone is found. */
export async function cprLookupAction(_: CprState, formData: FormData): Promise<CprState> {
  const purpose = formData.get("purpose");
  const result = await lookupByCpr(await getActor(), { cpr: formData.get("cpr") ?? "", purpose });
  if (result.ok) return result.value ? { status: "found", found: result.value } : { status: "none" };
  // the purpose chosen stays chosen (the number is never sent back)
  if (result.error === "invalid")
    return { status: "invalid", fieldErrors: result.fieldErrors, purpose: typeof purpose === "string" ? purpose.slice(0, 40) : undefined };
  if (result.error === "throttled") return { status: "throttled" };
  return { status: "none" };
}

// A caseworker's actions on one citizen (the id is bound on the page). Identity
// and areas come from the session; the gate decides on every call.

const citizenPage = (citizenId: string) => `/staff/citizens/${citizenId}`;

export const askConsentAction = formActionFor({
  command: requestConsent,
  fields: ["serviceAreaId", "reason", "parts"],
  input: (formData) => ({ parts: formData.getAll("parts") }),
  // asking may have put the citizen on my list (an exact lookup, then asking from /staff)
  revalidate: ({ citizenId }) => [citizenPage(citizenId), "/staff"],
});

export const addHelpAction = formActionFor({
  command: addAreaHelp,
  fields: ["what", "howOften", "until"],
  revalidate: ({ citizenId }) => [citizenPage(citizenId)],
});

export const startPlanAction = formAction({
  command: startPlanWith,
  actor: "signed-in",
  // never the CPR number: a refused form comes back without it, so it is neither shown again nor kept in the browser
  fields: ["name", "channel", "serviceAreaId", "parts", "months", "how"],
  input: (formData) => ({ cpr: formData.get("cpr") ?? "", parts: formData.getAll("parts"), agreed: formData.get("agreed") ?? "" }),
  revalidate: ["/staff"],
  redirectTo: ({ citizenId }) => `/staff/citizens/${citizenId}`,
});

/** My direct phone and hours, on my staff profile. */
export const saveStaffProfileAction = formAction({
  actor: "signed-in",
  command: saveOwnProfile,
  fields: ["phone", "hours"],
  revalidate: ["/staff/profile"],
});

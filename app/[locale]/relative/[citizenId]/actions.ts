"use server";

import { revalidatePath } from "next/cache";
import { getLocale } from "next-intl/server";
import { getActor } from "@/lib/auth/actor";
import { addNetworkMember } from "@/lib/network/commands";
import { addCheckIn, saveOwnSpace } from "@/lib/relatives/space";
import { formValues, toFormState, type FormState } from "@/lib/forms/form-state";

// A relative's actions on a plan shared with them. The plan's id is bound on the
// page; whether they may do it is decided by the gate (or, for their own space,
// by their own active relationship), on every call.

async function done(citizenId: string) {
  revalidatePath(`/${await getLocale()}/relative/${citizenId}`, "layout");
}

export async function relativeAddPerson(citizenId: string, _: FormState, formData: FormData): Promise<FormState> {
  const values = formValues(formData, ["kind", "name", "relation", "closeness", "helpsWith", "contact"]);
  const result = await addNetworkMember(await getActor(), { citizenId, ...values });
  if (result.ok) await done(citizenId);
  return toFormState(result, values);
}

export async function saveSpaceAction(citizenId: string, _: FormState, formData: FormData): Promise<FormState> {
  const names = ["helpWish", "canDo", "needsRespite", "wantsPeers", "wantsCoordinator", "sharedWithCitizen", "sharedWithStaff", "version"];
  const values = formValues(formData, names);
  const result = await saveOwnSpace(await getActor(), { citizenId, ...values });
  if (result.ok) await done(citizenId);
  return toFormState(result, values, (v) => v.version);
}

export async function checkInAction(citizenId: string, _: FormState, formData: FormData): Promise<FormState> {
  const values = formValues(formData, ["feeling", "note"]);
  const result = await addCheckIn(await getActor(), { citizenId, ...values });
  if (result.ok) await done(citizenId);
  return toFormState(result, values);
}

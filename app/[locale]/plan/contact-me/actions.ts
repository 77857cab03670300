"use server";

import { revalidatePath } from "next/cache";
import { getLocale } from "next-intl/server";
import { citizenFromSession } from "@/lib/auth/citizen";
import { askForContact } from "@/lib/contact-requests/commands";
import { formValues, toFormState, type FormState } from "@/lib/forms/form-state";

/** "I am unsure, contact me": the signed-in citizen asks their coordinator to get in touch. */
export async function askForContactAction(_: FormState, formData: FormData): Promise<FormState> {
  const values = formValues(formData, ["text", "channel"]);
  const me = await citizenFromSession();
  if (!me) return { status: "failed", values };
  const result = await askForContact(me.actor, { citizenId: me.citizenId, ...values });
  if (result.ok) revalidatePath(`/${await getLocale()}/plan`, "layout");
  return toFormState(result, values);
}

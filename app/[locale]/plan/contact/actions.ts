"use server";

import { revalidatePath } from "next/cache";
import { getLocale } from "next-intl/server";
import { getActor } from "@/lib/auth/actor";
import { updateContactPreferences } from "@/lib/contact/commands";

export type ContactFormState = {
  status: "idle" | "saved" | "invalid" | "conflict" | "failed";
  fieldErrors?: Record<string, string[]>;
  version?: number;
};

/** Saves the signed-in citizen's contact wishes. Identity comes from the session, never the form. */
export async function saveContactPreferences(_: ContactFormState, formData: FormData): Promise<ContactFormState> {
  const actor = await getActor();
  if (actor.kind !== "user" || !actor.citizenId) return { status: "failed" };
  const input = Object.fromEntries(
    ["channel", "times", "visit", "language", "interpreter", "someonePresent", "version"].map((k) => [k, formData.get(k) ?? undefined]),
  );
  const result = await updateContactPreferences(actor, { ...input, citizenId: actor.citizenId });
  if (result.ok) {
    revalidatePath(`/${await getLocale()}/plan/contact`);
    return { status: "saved", version: result.value.version };
  }
  if (result.error === "invalid") return { status: "invalid", fieldErrors: result.fieldErrors };
  if (result.error === "conflict") return { status: "conflict" };
  return { status: "failed" };
}

"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getLocale } from "next-intl/server";
import { getActor } from "@/lib/auth/actor";
import { updateSettings } from "@/lib/profile/commands";

// Not buttonAction: it goes on in the language just chosen (from the result), with its own ?saved / ?problem words.
/** Saves the signed-in citizen's settings, then shows them in the chosen language. */
export async function saveSettings(formData: FormData) {
  const actor = await getActor();
  const locale = await getLocale();
  if (actor.kind !== "user" || !actor.citizenId) redirect(`/${locale}/sign-in`);
  const result = await updateSettings(actor, {
    citizenId: actor.citizenId,
    preferredLocale: formData.get("preferredLocale"),
    plainLanguage: formData.get("plainLanguage") ?? false,
    version: formData.get("version"),
  });
  // easy-read is in every page's words, the client components' too (decision 036): none may stay as they were,
  // also after a refused save, which shows the settings as another window saved them
  revalidatePath("/", "layout");
  if (result.ok) {
    redirect(`/${result.value.preferredLocale}/plan/settings?saved=1`);
  }
  redirect(`/${locale}/plan/settings?problem=${result.error === "conflict" ? "conflict" : "failed"}`);
}

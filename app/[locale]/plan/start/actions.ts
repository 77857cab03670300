"use server";

import { redirect } from "next/navigation";
import { getLocale } from "next-intl/server";
import { getActor } from "@/lib/auth/actor";
import { updateStorySection } from "@/lib/story/commands";
import type { StartFormState } from "@/lib/story/forms";
import { START_STEPS, nextStartPath } from "@/lib/story/start";

// Not formAction: an empty answer skips the command, and every outcome but a refusal goes on to another page.
/** Saves one answer of the first-visit questions as a story section, then goes on. An empty answer is a skip. */
export async function saveStartAnswer(_: StartFormState, formData: FormData): Promise<StartFormState> {
  const actor = await getActor();
  const locale = await getLocale();
  if (actor.kind !== "user" || !actor.citizenId) redirect(`/${locale}/sign-in`);
  const step = Number(formData.get("step"));
  const kind = START_STEPS[step - 1];
  if (!kind) redirect(`/${locale}/plan`);
  const text = String(formData.get("text") ?? "").trim();
  if (text) {
    const result = await updateStorySection(actor, { citizenId: actor.citizenId, kind, text, version: formData.get("version") });
    if (!result.ok) {
      if (result.error === "invalid") return { fieldErrors: result.fieldErrors };
      // someone wrote this section meanwhile: the story page shows both versions
      if (result.error === "conflict") redirect(`/${locale}/plan/story#${kind}`);
      return { formError: "StoryForm.failed" };
    }
  }
  redirect(`/${locale}${nextStartPath(step)}`);
}

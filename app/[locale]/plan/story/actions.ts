"use server";

import { revalidatePath } from "next/cache";
import { getLocale } from "next-intl/server";
import { getActor } from "@/lib/auth/actor";
import { updateStorySection } from "@/lib/story/commands";
import type { StorySectionDto } from "@/lib/story/dto";
import type { StoryFormState } from "@/lib/story/forms";

// Not formAction: a conflict hands back the newer copy beside the citizen's words, which FormState cannot carry.
/** Saves one section of the signed-in citizen's own story. Identity comes from the session, never the form. */
export async function saveStorySection(_: StoryFormState, formData: FormData): Promise<StoryFormState> {
  const actor = await getActor();
  const text = String(formData.get("text") ?? "");
  if (actor.kind !== "user" || !actor.citizenId) return { status: "failed", text };
  const result = await updateStorySection(actor, {
    citizenId: actor.citizenId,
    kind: formData.get("kind"),
    text: formData.get("text"),
    version: formData.get("version"),
  });
  if (result.ok) {
    revalidatePath(`/${await getLocale()}/plan`);
    return { status: "saved", text: result.value.text, version: result.value.version };
  }
  if (result.error === "invalid") return { status: "invalid", text, fieldErrors: result.fieldErrors };
  if (result.error === "conflict") {
    const current = result.current as StorySectionDto | null;
    return { status: "conflict", mine: text, theirs: current?.text ?? "", theirsVersion: current?.version ?? 0 };
  }
  return { status: "failed", text };
}

"use server";

import { updateContactPreferences } from "@/lib/contact/commands";
import { formAction } from "@/lib/forms/form-action";

const FIELDS = ["channel", "times", "visit", "language", "interpreter", "someonePresent", "version"];

/** Saves the signed-in citizen's contact wishes. Identity comes from the session, never the form. */
export const saveContactPreferences = formAction({
  command: updateContactPreferences,
  // what was written comes back on a refusal; a field not sent stays undefined, not ""
  fields: FIELDS.filter((f) => f !== "version"),
  input: (formData) => Object.fromEntries(FIELDS.map((k) => [k, formData.get(k) ?? undefined])),
  revalidate: ["/plan/contact"],
  onSaved: (value) => ({ status: "saved", version: value.version }),
  // saving again after a conflict saves what the person wrote over the newer copy, by their choice
  conflictVersion: (current) => (current as { version?: number } | null)?.version ?? 0,
});

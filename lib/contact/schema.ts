import { z } from "zod";

// Safe for the browser. Errors are message keys.
export const CONTACT_CHANNELS = ["PHONE", "SMS", "EMAIL", "LETTER", "VISIT"] as const;
export const VISIT_PREFERENCES = ["NO_PREFERENCE", "RING_DOORBELL", "CALL_BEFORE"] as const;
export const INTERPRETER_NEEDS = ["NONE", "SPOKEN_LANGUAGE", "SIGN_LANGUAGE"] as const;
export const CONTACT_TEXT_MAX = 300;

const words = z
  .string({ error: "Validation.invalid" })
  .transform((s) => s.trim())
  .pipe(z.string().max(CONTACT_TEXT_MAX, { error: "Validation.tooLong" }));

export const updateContactSchema = z.object({
  citizenId: z.uuid({ error: "Validation.invalid" }),
  channel: z.enum(CONTACT_CHANNELS, { error: "Validation.chooseOne" }),
  times: words,
  visit: z.enum(VISIT_PREFERENCES, { error: "Validation.chooseOne" }),
  /** The language the citizen wants to be spoken to in, in their own words. */
  language: z
    .string({ error: "Validation.invalid" })
    .transform((s) => s.trim())
    .pipe(z.string().max(60, { error: "Validation.tooLong" })),
  interpreter: z.enum(INTERPRETER_NEEDS, { error: "Validation.chooseOne" }),
  someonePresent: words,
  version: z.coerce.number({ error: "Validation.invalid" }).int({ error: "Validation.invalid" }).min(0, { error: "Validation.invalid" }),
});
export type ContactPreferencesDto = Omit<z.output<typeof updateContactSchema>, "citizenId">;

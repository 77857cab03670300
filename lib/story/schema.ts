import { z } from "zod";

// Safe for the browser: no Prisma, no server code. Errors are message keys.

export const STORY_SECTIONS = ["ABOUT_ME", "WHAT_MATTERS", "GOOD_DAY", "WHAT_IS_HARD", "HOW_TO_SUPPORT", "LIFE_SO_FAR"] as const;
export type StorySectionKind = (typeof STORY_SECTIONS)[number];
export const STORY_TEXT_MAX = 4000;

export const updateStorySectionSchema = z.object({
  citizenId: z.uuid({ error: "Validation.invalid" }),
  kind: z.enum(STORY_SECTIONS, { error: "Validation.invalid" }),
  text: z
    .string({ error: "Validation.required" })
    .transform((s) => s.replace(/\r\n/g, "\n").trim())
    .pipe(z.string().max(STORY_TEXT_MAX, { error: "Validation.tooLong" })),
  /** The version the writer started from; 0 when the section was empty. */
  version: z.coerce.number({ error: "Validation.invalid" }).int({ error: "Validation.invalid" }).min(0, { error: "Validation.invalid" }),
});
export type UpdateStorySectionInput = z.input<typeof updateStorySectionSchema>;

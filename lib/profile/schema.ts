import { z } from "zod";
import { routing } from "@/lib/i18n/routing";

export const updateSettingsSchema = z.object({
  citizenId: z.uuid({ error: "Validation.invalid" }),
  preferredLocale: z.enum(routing.locales, { error: "Validation.chooseOne" }),
  /** A checkbox: present ("on") or absent. */
  plainLanguage: z.preprocess((v) => v === true || v === "on" || v === "true", z.boolean()),
  version: z.coerce.number({ error: "Validation.invalid" }).int({ error: "Validation.invalid" }).min(1, { error: "Validation.invalid" }),
});
export type SettingsDto = { preferredLocale: (typeof routing.locales)[number]; plainLanguage: boolean; version: number };

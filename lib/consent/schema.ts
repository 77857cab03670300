import { z } from "zod";
import { CONSENTABLE_PARTS, type Part } from "@/lib/access/policy";

export const grantConsentSchema = z.object({
  citizenId: z.uuid({ error: "Validation.invalid" }),
  serviceAreaId: z.uuid({ error: "Validation.invalid" }),
  parts: z
    .array(z.enum(CONSENTABLE_PARTS as [Part, ...Part[]], { error: "Validation.invalid" }), { error: "Validation.required" })
    .min(1, { error: "Validation.chooseAtLeastOne" }),
  validUntil: z.coerce.date({ error: "Validation.invalidDate" }).nullable().default(null),
  reason: z.string().max(500, { error: "Validation.tooLong" }).default(""),
});

export const withdrawConsentSchema = z.object({
  citizenId: z.uuid({ error: "Validation.invalid" }),
  consentId: z.uuid({ error: "Validation.invalid" }),
});

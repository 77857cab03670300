import { z } from "zod";
import { CONSENTABLE_PARTS, type Part } from "@/lib/access/policy";
import { endOfDanishDay, listOf, todayInDenmark } from "@/lib/validation/fields";

export const grantConsentSchema = z
  .object({
    citizenId: z.uuid({ error: "Validation.invalid" }),
    serviceAreaId: z.uuid({ error: "Validation.invalid" }),
    parts: z
      .array(z.enum(CONSENTABLE_PARTS as [Part, ...Part[]], { error: "Validation.invalid" }), { error: "Validation.required" })
      .min(1, { error: "Validation.chooseAtLeastOne" }),
    validUntil: z.coerce.date({ error: "Validation.invalidDate" }).nullable().default(null),
    reason: z.string().max(500, { error: "Validation.tooLong" }).default(""),
  })
  .refine((c) => !c.validUntil || c.validUntil > new Date(), { path: ["validUntil"], error: "Validation.dateInPast" });

export const withdrawConsentSchema = z.object({
  citizenId: z.uuid({ error: "Validation.invalid" }),
  consentId: z.uuid({ error: "Validation.invalid" }),
});

// Consent asked just in time: the request, and the citizen's answer.
export const CONSENT_REASON_MAX = 500;
export const CONSENT_DURATIONS = ["3m", "6m", "1y", "open"] as const;
const consentParts = listOf(z.enum(CONSENTABLE_PARTS as [Part, ...Part[]], { error: "Validation.invalid" }), { min: 1 }).transform((p) => [
  ...new Set(p),
]);

export const requestConsentSchema = z.object({
  citizenId: z.uuid({ error: "Validation.invalid" }),
  serviceAreaId: z.uuid({ error: "Validation.invalid" }),
  /** Why, in plain words the citizen will read. */
  reason: z
    .string({ error: "Validation.required" })
    .transform((s) => s.replace(/\r\n/g, "\n").trim())
    .pipe(z.string().min(1, { error: "Validation.required" }).max(CONSENT_REASON_MAX, { error: "Validation.tooLong" })),
  parts: consentParts,
});

export const answerConsentRequestSchema = z.discriminatedUnion(
  "answer",
  [
    z.object({
      answer: z.literal("APPROVE"),
      citizenId: z.uuid({ error: "Validation.invalid" }),
      requestId: z.uuid({ error: "Validation.invalid" }),
      parts: consentParts,
      duration: z.enum(CONSENT_DURATIONS, { error: "Validation.chooseOne" }),
    }),
    z.object({
      answer: z.literal("DECLINE"),
      citizenId: z.uuid({ error: "Validation.invalid" }),
      requestId: z.uuid({ error: "Validation.invalid" }),
    }),
  ],
  { error: "Validation.chooseOne" },
);

/** When a consent given for `duration` from `now` ends: through that Danish day (null: until withdrawn). */
export function consentEnds(duration: (typeof CONSENT_DURATIONS)[number], now: Date): Date | null {
  if (duration === "open") return null;
  const end = new Date(now);
  if (duration === "3m") end.setUTCMonth(end.getUTCMonth() + 3);
  if (duration === "6m") end.setUTCMonth(end.getUTCMonth() + 6);
  if (duration === "1y") end.setUTCFullYear(end.getUTCFullYear() + 1);
  return endOfDanishDay(todayInDenmark(end));
}

import { z } from "zod";
import { ATTORNEY_RIGHTS, type AttorneyRight } from "@/lib/access/policy";
import { cprLookupSchema } from "@/lib/staff/cpr";
import { id, listOf, optionalFutureDate, words } from "@/lib/validation/fields";

// Safe for the browser. Errors are message keys.
export { ATTORNEY_RIGHTS };
const rights = listOf(z.enum(ATTORNEY_RIGHTS as unknown as [AttorneyRight, ...AttorneyRight[]], { error: "Validation.invalid" }), {
  min: 1,
}).transform((r) => [...new Set(r)]);

/** The citizen lets one of their relatives act for them: which rights, until when (none: until they end it). */
export const grantPowerSchema = z.object({ citizenId: id, relationshipId: id, rights, until: optionalFutureDate });

export const endPowerSchema = z.object({ citizenId: id, powerId: id });

/**
 * A caseworker records a power of attorney on paper, or a guardianship appointed by the authorities: who holds
 * it (their CPR number, never stored, only its keyed hash, and their name as the document says), which rights,
 * until when, and the caseworker's word that they have seen the document.
 */
export const recordPowerSchema = z.object({
  citizenId: id,
  holderCpr: cprLookupSchema.shape.cpr,
  holderName: words(100, { required: true }),
  rights,
  source: z.enum(["PAPER", "GUARDIANSHIP"], { error: "Validation.chooseOne" }),
  until: optionalFutureDate,
  seen: z.literal("yes", { error: "Validation.documentSeen" }),
});

import { createHmac } from "node:crypto";
import { z } from "zod";

/**
 * The CPR number, handled so that it is never kept: normalised and checked
 * here, then only its keyed hash (HMAC-SHA256 with the server's CPR_HASH_KEY)
 * is stored on the citizen and compared on an exact lookup. Pure, with no
 * server or environment imports: the seed uses `cprHash` with a key it is given.
 *
 * The check is the form and a real birth date (DDMMYY, the century from the
 * seventh digit). No modulus 11 check: numbers without it have been issued
 * since 2007.
 */

/** The key in development and tests only. lib/env.ts refuses to run a production build without a real one. */
export const DEV_CPR_HASH_KEY = "tell-it-once-development-cpr-key-do-not-use-in-production";

const FORM = /^(\d{6})[ -]?(\d{4})$/;

/** The four-digit birth year of a CPR number, from its two-digit year and seventh digit. */
function birthYear(yy: number, seventh: number): number {
  if (seventh <= 3) return 1900 + yy;
  if (seventh === 4 || seventh === 9) return yy <= 36 ? 2000 + yy : 1900 + yy;
  return yy <= 57 ? 2000 + yy : 1800 + yy;
}

/** "DDMMYY-SSSS", "DDMMYYSSSS" or "DDMMYY SSSS" as ten digits; null when it is not a CPR number with a real date. */
export function normaliseCpr(input: string): string | null {
  const match = FORM.exec(input.trim());
  if (!match) return null;
  const digits = `${match[1]}${match[2]}`;
  const day = Number(digits.slice(0, 2));
  const month = Number(digits.slice(2, 4));
  const year = birthYear(Number(digits.slice(4, 6)), Number(digits[6]));
  const date = new Date(Date.UTC(year, month - 1, day));
  if (month < 1 || month > 12 || day < 1 || date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day)
    return null;
  return digits;
}

/**
 * The keyed hash of a CPR number, as stored in `Citizen.cprHash`: the same for
 * every way of writing the number, different for every key. Throws on
 * something that is not a CPR number, or on a short key (fail closed).
 */
export function cprHash(cpr: string, key: string): string {
  const digits = normaliseCpr(cpr);
  if (!digits) throw new Error("not a CPR number");
  if (key.length < 32) throw new Error("the CPR hash key must be at least 32 characters");
  return createHmac("sha256", key).update(`cpr:${digits}`).digest("hex");
}

/** An exact lookup's input: the number, written as people write it. Errors are message keys. */
/** Why a caseworker looks a citizen up by number (prisma enum CprLookupPurpose; decision 033). */
export const CPR_LOOKUP_PURPOSES = ["CITIZEN_CONTACTED", "REFERRAL", "MEETING"] as const;
export type CprLookupPurpose = (typeof CPR_LOOKUP_PURPOSES)[number];

export const cprLookupSchema = z.object({
  cpr: z
    .string({ error: "Validation.cpr" })
    .max(20, { error: "Validation.cpr" })
    .transform((s, ctx) => {
      const digits = normaliseCpr(s);
      if (!digits) {
        ctx.addIssue({ code: "custom", message: "Validation.cpr" });
        return z.NEVER;
      }
      return digits;
    }),
  // why, from a short list: the citizen sees it when someone is found; a lookup that finds nobody is kept with it
  purpose: z.enum(CPR_LOOKUP_PURPOSES, { error: "Validation.chooseOne" }),
});

import { z } from "zod";
import { words } from "@/lib/validation/fields";

// Safe for the browser. Errors are message keys.
export const STAFF_HOURS_MAX = 120;

/** A Danish phone number as eight digits ("+45" and spaces allowed), or nothing; kept as "+45" and the digits. */
export const danishPhone = z
  .string({ error: "Validation.invalid" })
  .transform((s) => s.replace(/[\s-]/g, ""))
  .pipe(
    z.union([z.literal(""), z.string().regex(/^(\+45|0045)?\d{8}$/, { error: "Validation.danishPhone" })]).transform((s) => {
      return s === "" ? "" : `+45${s.slice(-8)}`;
    }),
  );

/** A caseworker's direct line: the phone they answer themselves and when. */
export const staffProfileSchema = z.object({
  phone: danishPhone,
  hours: words(STAFF_HOURS_MAX),
});

/** "+4512345678" as people read it: "12 34 56 78". */
export const showPhone = (phone: string) => phone.slice(-8).replace(/(\d{2})(?=\d)/g, "$1 ");

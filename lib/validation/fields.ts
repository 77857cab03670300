import { z } from "zod";

// Building blocks for the domains' schemas. Safe for the browser: no server code.
// Every error is a message key (messages/*.json, namespace Validation).

/** Words a person typed: line endings made plain, trimmed, at most `max` characters; `required` refuses an empty answer. */
export function words(max: number, { required = false } = {}) {
  const inner = z.string().max(max, { error: "Validation.tooLong" });
  return z
    .string({ error: required ? "Validation.required" : "Validation.invalid" })
    .transform((s) => s.replace(/\r\n/g, "\n").trim())
    .pipe(required ? inner.min(1, { error: "Validation.required" }) : inner);
}

export const id = z.uuid({ error: "Validation.invalid" });
/** Whether a value is a record id (a malformed one is simply a record that does not exist). */
export const isId = (value: unknown): value is string => id.safeParse(value).success;

/**
 * A form's repeated field (checkboxes) as a list, whether it came as nothing,
 * one value or several; at least `min` ("choose at least one") and at most `max`.
 */
export function listOf<T extends z.ZodType>(item: T, { min = 0, max = 100 }: { min?: number; max?: number } = {}) {
  const list = z.array(item).max(max, { error: "Validation.invalid" });
  return z.preprocess(
    (v) => (v === undefined || v === null || v === "" ? [] : Array.isArray(v) ? v : [v]),
    min > 0 ? list.min(min, { error: "Validation.chooseAtLeastOne" }) : list,
  );
}

/** The version a writer started from (0: the thing did not exist yet). */
export const version = z.coerce
  .number({ error: "Validation.invalid" })
  .int({ error: "Validation.invalid" })
  .min(0, { error: "Validation.invalid" });

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const isRealDate = (s: string) => {
  if (!ISO_DATE.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
};

/** Today's date in Denmark, as YYYY-MM-DD: "by when" means a Danish calendar day. */
export function todayInDenmark(now = new Date()) {
  return new Intl.DateTimeFormat("sv-SE", { timeZone: "Europe/Copenhagen" }).format(now);
}

/** An optional calendar day from a date field: "" is no date; otherwise YYYY-MM-DD that exists. */
export const optionalDate = z
  .string({ error: "Validation.invalidDate" })
  .optional()
  .transform((s) => (s ?? "").trim())
  .refine((s) => s === "" || isRealDate(s), { error: "Validation.invalidDate" })
  .transform((s) => (s === "" ? null : s));

/** Like optionalDate, and not a day that has passed. */
export const optionalFutureDate = optionalDate.refine((s) => s === null || s >= todayInDenmark(), { error: "Validation.dateInPast" });

/** A calendar day as the database keeps it (a date column: midnight UTC). */
export const toDbDate = (day: string | null) => (day ? new Date(`${day}T00:00:00Z`) : null);
/** The other way: a date column as YYYY-MM-DD. */
export const fromDbDate = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : null);

/** A checkbox: present ("on") or not. */
export const checkbox = z.preprocess((v) => v === "on" || v === "true" || v === true, z.boolean());

/**
 * "Until and including" a Danish calendar day, as an instant: when the next
 * day begins in Copenhagen (midnight, summer or winter time). Access "til og
 * med 24. december" lasts through Christmas Eve, Danish time.
 */
export function endOfDanishDay(day: string): Date {
  const [y, m, d] = day.split("-").map(Number) as [number, number, number];
  const nextMidnightUtc = Date.UTC(y, m - 1, d + 1);
  const next = todayInDenmark(new Date(nextMidnightUtc));
  for (const hours of [1, 2]) {
    const candidate = new Date(nextMidnightUtc - hours * 3_600_000);
    if (todayInDenmark(candidate) === next && todayInDenmark(new Date(candidate.getTime() - 1)) !== next) return candidate;
  }
  return new Date(nextMidnightUtc - 3_600_000);
}

/** The other way: the last Danish day an "until" instant covers. */
export const lastDanishDay = (until: Date | null) => (until ? todayInDenmark(new Date(until.getTime() - 1)) : null);

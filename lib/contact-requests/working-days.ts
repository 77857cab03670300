import { endOfDanishDay, todayInDenmark } from "@/lib/validation/fields";

/**
 * Working days in Denmark: Monday to Friday, except the public holidays
 * (helligdage) a municipality is closed on. Pure, safe for the browser.
 * Store bededag is not a holiday since 2024. Grundlovsdag (5 June) and
 * Christmas Eve are not public holidays, but municipal offices close: we count
 * them as closed, so a deadline is never set on a day nobody answers.
 */

const iso = (d: Date) => d.toISOString().slice(0, 10);
const utcDay = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d));
const plus = (d: Date, days: number) => new Date(d.getTime() + days * 86_400_000);

/** Easter Sunday (Gregorian; the anonymous algorithm). */
export function easterSunday(year: number): string {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return iso(utcDay(year, month, day));
}

/** The days (YYYY-MM-DD) municipal offices are closed in `year`, besides weekends. */
export function closedDays(year: number): Set<string> {
  const easter = new Date(`${easterSunday(year)}T00:00:00Z`);
  const fromEaster = [-3, -2, 0, 1, 39, 49, 50].map((n) => iso(plus(easter, n)));
  const fixed = ["01-01", "06-05", "12-24", "12-25", "12-26", "12-31"].map((md) => `${year}-${md}`);
  return new Set([...fromEaster, ...fixed]);
}

/** Whether a calendar day (YYYY-MM-DD) is a working day. */
export function isWorkingDay(day: string): boolean {
  const d = new Date(`${day}T00:00:00Z`);
  const weekday = d.getUTCDay();
  if (weekday === 0 || weekday === 6) return false;
  return !closedDays(d.getUTCFullYear()).has(day);
}

/** The `n`th working day after `day` (the day itself does not count). */
export function workingDaysAfter(day: string, n: number): string {
  let d = new Date(`${day}T00:00:00Z`);
  let left = n;
  while (left > 0) {
    d = plus(d, 1);
    if (isWorkingDay(iso(d))) left--;
  }
  return iso(d);
}

/**
 * When an answer is due for a request made at `now`: the end (Danish time) of
 * the `n`th working day after the day it was made. Asked on a Friday evening
 * with n = 2: by the end of Tuesday.
 */
export function contactDue(now: Date, n: number): Date {
  return endOfDanishDay(workingDaysAfter(todayInDenmark(now), n));
}

// Safe for the browser: the states of the caseworker's search forms.
import type { CprFound } from "./cpr-lookup";

/** Finding a citizen by name: the name searched for, and whom it found (null before the first search). */
export type FindState = { query: string; found: { citizenId: string; name: string }[] | null };

/**
 * How an exact CPR lookup went. The number itself is never in it: it is not
 * sent back, so it is neither shown again nor kept in the browser.
 */
export type CprState =
  | { status: "idle" | "none" | "throttled" }
  | { status: "invalid"; fieldErrors: Record<string, string[]>; purpose?: string }
  | { status: "found"; found: CprFound };

/** Starting a plan with a citizen: how long the consent given in the conversation lasts (months), and how to reach them. */
export const START_MONTHS = ["3", "6", "12"] as const;
export const START_CHANNELS = ["PHONE", "SMS", "EMAIL", "LETTER", "VISIT"] as const;

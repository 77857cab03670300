import type { z } from "zod";

/**
 * What a command returns. Field errors are message keys (messages/*.json,
 * namespace Validation), translated where they are shown.
 */
export type Result<T> =
  | { ok: true; value: T }
  | { ok: false; error: "invalid"; fieldErrors: Record<string, string[]> }
  | { ok: false; error: "not-found" }
  | { ok: false; error: "conflict"; current: unknown };

/** A zod error as field -> message keys. Keys not in the catalogue fall back to Validation.invalid. */
export function fieldErrors(error: z.ZodError): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const issue of error.issues) {
    // the field the person filled in: a list's item errors belong to the list
    const field = issue.path.length ? String(issue.path[0]) : "_form";
    const key = issue.message.startsWith("Validation.") ? issue.message : "Validation.invalid";
    const keys = (out[field] ??= []);
    if (!keys.includes(key)) keys.push(key);
  }
  return out;
}

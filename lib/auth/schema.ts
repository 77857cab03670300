import { z } from "zod";

export const signInEmailSchema = z.object({
  email: z
    .string({ error: "Validation.required" })
    .trim()
    .min(1, { error: "Validation.required" })
    .max(254, { error: "Validation.tooLong" })
    .pipe(z.email({ error: "Validation.email" })),
});

export const personaSchema = z.object({ persona: z.string().max(40) });

/** The choice on the sign-in page: whether this is a computer others use too (lib/auth/shared-computer.ts). */
export const sharedComputerSchema = z.object({ shared: z.enum(["yes", "no"], { error: "Validation.chooseOne" }) });

/**
 * A visitor's easy-read button (lib/reading/visitor.ts): on or off, and the page to come back to, a path
 * of ours without its language ("/sign-in"), never another site ("//elsewhere"), with its query.
 */
export const visitorEasyReadSchema = z.object({
  easy: z.enum(["on", "off"], { error: "Validation.chooseOne" }),
  back: z
    .string()
    .max(300)
    .regex(/^\/(?![/\\])[A-Za-z0-9\-._~/]*$/),
  query: z.string().max(1000).optional(),
});

/** The parts of a page's address it needs back (a stop or confirm link's token, a sign-in error): nothing else. */
const BACK_QUERY_KEYS = ["t", "done", "via", "error"] as const;

/** The query to come back with: only BACK_QUERY_KEYS, each a plain token; "" when none. */
export function backQuery(query: string | undefined): string {
  const given = new URLSearchParams(query ?? "");
  const kept = new URLSearchParams();
  for (const key of BACK_QUERY_KEYS) {
    const value = given.get(key);
    if (value && /^[A-Za-z0-9_\-.~]{1,300}$/.test(value)) kept.set(key, value);
  }
  const text = kept.toString();
  return text ? `?${text}` : "";
}

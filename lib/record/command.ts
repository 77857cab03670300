import "server-only";
import type { z } from "zod";
import { BESIDE_RECORD, type BesideOperationName, type OneOperationName } from "@/lib/access/operations";
import { fieldErrors, type Result } from "@/lib/validation/result";
import type { Actor } from "./actor";
import { throughGate, type GateContext } from "./gate";
import { isUniqueViolation } from "./tx";

/** A command: whatever came in (a form, a request body) and who asks; parsed, gated, done. */
export type Command<T> = (actor: Actor, input: unknown) => Promise<Result<T>>;

type Options<I> = {
  /**
   * Asked before the gate, with who asks and the parsed input: false answers
   * "not found", and nothing is logged, since the request names something that
   * is not the actor's to act for (an area they do not belong to, say).
   */
  only?: (actor: Actor, input: I) => boolean;
  /**
   * The field errors (message keys) to answer with when a unique index refuses
   * the write: a rule of "one at a time" held when two requests raced.
   */
  raced?: Record<string, string[]>;
};

/**
 * A command on one citizen's record, declared once: `operation` (a name from
 * lib/access/operations.ts, or chosen from the parsed input), the zod `schema`
 * of its input (which names the citizen), and the `work`. The command parses
 * (bad input: field errors as message keys, nothing written, nothing logged),
 * goes through the gate (decided, logged, changes recorded), and answers with
 * one Result. Work refuses with InvalidInput, StaleWrite or NotFound (lib/record/gate.ts).
 */
export function command<S extends z.ZodType<{ citizenId: string }>, T>(
  operation: OneOperationName | ((input: z.output<S>) => OneOperationName),
  schema: S,
  work: (ctx: GateContext, input: z.output<S>) => Promise<T>,
  { raced, only }: Options<z.output<S>> = {},
): Command<T> {
  return async (actor, raw) => {
    const parsed = schema.safeParse(raw);
    if (!parsed.success) return { ok: false, error: "invalid", fieldErrors: fieldErrors(parsed.error) };
    const input = parsed.data;
    if (only && !only(actor, input)) return { ok: false, error: "not-found" };
    const name = typeof operation === "function" ? operation(input) : operation;
    try {
      return await throughGate(actor, input.citizenId, name, (ctx) => work(ctx, input));
    } catch (e) {
      if (raced && isUniqueViolation(e)) return { ok: false, error: "invalid", fieldErrors: raced };
      throw e;
    }
  };
}

/**
 * The caseworker doing a staff-only operation. The gate lets such work run only
 * from a staff position, so a missing id is a wiring fault, not a refusal.
 */
export function staffOf(ctx: Pick<GateContext, "staffId">): string {
  if (!ctx.staffId) throw new Error("a staff-only operation ran without a caseworker");
  return ctx.staffId;
}

/**
 * A command beside the record (BESIDE_RECORD in lib/access/operations.ts): the
 * same parse and one Result, for work that decides access itself. Anyone not
 * signed in, or a caseworker's command asked by someone who is not staff, gets
 * "not found" before any work; the work narrows it further.
 */
export function besideCommand<S extends z.ZodType, T>(
  operation: BesideOperationName,
  schema: S,
  work: (actor: Extract<Actor, { kind: "user" }>, input: z.output<S>) => Promise<Result<T>>,
): Command<T> {
  const { roles } = BESIDE_RECORD[operation];
  return async (actor, raw) => {
    // a caseworker's command needs a caseworker; a relative's, anyone signed in (the work finds their relationship)
    const mayAsk = actor.kind === "user" && roles.some((role) => role !== "STAFF" || actor.staff);
    if (!mayAsk) return { ok: false, error: "not-found" };
    const parsed = schema.safeParse(raw);
    if (!parsed.success) return { ok: false, error: "invalid", fieldErrors: fieldErrors(parsed.error) };
    return work(actor, parsed.data);
  };
}

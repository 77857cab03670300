import "server-only";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getLocale } from "next-intl/server";
import { getActor } from "@/lib/auth/actor";
import { citizenFromSession } from "@/lib/auth/citizen";
import type { Actor } from "@/lib/record/actor";
import type { Command } from "@/lib/record/command";
import type { Result } from "@/lib/validation/result";
import { formValues, toFormState, type FormState } from "./form-state";

// A command turned into a server action. Every form posts to one (decision 010):
// read the form, find who acts, call the command, refresh what changed, and
// either go on or hand back a FormState. A form with fields gets its state back,
// with what was written when refused; a one-button form goes back to its page
// with a notice code the page says in words (never user text in the address).

export type { Command };

/** A path under /<locale> refreshed after a change: "/plan/contact" that page, `{ layout: "/plan" }` everything under it. */
export type Refresh = string | { layout: string };

/** What an action's own functions are told. `citizenId`: the plan acted on (bound by the page, or the signed-in citizen's own). */
export type FormContext<Id extends string | undefined = string> = { locale: string; formData: FormData; citizenId: Id };

/**
 * Who acts, for `formAction` and `buttonAction`: "citizen" (the default) is the
 * signed-in citizen on their own plan (its id from the session, never from the
 * form; without a plan the action fails); "signed-in" is whoever is signed in,
 * on what the form names. The `…For` variants act on the plan the page binds,
 * as whoever is signed in. Either way the gate decides.
 */
export type Who = "citizen" | "signed-in";

export type FormAction<S extends FormState = FormState> = (prev: S, formData: FormData) => Promise<S>;
type Refusal = Exclude<Result<unknown>, { ok: true }>;

type Extra = (formData: FormData) => Record<string, unknown>;

type CommandSpec<T, Id extends string | undefined> = {
  command: Command<T>;
  /** More of the command's input from the form, not given back: ids, versions, lists, the button pressed. */
  input?: Extra;
  /** Refreshed after a save (a form), or after every press (a button). */
  revalidate?: Refresh[] | ((ctx: FormContext<Id>) => Refresh[]);
};

export type FormSpec<T, S extends FormState, Id extends string | undefined> = CommandSpec<T, Id> & {
  /** What the person fills in: sent to the command, and given back as written when it refuses. */
  fields: readonly string[];
  /** The state handed back after a save; `{ status: "saved" }` unless said. */
  onSaved?: (value: T, ctx: FormContext<Id>) => NoInfer<S> | Promise<NoInfer<S>>;
  /**
   * When someone else saved first: the version of the copy saved now, so the
   * form can offer to save what the person wrote over it (their words are kept).
   */
  conflictVersion?: (current: unknown) => number | undefined;
  /** After a save, go on to this page (under the locale) instead of staying. */
  redirectTo?: (value: T, ctx: FormContext<Id>) => string;
};

export type ButtonSpec<T, Id extends string | undefined> = CommandSpec<T, Id> & {
  /** The notice when it was done. */
  ok: string | ((formData: FormData) => string);
  /** The refusals the page has words for, each its own notice; anything else is "failed". Default: conflict. */
  refused?: readonly Refusal["error"][] | ((result: Refusal) => string | undefined);
  /** The page to go back to (under the locale), with the notice. */
  back: (notice: string, ctx: FormContext<Id>) => string;
};

type Acting<Id> = { actor: Actor; citizenId: Id } | null;

async function acting(who: Who | undefined): Promise<Acting<string | undefined>> {
  return who === "signed-in" ? { actor: await getActor(), citizenId: undefined } : citizenFromSession();
}

/** The command's input: the fields, the rest of the form, and the plan acted on (last, so the form can never name another). */
function inputFor(spec: { input?: Extra }, formData: FormData, values: object, citizenId: string | undefined) {
  return { ...values, ...spec.input?.(formData), ...(citizenId === undefined ? {} : { citizenId }) };
}

function refresh<Id extends string | undefined>(spec: CommandSpec<unknown, Id>, ctx: FormContext<Id>) {
  const paths = typeof spec.revalidate === "function" ? spec.revalidate(ctx) : (spec.revalidate ?? []);
  for (const path of paths) {
    if (typeof path === "string") revalidatePath(`/${ctx.locale}${path}`);
    else revalidatePath(`/${ctx.locale}${path.layout}`, "layout");
  }
}

async function runForm<T, S extends FormState, Id extends string | undefined>(
  spec: FormSpec<T, S, Id>,
  me: Acting<Id>,
  formData: FormData,
): Promise<S> {
  const values = formValues(formData, spec.fields);
  // S adds only optional fields to FormState (what a save hands back), so a refusal is one too
  if (!me) return { status: "failed", values } as S;
  const result = await spec.command(me.actor, inputFor(spec, formData, values, me.citizenId));
  if (!result.ok) {
    const state = toFormState(result, values);
    if (result.error === "conflict" && spec.conflictVersion) state.version = spec.conflictVersion(result.current);
    return state as S;
  }
  const ctx: FormContext<Id> = { locale: await getLocale(), formData, citizenId: me.citizenId };
  const saved = spec.onSaved ? await spec.onSaved(result.value, ctx) : ({ status: "saved" } as S);
  refresh(spec, ctx);
  if (spec.redirectTo) redirect(`/${ctx.locale}${spec.redirectTo(result.value, ctx)}`);
  return saved;
}

function noticeFor<T>(spec: Pick<ButtonSpec<T, string>, "ok" | "refused">, result: Result<T> | null, formData: FormData): string {
  if (!result) return "failed";
  if (result.ok) return typeof spec.ok === "string" ? spec.ok : spec.ok(formData);
  const refused = spec.refused ?? ["conflict"];
  return (typeof refused === "function" ? refused(result) : refused.includes(result.error) ? result.error : undefined) ?? "failed";
}

async function runButton<T, Id extends string | undefined>(spec: ButtonSpec<T, Id>, me: Acting<Id>, formData: FormData): Promise<void> {
  const result = me ? await spec.command(me.actor, inputFor(spec, formData, {}, me.citizenId)) : null;
  // without `me` only the citizen's own plan is unknown, and their pages do not ask for it
  const ctx: FormContext<Id> = { locale: await getLocale(), formData, citizenId: me?.citizenId as Id };
  refresh(spec, ctx);
  redirect(`/${ctx.locale}${spec.back(noticeFor(spec, result, formData), ctx)}`);
}

/** A form on the signed-in citizen's own plan (or, with `actor: "signed-in"`, whoever is signed in): `(prev, formData) => state`. */
export function formAction<T, S extends FormState = FormState>(spec: FormSpec<T, S, string | undefined> & { actor?: Who }): FormAction<S> {
  return async (_prev, formData) => runForm(spec, await acting(spec.actor), formData);
}

/** A form on the plan the page binds (`action.bind(null, citizenId)`), as whoever is signed in. */
export function formActionFor<T, S extends FormState = FormState>(
  spec: FormSpec<T, S, string>,
): (citizenId: string, prev: S, formData: FormData) => Promise<S> {
  return async (citizenId, _prev, formData) => runForm(spec, { actor: await getActor(), citizenId }, formData);
}

/** A one-button form (a plain `<form action>`): does it, refreshes, and goes back with `?notice=`. */
export function buttonAction<T>(spec: ButtonSpec<T, string | undefined> & { actor?: Who }): (formData: FormData) => Promise<void> {
  return async (formData) => runButton(spec, await acting(spec.actor), formData);
}

/** A one-button form on the plan the page binds, as whoever is signed in. */
export function buttonActionFor<T>(spec: ButtonSpec<T, string>): (citizenId: string, formData: FormData) => Promise<void> {
  return async (citizenId, formData) => runButton(spec, { actor: await getActor(), citizenId }, formData);
}

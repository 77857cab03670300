// Safe for the browser: forms import these. No server imports here; the server
// half, which turns a command into a server action, is ./form-action.ts.
import type { Result } from "@/lib/validation/result";

/**
 * What a form's server action hands back to the form: how it went, field
 * errors as message keys, and (unless it was saved) what the person wrote, so a
 * refused form comes back filled in, with or without JavaScript.
 */
export type FormState = {
  status: "idle" | "saved" | "invalid" | "conflict" | "failed";
  fieldErrors?: Record<string, string[]>;
  values?: Record<string, string | string[]>;
  /** The new version after a save, for forms that stay on the page. */
  version?: number;
};
export const IDLE: FormState = { status: "idle" };

/** The fields of a form as the person wrote them (repeated names, like checkboxes, as lists). */
export function formValues(formData: FormData, names: readonly string[]): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const name of names) {
    const all = formData.getAll(name).filter((v): v is string => typeof v === "string");
    out[name] = all.length > 1 ? all : (all[0] ?? "");
  }
  return out;
}

/** A command's result as form state; `values` are returned only when the form must be shown again. */
export function toFormState<T>(result: Result<T>, values: Record<string, string | string[]>): FormState {
  if (result.ok) return { status: "saved" };
  if (result.error === "invalid") return { status: "invalid", fieldErrors: result.fieldErrors, values };
  if (result.error === "conflict") return { status: "conflict", values };
  return { status: "failed", values };
}

/** Refused (invalid, conflict, failed): the form is shown again with what the person wrote. */
export const isRefused = (state: FormState) => state.status !== "idle" && state.status !== "saved";

/** What a field shows: the words the person wrote when the save was refused, else `fallback`. */
export function shownValue(state: FormState, name: string, fallback = ""): string {
  const v = state.values?.[name];
  return isRefused(state) && typeof v === "string" ? v : fallback;
}

/**
 * A key for the form element: a refused save gives the form new default values
 * (so it is mounted afresh with them), a save starts from the saved copy.
 */
export const formKey = (state: FormState, saved: string) => (isRefused(state) ? JSON.stringify(state) : saved);

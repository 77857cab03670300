"use client";

import { useState, type ReactNode } from "react";
import { useTranslations } from "next-intl";
import { FieldError } from "./Errors";

// Form fields in the house style (DKFDS): label, hint, error next to the field,
// a visible counter where there is a length limit, 44 px touch targets.

/** `id` defaults to the name; give one when two forms on a page share a field name (ids must be unique). */
type Base = { name: string; id?: string; label: string; hint?: string; errors?: string[] };
const describedBy = (name: string, hint?: string, errors?: string[], extra?: string) =>
  [hint ? `${name}-hint` : null, extra ?? null, errors?.length ? `${name}-error` : null].filter(Boolean).join(" ") || undefined;

/** The label, hint and error of the field whose element id is `forId`. */
function Label({ forId, label, hint, errors }: Omit<Base, "name"> & { forId: string }) {
  return (
    <>
      <label htmlFor={forId} className="block font-semibold">
        {label}
      </label>
      {hint && (
        <p id={`${forId}-hint`} className="text-gray-600">
          {hint}
        </p>
      )}
      <FieldError id={`${forId}-error`} keys={errors} />
    </>
  );
}

/** A line or a box of words with a character counter. */
export function TextField({
  name,
  id = name,
  label,
  hint,
  errors,
  max,
  defaultValue = "",
  rows,
  onText,
  describedBy: extraDescribedBy,
}: Base & { max: number; defaultValue?: string; rows?: number; onText?: (text: string) => void; describedBy?: string }) {
  const t = useTranslations("Forms");
  const [count, setCount] = useState(defaultValue.length);
  const props = {
    id,
    name,
    defaultValue,
    // onInput, not onChange: it also hears a draft put back into the field
    onInput: (e: React.FormEvent<HTMLInputElement | HTMLTextAreaElement>) => {
      setCount(e.currentTarget.value.length);
      onText?.(e.currentTarget.value);
    },
    "aria-describedby": describedBy(id, hint, errors, [`${id}-count`, extraDescribedBy].filter(Boolean).join(" ")),
    "aria-invalid": errors?.length ? true : undefined,
    className: `mt-1 block w-full border-2 px-3 ${errors?.length ? "border-error" : "border-gray-600"}`,
  };
  return (
    <div>
      <Label forId={id} label={label} hint={hint} errors={errors} />
      {rows ? (
        <textarea rows={rows} {...props} className={`${props.className} py-2`} />
      ) : (
        <input {...props} className={`${props.className} min-h-11`} />
      )}
      <p id={`${id}-count`} className={`text-sm ${count > max ? "font-semibold text-error" : "text-gray-600"}`}>
        {t("count", { count, max })}
      </p>
    </div>
  );
}

export function DateField({ name, id = name, label, hint, errors, defaultValue = "" }: Base & { defaultValue?: string }) {
  return (
    <div>
      <Label forId={id} label={label} hint={hint} errors={errors} />
      <input
        type="date"
        id={id}
        name={name}
        defaultValue={defaultValue}
        aria-describedby={describedBy(id, hint, errors)}
        aria-invalid={errors?.length ? true : undefined}
        className={`mt-1 block min-h-11 border-2 px-3 ${errors?.length ? "border-error" : "border-gray-600"}`}
      />
    </div>
  );
}

export function SelectField({
  name,
  id = name,
  label,
  hint,
  errors,
  defaultValue,
  children,
}: Base & { defaultValue?: string; children: ReactNode }) {
  return (
    <div>
      <Label forId={id} label={label} hint={hint} errors={errors} />
      <select
        id={id}
        name={name}
        defaultValue={defaultValue}
        aria-describedby={describedBy(id, hint, errors)}
        aria-invalid={errors?.length ? true : undefined}
        className={`mt-1 block min-h-11 w-full max-w-md border-2 bg-white px-3 ${errors?.length ? "border-error" : "border-gray-600"}`}
      >
        {children}
      </select>
    </div>
  );
}

/** Radio buttons or checkboxes under one legend. The first one carries the name's id, so the error summary can link to it. */
export function Choices({
  name,
  id = name,
  legend,
  hint,
  errors,
  type,
  options,
  checked,
}: {
  name: string;
  /** The base of the ids (default: the name); give one when two forms on a page share a field name. */
  id?: string;
  legend: string;
  hint?: string;
  errors?: string[];
  type: "radio" | "checkbox";
  /** `detail`: what choosing it means, in a sentence under the label (the input is described by it). */
  options: { value: string; label: string; detail?: string }[];
  checked: readonly string[];
}) {
  return (
    <fieldset aria-describedby={describedBy(id, hint, errors)} className="space-y-1">
      <legend className="font-semibold">{legend}</legend>
      {hint && (
        <p id={`${id}-hint`} className="text-gray-600">
          {hint}
        </p>
      )}
      <FieldError id={`${id}-error`} keys={errors} />
      {options.map((o, i) =>
        o.detail ? (
          <div key={o.value} className="py-1">
            <label className="flex min-h-11 items-center gap-3">
              <input
                type={type}
                name={name}
                value={o.value}
                defaultChecked={checked.includes(o.value)}
                id={i === 0 ? id : undefined}
                aria-describedby={`${id}-${o.value}-detail`}
                className="size-6 shrink-0"
              />
              {o.label}
            </label>
            <p id={`${id}-${o.value}-detail`} className="ms-9 text-sm text-gray-600">
              {o.detail}
            </p>
          </div>
        ) : (
          <label key={o.value} className="flex min-h-11 items-center gap-3">
            <input
              type={type}
              name={name}
              value={o.value}
              defaultChecked={checked.includes(o.value)}
              id={i === 0 ? id : undefined}
              className="size-6 shrink-0"
            />
            {o.label}
          </label>
        ),
      )}
    </fieldset>
  );
}

/** `ariaLabel`, when several such buttons share a page: a fuller name that begins with the visible label (WCAG 2.5.3). */
export function SubmitButton({
  label,
  ariaLabel,
  pending,
  secondary = false,
}: {
  label: string;
  ariaLabel?: string;
  pending?: boolean;
  secondary?: boolean;
}) {
  return (
    <button
      type="submit"
      aria-label={ariaLabel}
      disabled={pending}
      className={
        secondary
          ? "min-h-11 border-2 border-gray-600 bg-white px-4 py-2 font-semibold hover:bg-gray-100 disabled:opacity-60"
          : "min-h-11 bg-primary px-5 py-2 font-semibold text-white hover:bg-primary-dark disabled:opacity-60"
      }
    >
      {label}
    </button>
  );
}

/** The button that saves a form, with the polite "saved" beside it once it is. */
export function SubmitRow({ label, ariaLabel, pending, done }: { label: string; ariaLabel?: string; pending?: boolean; done?: string }) {
  return (
    <div className="flex flex-wrap items-center gap-4">
      <SubmitButton label={label} ariaLabel={ariaLabel} pending={pending} />
      <p role="status" className="font-semibold text-success">
        {done ?? ""}
      </p>
    </div>
  );
}

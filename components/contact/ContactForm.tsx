"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { formKey, shownValue, type FormState as ContactFormState } from "@/lib/forms/form-state";
import { CONTACT_CHANNELS, CONTACT_TEXT_MAX, INTERPRETER_NEEDS, VISIT_PREFERENCES, type ContactPreferencesDto } from "@/lib/contact/schema";
import { ErrorSummary, FieldError } from "@/components/forms/Errors";

type Props = { initial: ContactPreferencesDto; action: (state: ContactFormState, formData: FormData) => Promise<ContactFormState> };

/** How to contact me: one real <form>, radio groups with legends, works without JavaScript. */
export function ContactForm({ initial, action }: Props) {
  const t = useTranslations("ContactForm");
  const [state, formAction, pending] = useActionState(action, { status: "idle" });
  const errors = state.fieldErrors ?? {};
  // after a save the page is rendered again with the new version; until then keep the one we started from
  // after a conflict, the version saved meanwhile: pressing Gem again saves what the person wrote over it
  const version = state.status === "saved" || state.status === "conflict" ? (state.version ?? initial.version) : initial.version;

  const radios = (name: "channel" | "visit" | "interpreter", values: readonly string[], checked: string) => (
    <fieldset className="space-y-1" aria-describedby={errors[name] ? `${name}-error` : undefined}>
      <legend className="font-semibold">{t(`${name}.legend`)}</legend>
      <FieldError id={`${name}-error`} keys={errors[name]} />
      {values.map((value) => (
        <label key={value} className="flex min-h-11 items-center gap-3">
          <input
            type="radio"
            name={name}
            value={value}
            defaultChecked={shownValue(state, name, checked) === value}
            id={value === shownValue(state, name, checked) ? name : undefined}
            className="size-6"
          />
          {t(`${name}.${value}`)}
        </label>
      ))}
    </fieldset>
  );
  const text = (name: "times" | "language" | "someonePresent", value: string) => (
    <div>
      <label htmlFor={name} className="block font-semibold">
        {t(`${name}.label`)}
      </label>
      <p id={`${name}-hint`} className="text-gray-600">
        {t(`${name}.hint`)}
      </p>
      <FieldError id={`${name}-error`} keys={errors[name]} />
      <input
        id={name}
        name={name}
        defaultValue={shownValue(state, name, value)}
        maxLength={CONTACT_TEXT_MAX}
        aria-describedby={errors[name] ? `${name}-hint ${name}-error` : `${name}-hint`}
        aria-invalid={errors[name] ? true : undefined}
        className="mt-1 block min-h-11 w-full border-2 border-gray-600 px-3"
      />
    </div>
  );

  return (
    // a refused save comes back with what was written, in a form mounted afresh with it
    <form key={formKey(state, String(version))} action={formAction} className="space-y-6">
      <ErrorSummary
        fieldErrors={state.fieldErrors}
        formError={state.status === "conflict" ? "ContactForm.conflict" : state.status === "failed" ? "ContactForm.failed" : undefined}
        labels={{
          channel: t("channel.legend"),
          visit: t("visit.legend"),
          interpreter: t("interpreter.legend"),
          times: t("times.label"),
          language: t("language.label"),
          someonePresent: t("someonePresent.label"),
        }}
      />
      <input type="hidden" name="version" value={version} />
      {radios("channel", CONTACT_CHANNELS, initial.channel)}
      {text("times", initial.times)}
      {radios("visit", VISIT_PREFERENCES, initial.visit)}
      {text("language", initial.language)}
      {radios("interpreter", INTERPRETER_NEEDS, initial.interpreter)}
      {text("someonePresent", initial.someonePresent)}
      <div className="flex flex-wrap items-center gap-4">
        <button
          type="submit"
          disabled={pending}
          className="min-h-11 bg-primary px-5 py-2 font-semibold text-white hover:bg-primary-dark disabled:opacity-60"
        >
          {t("save")}
        </button>
        <p role="status" className="font-semibold text-success">
          {state.status === "saved" ? t("saved") : ""}
        </p>
      </div>
    </form>
  );
}

"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import type { StartFormState } from "@/lib/story/forms";
import { ErrorSummary, FieldError } from "@/components/forms/Errors";

type Props = {
  step: number;
  version: number;
  initialText: string;
  question: string;
  hint: string;
  skipHref: string;
  action: (state: StartFormState, formData: FormData) => Promise<StartFormState>;
};

/** One question of the first visit: answer, or skip. A plain form; works without JavaScript. */
export function StartStepForm({ step, version, initialText, question, hint, skipHref, action }: Props) {
  const t = useTranslations("StartForm");
  const [state, formAction, pending] = useActionState(action, {});
  const errors = state.fieldErrors?.text;
  return (
    <form action={formAction} className="space-y-4">
      <ErrorSummary fieldErrors={state.fieldErrors} formError={state.formError} labels={{ text: question }} />
      <input type="hidden" name="step" value={step} />
      <input type="hidden" name="version" value={version} />
      <div>
        <label htmlFor="text" className="block text-xl font-semibold">
          {question}
        </label>
        <p id="text-hint" className="mt-1 text-gray-600">
          {hint}
        </p>
        <FieldError id="text-error" keys={errors} />
        <textarea
          id="text"
          name="text"
          rows={6}
          defaultValue={initialText}
          aria-describedby={errors ? "text-hint text-error" : "text-hint"}
          aria-invalid={errors ? true : undefined}
          className="mt-2 block w-full border-2 border-gray-600 p-3"
        />
      </div>
      <p className="text-gray-600">{t("changeLater")}</p>
      <div className="flex flex-wrap items-center gap-4">
        <button
          type="submit"
          disabled={pending}
          className="min-h-11 bg-primary px-5 py-2 font-semibold text-white hover:bg-primary-dark disabled:opacity-60"
        >
          {t("next")}
        </button>
        <a href={skipHref} className="inline-flex min-h-11 items-center">
          {t("skip")}
        </a>
      </div>
    </form>
  );
}

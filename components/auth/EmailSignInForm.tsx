"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import type { SignInFormState } from "@/lib/forms/sign-in";
import { FieldError, ErrorSummary } from "@/components/forms/Errors";

type Props = { action: (state: SignInFormState, formData: FormData) => Promise<SignInFormState> };

/** The email form. A real <form>: it works before (and without) JavaScript. */
export function EmailSignInForm({ action }: Props) {
  const t = useTranslations("SignInForm");
  const [state, formAction, pending] = useActionState(action, {});
  const errors = state.fieldErrors?.email;
  return (
    <form action={formAction} noValidate className="space-y-4">
      <ErrorSummary fieldErrors={state.fieldErrors} formError={state.formError} labels={{ email: t("emailLabel") }} />
      <div>
        <label htmlFor="email" className="block font-semibold">
          {t("emailLabel")}
        </label>
        <p id="email-hint" className="text-sm text-gray-600">
          {t("emailHint")}
        </p>
        <FieldError id="email-error" keys={errors} />
        <input
          id="email"
          name="email"
          type="email"
          autoComplete="email"
          inputMode="email"
          defaultValue={state.email}
          aria-describedby={errors ? "email-hint email-error" : "email-hint"}
          aria-invalid={errors ? true : undefined}
          className={`mt-1 block min-h-11 w-full max-w-md border-2 px-3 py-2 ${errors ? "border-error" : "border-gray-600"}`}
        />
      </div>
      <button
        type="submit"
        disabled={pending}
        className="min-h-11 bg-primary px-5 py-2 font-semibold text-white hover:bg-primary-dark disabled:opacity-60"
      >
        {t("send")}
      </button>
    </form>
  );
}

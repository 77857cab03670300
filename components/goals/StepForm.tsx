"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { STEP_TEXT_MAX } from "@/lib/goals/schema";
import { formKey, IDLE, shownValue, type FormState } from "@/lib/forms/form-state";
import { DraftForm } from "@/components/forms/DraftForm";
import { ErrorSummary } from "@/components/forms/Errors";
import { SubmitRow, TextField } from "@/components/forms/Fields";

/** One more step on the way to a goal. */
export function StepForm({ goalId, action }: { goalId: string; action: (state: FormState, formData: FormData) => Promise<FormState> }) {
  const t = useTranslations("GoalForm");
  const [state, formAction, pending] = useActionState(action, IDLE);
  const value = shownValue(state, "text");
  return (
    <DraftForm
      key={formKey(state, "new")}
      draftKey={`step:${goalId}`}
      action={formAction}
      saved={state.status === "saved" ? state : null}
      className="space-y-3"
    >
      <ErrorSummary
        fieldErrors={state.fieldErrors}
        formError={state.status === "failed" ? "GoalForm.failed" : undefined}
        labels={{ text: t("step") }}
      />
      <input type="hidden" name="goalId" value={goalId} />
      <TextField
        name="text"
        label={t("step")}
        hint={t("stepHint")}
        max={STEP_TEXT_MAX}
        defaultValue={value}
        errors={state.fieldErrors?.text}
      />
      <SubmitRow label={t("addStep")} pending={pending} done={state.status === "saved" ? t("stepAdded") : undefined} />
    </DraftForm>
  );
}

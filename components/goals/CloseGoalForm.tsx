"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { CLOSING_NOTE_MAX } from "@/lib/goals/schema";
import { formKey, IDLE, shownValue, type FormState } from "@/lib/forms/form-state";
import { DraftForm } from "@/components/forms/DraftForm";
import { ErrorSummary } from "@/components/forms/Errors";
import { TextField } from "@/components/forms/Fields";

type Props = { goalId: string; version: number; action: (state: FormState, formData: FormData) => Promise<FormState> };

/**
 * Ending a goal: reached, with a few words on how it went, or let go, with why.
 * Both are fine. One box of words and two buttons; the button pressed says which.
 */
export function CloseGoalForm({ goalId, version, action }: Props) {
  const t = useTranslations("GoalForm");
  const [state, formAction, pending] = useActionState(action, IDLE);
  return (
    <DraftForm key={formKey(state, "new")} draftKey={`goal-end:${goalId}`} action={formAction} saved={null} className="space-y-3">
      <ErrorSummary
        fieldErrors={state.fieldErrors}
        formError={state.status === "conflict" ? "GoalForm.conflict" : state.status === "failed" ? "GoalForm.failed" : undefined}
        labels={{ closingNote: t("closingNote"), outcome: t("outcome") }}
      />
      <input type="hidden" name="goalId" value={goalId} />
      <input type="hidden" name="version" value={version} />
      <TextField
        name="closingNote"
        label={t("closingNote")}
        hint={t("closingNoteHint")}
        max={CLOSING_NOTE_MAX}
        rows={3}
        defaultValue={shownValue(state, "closingNote")}
        errors={state.fieldErrors?.closingNote}
      />
      <div className="flex flex-wrap gap-3">
        <button
          type="submit"
          name="outcome"
          value="REACHED"
          disabled={pending}
          className="min-h-11 bg-success px-5 py-2 font-semibold text-white hover:opacity-90 disabled:opacity-60"
        >
          {t("reachedButton")}
        </button>
        <button
          type="submit"
          name="outcome"
          value="LET_GO"
          disabled={pending}
          className="min-h-11 border-2 border-gray-600 bg-white px-4 py-2 font-semibold hover:bg-gray-100 disabled:opacity-60"
        >
          {t("letGoButton")}
        </button>
      </div>
    </DraftForm>
  );
}

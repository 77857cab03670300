"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import type { WhoChoices } from "@/lib/agreements/dto";
import type { GoalDto } from "@/lib/goals/dto";
import { GOAL_TEXT_MAX, GOAL_TITLE_MAX } from "@/lib/goals/schema";
import { formKey, IDLE, isRefused, shownValue, type FormState } from "@/lib/forms/form-state";
import { DraftForm } from "@/components/forms/DraftForm";
import { ErrorSummary } from "@/components/forms/Errors";
import { Choices, DateField, SubmitRow, TextField } from "@/components/forms/Fields";

type Props = {
  goal?: GoalDto;
  choices: WhoChoices;
  areaNames: Record<string, string>;
  action: (state: FormState, formData: FormData) => Promise<FormState>;
};

/** From a wish to a goal, or changing one: real form, field errors in place, a draft that survives. */
export function GoalForm({ goal, choices, areaNames, action }: Props) {
  const t = useTranslations("GoalForm");
  const [state, formAction, pending] = useActionState(action, IDLE);
  const errors = state.fieldErrors ?? {};
  const text = (name: "wish" | "title" | "reachedWhen" | "reviewOn") => shownValue(state, name, goal?.[name] ?? "");
  const helpers = isRefused(state) ? [state.values?.helpers ?? []].flat() : (goal?.helpers.map((h) => h.ref) ?? []);
  const options = [
    ...choices.people.map((p) => ({ value: `NETWORK_MEMBER:${p.id}`, label: p.name })),
    ...choices.areas.map((a) => ({ value: `SERVICE_AREA:${a.id}`, label: areaNames[a.key] ?? a.key })),
  ];
  return (
    <DraftForm
      key={formKey(state, `saved-${goal?.version ?? 0}`)}
      draftKey={goal ? `goal:${goal.id}` : "goal:new"}
      action={formAction}
      saved={state.status === "saved" ? state : null}
      className="space-y-5"
    >
      <ErrorSummary
        fieldErrors={state.fieldErrors}
        formError={state.status === "conflict" ? "GoalForm.conflict" : state.status === "failed" ? "GoalForm.failed" : undefined}
        labels={{ wish: t("wish"), title: t("title"), reachedWhen: t("reachedWhen"), reviewOn: t("reviewOn"), helpers: t("helpers") }}
      />
      {goal && (
        <>
          <input type="hidden" name="goalId" value={goal.id} />
          <input type="hidden" name="version" value={state.status === "saved" ? (state.version ?? goal.version) : goal.version} />
        </>
      )}
      <TextField
        name="wish"
        label={t("wish")}
        hint={t("wishHint")}
        max={GOAL_TEXT_MAX}
        rows={3}
        defaultValue={text("wish")}
        errors={errors.wish}
      />
      <TextField
        name="title"
        label={t("title")}
        hint={t("titleHint")}
        max={GOAL_TITLE_MAX}
        defaultValue={text("title")}
        errors={errors.title}
      />
      <TextField
        name="reachedWhen"
        label={t("reachedWhen")}
        hint={t("reachedWhenHint")}
        max={GOAL_TEXT_MAX}
        rows={2}
        defaultValue={text("reachedWhen")}
        errors={errors.reachedWhen}
      />
      {options.length > 0 && (
        <Choices
          name="helpers"
          type="checkbox"
          legend={t("helpers")}
          hint={t("helpersHint")}
          options={options}
          checked={helpers}
          errors={errors.helpers}
        />
      )}
      <DateField name="reviewOn" label={t("reviewOn")} hint={t("reviewOnHint")} defaultValue={text("reviewOn")} errors={errors.reviewOn} />
      <SubmitRow label={goal ? t("save") : t("create")} pending={pending} done={state.status === "saved" ? t("saved") : undefined} />
    </DraftForm>
  );
}

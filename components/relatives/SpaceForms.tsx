"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import type { RelativeSpaceDto } from "@/lib/relatives/dto";
import { FEELINGS, HELP_WISHES, SPACE_TEXT_MAX } from "@/lib/relatives/schema";
import { formKey, IDLE, isRefused, shownValue, type FormState } from "@/lib/forms/form-state";
import { DraftForm } from "@/components/forms/DraftForm";
import { ErrorSummary } from "@/components/forms/Errors";
import { Choices, SubmitRow, TextField } from "@/components/forms/Fields";

type Action = (state: FormState, formData: FormData) => Promise<FormState>;
const FLAGS = ["needsRespite", "wantsPeers", "wantsCoordinator"] as const;
const SHARING = ["sharedWithCitizen", "sharedWithStaff"] as const;

/** How I want to help — or that I do not, and that is fine — what I need, and who may see it. */
export function SpaceForm({
  space,
  name,
  citizenId,
  action,
}: {
  space: RelativeSpaceDto;
  name: string;
  citizenId: string;
  action: Action;
}) {
  const t = useTranslations("SpaceForm");
  const [state, formAction, pending] = useActionState(action, IDLE);
  const refused = isRefused(state);
  const on = (k: string) => (refused ? state.values?.[k] === "on" : Boolean(space[k as keyof RelativeSpaceDto]));
  const checked = (keys: readonly string[]) => keys.filter(on);
  return (
    <DraftForm
      key={formKey(state, `saved-${space.version}`)}
      draftKey={`relative-space:${citizenId}`}
      action={formAction}
      saved={state.status === "saved" ? state : null}
      className="space-y-6"
    >
      <ErrorSummary
        fieldErrors={state.fieldErrors}
        formError={state.status === "conflict" ? "SpaceForm.conflict" : state.status === "failed" ? "SpaceForm.failed" : undefined}
        labels={{ helpWish: t("wishLegend", { name }), canDo: t("canDo") }}
      />
      <input type="hidden" name="version" value={state.status === "saved" ? (state.version ?? space.version) : space.version} />
      <Choices
        name="helpWish"
        type="radio"
        legend={t("wishLegend", { name })}
        hint={t("wishHint")}
        options={HELP_WISHES.map((w) => ({ value: w, label: t(`wish.${w}`) }))}
        checked={[shownValue(state, "helpWish", space.helpWish ?? "")]}
        errors={state.fieldErrors?.helpWish}
      />
      <TextField
        name="canDo"
        label={t("canDo")}
        hint={t("canDoHint")}
        max={SPACE_TEXT_MAX}
        rows={3}
        defaultValue={shownValue(state, "canDo", space.canDo)}
        errors={state.fieldErrors?.canDo}
      />
      <CheckboxGroup legend={t("needsLegend")} keys={FLAGS} checked={checked(FLAGS)} label={(k) => t(`need.${k}`)} />
      <CheckboxGroup
        legend={t("shareLegend")}
        hint={t("shareHint", { name })}
        keys={SHARING}
        checked={checked(SHARING)}
        label={(k) => t(`share.${k}`, { name })}
      />
      <SubmitRow label={t("save")} pending={pending} done={state.status === "saved" ? t("saved") : undefined} />
    </DraftForm>
  );
}

/** Yes/no questions, each its own checkbox (its own field name), under one legend. */
function CheckboxGroup({
  legend,
  hint,
  keys,
  checked,
  label,
}: {
  legend: string;
  hint?: string;
  keys: readonly string[];
  checked: string[];
  label: (k: string) => string;
}) {
  return (
    <fieldset className="space-y-1">
      <legend className="font-semibold">{legend}</legend>
      {hint && <p className="text-gray-600">{hint}</p>}
      {keys.map((k) => (
        <label key={k} className="flex min-h-11 items-center gap-3">
          <input type="checkbox" name={k} defaultChecked={checked.includes(k)} className="size-6 shrink-0" />
          {label(k)}
        </label>
      ))}
    </fieldset>
  );
}

/** "How am I doing": three plain choices and a few words, kept over time. */
export function CheckInForm({ citizenId, action }: { citizenId: string; action: Action }) {
  const t = useTranslations("SpaceForm");
  const [state, formAction, pending] = useActionState(action, IDLE);
  return (
    <DraftForm
      key={formKey(state, "new")}
      draftKey={`relative-checkin:${citizenId}`}
      action={formAction}
      saved={state.status === "saved" ? state : null}
      className="space-y-4"
    >
      <ErrorSummary
        fieldErrors={state.fieldErrors}
        formError={state.status === "failed" ? "SpaceForm.failed" : undefined}
        labels={{ feeling: t("feelingLegend"), note: t("note") }}
      />
      <Choices
        name="feeling"
        type="radio"
        legend={t("feelingLegend")}
        options={FEELINGS.map((f) => ({ value: f, label: t(`feeling.${f}`) }))}
        checked={[shownValue(state, "feeling")]}
        errors={state.fieldErrors?.feeling}
      />
      <TextField
        name="note"
        label={t("note")}
        max={SPACE_TEXT_MAX}
        rows={2}
        defaultValue={shownValue(state, "note")}
        errors={state.fieldErrors?.note}
      />
      <SubmitRow label={t("checkIn")} pending={pending} done={state.status === "saved" ? t("checkedIn") : undefined} />
    </DraftForm>
  );
}

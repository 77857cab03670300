"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { CONSENTABLE_PARTS } from "@/lib/access/policy";
import { CONSENT_REASON_MAX } from "@/lib/consents/schema";
import { HELP_HOW_OFTEN_MAX, HELP_WHAT_MAX } from "@/lib/help/schema";
import { formKey, IDLE, isRefused, shownValue, type FormState } from "@/lib/forms/form-state";
import { DraftForm } from "@/components/forms/DraftForm";
import { ErrorSummary } from "@/components/forms/Errors";
import { Choices, DateField, SubmitRow } from "@/components/forms/Fields";
import { PlainTextField } from "@/components/forms/PlainTextField";
import { AreaChoice } from "./AreaChoice";
import { LOOK_REASONS } from "@/lib/staff/look-reasons";

type Action = (state: FormState, formData: FormData) => Promise<FormState>;

/** Asking the citizen, just in time, for the parts the area needs, saying why in words they will understand. */
export function AskConsentForm({
  citizenId,
  areas,
  partNames,
  action,
}: {
  citizenId: string;
  areas: { id: string; name: string }[];
  partNames: Record<string, string>;
  action: Action;
}) {
  const t = useTranslations("StaffForms");
  const [state, formAction, pending] = useActionState(action, IDLE);
  const errors = state.fieldErrors ?? {};
  const parts = isRefused(state) ? [state.values?.parts ?? []].flat() : ["PROFILE"];
  return (
    <DraftForm
      key={formKey(state, "new")}
      draftKey={`ask:${citizenId}`}
      action={formAction}
      saved={state.status === "saved" ? state : null}
      className="space-y-5"
    >
      <ErrorSummary
        fieldErrors={state.fieldErrors}
        formError={state.status === "failed" ? "StaffForms.failed" : undefined}
        labels={{ serviceAreaId: t("area"), reason: t("reason"), parts: t("parts") }}
      />
      <AreaChoice areas={areas} label={t("area")} value={shownValue(state, "serviceAreaId", areas[0]?.id)} errors={errors.serviceAreaId} />
      <PlainTextField
        name="reason"
        label={t("reason")}
        hint={t("reasonHint")}
        max={CONSENT_REASON_MAX}
        rows={3}
        defaultValue={shownValue(state, "reason")}
        errors={errors.reason}
      />
      <Choices
        name="parts"
        type="checkbox"
        legend={t("parts")}
        hint={t("partsHint")}
        options={CONSENTABLE_PARTS.map((p) => ({ value: p, label: partNames[p] ?? p }))}
        checked={parts}
        errors={errors.parts}
      />
      <SubmitRow label={t("ask")} pending={pending} done={state.status === "saved" ? t("asked") : undefined} />
    </DraftForm>
  );
}

/** Why a caseworker who does not work with the citizen looks at their plan: one of a few reasons, said once a day. */
export function StateReasonForm({ action }: { action: Action }) {
  const t = useTranslations("StaffForms");
  const [state, formAction, pending] = useActionState(action, IDLE);
  const errors = state.fieldErrors ?? {};
  return (
    <form action={formAction} className="space-y-5">
      <ErrorSummary
        fieldErrors={state.fieldErrors}
        formError={state.status === "failed" ? "StaffForms.failed" : undefined}
        labels={{ reason: t("lookReason") }}
      />
      <Choices
        name="reason"
        type="radio"
        legend={t("lookReason")}
        hint={t("lookReasonHint")}
        options={LOOK_REASONS.map((r) => ({ value: r, label: t(`lookReasons.${r}`) }))}
        checked={[shownValue(state, "reason") ?? ""].flat()}
        errors={errors.reason}
      />
      <SubmitRow label={t("look")} pending={pending} />
    </form>
  );
}

/** The area's help, in plain words: what, how often, until when. */
export function HelpForm({ citizenId, action }: { citizenId: string; action: Action }) {
  const t = useTranslations("StaffForms");
  const [state, formAction, pending] = useActionState(action, IDLE);
  const errors = state.fieldErrors ?? {};
  return (
    <DraftForm
      key={formKey(state, "new")}
      draftKey={`help:${citizenId}`}
      action={formAction}
      saved={state.status === "saved" ? state : null}
      className="space-y-5"
    >
      <ErrorSummary
        fieldErrors={state.fieldErrors}
        formError={state.status === "failed" ? "StaffForms.failed" : undefined}
        labels={{ what: t("helpWhat"), howOften: t("helpHowOften"), until: t("helpUntil") }}
        anchors={{ what: "help-what", howOften: "help-howOften", until: "help-until" }}
      />
      <PlainTextField
        name="what"
        id="help-what"
        label={t("helpWhat")}
        hint={t("helpWhatHint")}
        max={HELP_WHAT_MAX}
        rows={2}
        defaultValue={shownValue(state, "what")}
        errors={errors.what}
      />
      <PlainTextField
        name="howOften"
        id="help-howOften"
        label={t("helpHowOften")}
        hint={t("helpHowOftenHint")}
        max={HELP_HOW_OFTEN_MAX}
        defaultValue={shownValue(state, "howOften")}
        errors={errors.howOften}
      />
      <DateField
        name="until"
        id="help-until"
        label={t("helpUntil")}
        hint={t("helpUntilHint")}
        defaultValue={shownValue(state, "until")}
        errors={errors.until}
      />
      <SubmitRow label={t("addHelp")} pending={pending} done={state.status === "saved" ? t("helpAdded") : undefined} />
    </DraftForm>
  );
}

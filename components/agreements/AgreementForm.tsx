"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import type { WhoChoices } from "@/lib/agreements/dto";
import { AGREEMENT_WHAT_MAX } from "@/lib/agreements/schema";
import { formKey, IDLE, shownValue, type FormState } from "@/lib/forms/form-state";
import { DraftForm } from "@/components/forms/DraftForm";
import { ErrorSummary } from "@/components/forms/Errors";
import { DateField, SelectField, SubmitRow, TextField } from "@/components/forms/Fields";
import { PlainTextField } from "@/components/forms/PlainTextField";

type Props = {
  choices: WhoChoices;
  areaNames: Record<string, string>;
  action: (state: FormState, formData: FormData) => Promise<FormState>;
  /** How "the citizen does it" is said: "Me" to the citizen, "Inge" to a relative. */
  meLabel?: string;
  /** Whose plan the draft belongs to (a relative may write in several). */
  draftScope?: string;
  /** A caseworker writing words the citizen will read: the plain-language check beside the field. */
  plainLanguage?: boolean;
};

/** A new agreement: what, who, by when. Works without JavaScript; with it, keeps a draft. */
export function AgreementForm({ choices, areaNames, action, meLabel, draftScope = "own", plainLanguage = false }: Props) {
  const t = useTranslations("AgreementForm");
  const [state, formAction, pending] = useActionState(action, IDLE);
  const errors = state.fieldErrors ?? {};
  const value = (name: string) => shownValue(state, name);
  return (
    <DraftForm
      key={formKey(state, "new")}
      draftKey={`agreement:${draftScope}:new`}
      action={formAction}
      saved={state.status === "saved" ? state : null}
      className="space-y-5"
    >
      <ErrorSummary
        fieldErrors={state.fieldErrors}
        formError={state.status === "failed" ? "AgreementForm.failed" : undefined}
        labels={{ what: t("what"), who: t("who"), dueOn: t("dueOn") }}
      />
      {plainLanguage ? (
        <PlainTextField
          name="what"
          label={t("what")}
          hint={t("whatHint")}
          max={AGREEMENT_WHAT_MAX}
          rows={2}
          defaultValue={value("what")}
          errors={errors.what}
        />
      ) : (
        <TextField
          name="what"
          label={t("what")}
          hint={t("whatHint")}
          max={AGREEMENT_WHAT_MAX}
          rows={2}
          defaultValue={value("what")}
          errors={errors.what}
        />
      )}
      <SelectField name="who" label={t("who")} defaultValue={value("who") || "CITIZEN"} errors={errors.who}>
        <option value="CITIZEN">{meLabel ?? t("me")}</option>
        {choices.people.length > 0 && (
          <optgroup label={t("myPeople")}>
            {choices.people.map((p) => (
              <option key={p.id} value={`NETWORK_MEMBER:${p.id}`}>
                {p.name}
              </option>
            ))}
          </optgroup>
        )}
        <optgroup label={t("municipality")}>
          {choices.areas.map((a) => (
            <option key={a.id} value={`SERVICE_AREA:${a.id}`}>
              {areaNames[a.key] ?? a.key}
            </option>
          ))}
        </optgroup>
      </SelectField>
      <DateField name="dueOn" label={t("dueOn")} hint={t("dueOnHint")} defaultValue={value("dueOn")} errors={errors.dueOn} />
      <SubmitRow label={t("add")} pending={pending} done={state.status === "saved" ? t("added") : undefined} />
    </DraftForm>
  );
}

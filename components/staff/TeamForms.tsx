"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { formKey, IDLE, shownValue, type FormState } from "@/lib/forms/form-state";
import { ErrorSummary } from "@/components/forms/Errors";
import { SelectField, SubmitRow } from "@/components/forms/Fields";

type Action = (state: FormState, formData: FormData) => Promise<FormState>;
type Option = { id: string; name: string };

/** A lead puts a caseworker of the area on a citizen the area works with. */
export function AssignForm({
  areaId,
  idPrefix,
  citizens,
  caseworkers,
  action,
}: {
  areaId: string;
  idPrefix: string;
  citizens: Option[];
  caseworkers: Option[];
  action: Action;
}) {
  const t = useTranslations("TeamForms");
  const [state, formAction, pending] = useActionState(action, IDLE);
  const errors = state.fieldErrors ?? {};
  const ids = { citizenId: `${idPrefix}-citizen`, staffId: `${idPrefix}-staff` };
  return (
    <form key={formKey(state, "new")} action={formAction} className="space-y-4">
      <ErrorSummary
        fieldErrors={state.fieldErrors}
        formError={state.status === "failed" ? "TeamForms.failed" : undefined}
        labels={{ citizenId: t("citizen"), staffId: t("caseworker") }}
        anchors={ids}
      />
      <input type="hidden" name="serviceAreaId" value={areaId} />
      <SelectField
        id={ids.citizenId}
        name="citizenId"
        label={t("citizen")}
        errors={errors.citizenId}
        defaultValue={shownValue(state, "citizenId")}
      >
        <option value="">{t("chooseCitizen")}</option>
        {citizens.map((c) => (
          <option key={c.id} value={c.id}>
            {c.name}
          </option>
        ))}
      </SelectField>
      <SelectField
        id={ids.staffId}
        name="staffId"
        label={t("caseworker")}
        hint={t("caseworkerHint")}
        errors={errors.staffId}
        defaultValue={shownValue(state, "staffId")}
      >
        <option value="">{t("chooseCaseworker")}</option>
        {caseworkers.map((c) => (
          <option key={c.id} value={c.id}>
            {c.name}
          </option>
        ))}
      </SelectField>
      <SubmitRow label={t("assign")} pending={pending} done={state.status === "saved" ? t("assigned") : undefined} />
    </form>
  );
}

"use client";

import { useActionState, type ReactNode } from "react";
import { useTranslations } from "next-intl";
import { formKey, IDLE, shownValue, type FormState } from "@/lib/validation/form-state";
import { ErrorSummary, FieldError } from "@/components/forms/Errors";
import { SubmitRow } from "@/components/forms/Fields";

type Action = (state: FormState, formData: FormData) => Promise<FormState>;
type Option = { id: string; name: string };

/** A choice from a list, with its label, hint and error. Ids carry a prefix: a lead of two areas has two of these forms on one page. */
function Select({ id, name, label, hint, errors, defaultValue, children }: { id: string; name: string; label: string; hint?: string; errors?: string[]; defaultValue: string; children: ReactNode }) {
  const describedBy = [hint ? `${id}-hint` : null, errors?.length ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
  return (
    <div>
      <label htmlFor={id} className="block font-semibold">
        {label}
      </label>
      {hint && (
        <p id={`${id}-hint`} className="text-gray-600">
          {hint}
        </p>
      )}
      <FieldError id={`${id}-error`} keys={errors} />
      <select
        id={id}
        name={name}
        defaultValue={defaultValue}
        aria-describedby={describedBy}
        aria-invalid={errors?.length ? true : undefined}
        className={`mt-1 block min-h-11 w-full max-w-md border-2 bg-white px-3 ${errors?.length ? "border-error" : "border-gray-600"}`}
      >
        {children}
      </select>
    </div>
  );
}

/** A lead puts a caseworker of the area on a citizen the area works with. */
export function AssignForm({ areaId, idPrefix, citizens, caseworkers, action }: { areaId: string; idPrefix: string; citizens: Option[]; caseworkers: Option[]; action: Action }) {
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
      <Select id={ids.citizenId} name="citizenId" label={t("citizen")} errors={errors.citizenId} defaultValue={shownValue(state, "citizenId")}>
        <option value="">{t("chooseCitizen")}</option>
        {citizens.map((c) => (
          <option key={c.id} value={c.id}>
            {c.name}
          </option>
        ))}
      </Select>
      <Select id={ids.staffId} name="staffId" label={t("caseworker")} hint={t("caseworkerHint")} errors={errors.staffId} defaultValue={shownValue(state, "staffId")}>
        <option value="">{t("chooseCaseworker")}</option>
        {caseworkers.map((c) => (
          <option key={c.id} value={c.id}>
            {c.name}
          </option>
        ))}
      </Select>
      <SubmitRow label={t("assign")} pending={pending} done={state.status === "saved" ? t("assigned") : undefined} />
    </form>
  );
}

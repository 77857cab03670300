"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { ATTORNEY_RIGHTS } from "@/lib/access/policy";
import { formKey, IDLE, isRefused, shownValue, type FormState } from "@/lib/forms/form-state";
import { ErrorSummary } from "@/components/forms/Errors";
import { Choices, DateField, SelectField, SubmitRow } from "@/components/forms/Fields";

type Action = (state: FormState, formData: FormData) => Promise<FormState>;

/** Let one of my relatives act for me: who, which rights (each says what it lets them do), until when. */
export function GrantPowerForm({ relatives, action }: { relatives: { id: string; name: string }[]; action: Action }) {
  const t = useTranslations("Powers");
  const [state, formAction, pending] = useActionState(action, IDLE);
  const errors = state.fieldErrors ?? {};
  const refused = isRefused(state);
  const ids = { relationshipId: "power-relative", rights: "power-rights", until: "power-until" };
  return (
    <form key={formKey(state, "grant")} action={formAction} className="space-y-4">
      <ErrorSummary
        fieldErrors={state.fieldErrors}
        formError={state.status === "failed" ? "Powers.failed" : undefined}
        labels={{ relationshipId: t("who"), rights: t("rights"), until: t("until") }}
        anchors={ids}
      />
      <SelectField
        name="relationshipId"
        id={ids.relationshipId}
        label={t("who")}
        defaultValue={shownValue(state, "relationshipId", "")}
        errors={errors.relationshipId}
      >
        <option value="">{t("choose")}</option>
        {relatives.map((r) => (
          <option key={r.id} value={r.id}>
            {r.name}
          </option>
        ))}
      </SelectField>
      <Choices
        name="rights"
        id={ids.rights}
        type="checkbox"
        legend={t("rights")}
        options={ATTORNEY_RIGHTS.map((r) => ({ value: r, label: t(`right.${r}`), detail: t(`rightMeans.${r}`) }))}
        checked={refused ? [state.values?.rights ?? []].flat() : []}
        errors={errors.rights}
      />
      <DateField
        name="until"
        id={ids.until}
        label={t("until")}
        hint={t("untilHint")}
        defaultValue={shownValue(state, "until")}
        errors={errors.until}
      />
      <SubmitRow label={t("grant")} pending={pending} done={state.status === "saved" ? t("granted") : undefined} />
    </form>
  );
}

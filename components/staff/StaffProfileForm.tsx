"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { IDLE, shownValue, type FormState } from "@/lib/forms/form-state";
import { STAFF_HOURS_MAX, showPhone } from "@/lib/staff/profile-schema";
import { ErrorSummary } from "@/components/forms/Errors";
import { SubmitRow, TextField } from "@/components/forms/Fields";

type Action = (state: FormState, formData: FormData) => Promise<FormState>;

/** My direct line: the phone I answer myself, and when; shown to the citizens whose red thread I hold. */
export function StaffProfileForm({ phone, hours, action }: { phone: string; hours: string; action: Action }) {
  const t = useTranslations("StaffProfile");
  const [state, formAction, pending] = useActionState(action, IDLE);
  const errors = state.fieldErrors ?? {};
  return (
    <form action={formAction} className="space-y-4">
      <ErrorSummary
        fieldErrors={state.fieldErrors}
        formError={state.status === "failed" ? "StaffProfile.failed" : undefined}
        labels={{ phone: t("phone"), hours: t("hours") }}
      />
      <TextField
        name="phone"
        label={t("phone")}
        hint={t("phoneHint")}
        errors={errors.phone}
        max={20}
        defaultValue={shownValue(state, "phone", phone ? showPhone(phone) : "")}
      />
      <TextField
        name="hours"
        label={t("hours")}
        hint={t("hoursHint")}
        errors={errors.hours}
        max={STAFF_HOURS_MAX}
        defaultValue={shownValue(state, "hours", hours)}
      />
      <SubmitRow label={t("save")} pending={pending} done={state.status === "saved" ? t("saved") : undefined} />
    </form>
  );
}

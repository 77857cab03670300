"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { CONSENTABLE_PARTS } from "@/lib/access/policy";
import { IDLE, isRefused, shownValue, type FormState } from "@/lib/forms/form-state";
import { START_CHANNELS, START_MONTHS } from "@/lib/staff/forms";
import { ErrorSummary, FieldError } from "@/components/forms/Errors";
import { AreaChoice } from "./AreaChoice";
import { CprInput } from "./CprInput";
import { Choices, SubmitButton, TextField } from "@/components/forms/Fields";

type Props = {
  action: (state: FormState, formData: FormData) => Promise<FormState>;
  areas: { id: string; name: string }[];
  partNames: Record<string, string>;
};

/**
 * Starting a plan with a citizen during a visit or a call. A plain form, not a draft: the CPR number is never
 * kept in the browser, and a refused form comes back without it. Nothing is ticked for the citizen: the parts,
 * how it was given, and that they agreed are chosen together with them.
 */
export function StartPlanForm({ action, areas, partNames }: Props) {
  const t = useTranslations("StartPlan");
  const [state, formAction, pending] = useActionState(action, IDLE);
  const errors = state.fieldErrors ?? {};
  const refused = isRefused(state);
  const parts = refused ? [state.values?.parts ?? []].flat() : [];
  const partsLegend = t("parts", { area: areas.length === 1 ? areas[0]!.name : t("yourArea") });
  return (
    <form action={formAction} autoComplete="off" className="space-y-6">
      <ErrorSummary
        fieldErrors={state.fieldErrors}
        formError={state.status === "failed" ? "StartPlan.failed" : undefined}
        labels={{
          cpr: t("cpr"),
          name: t("name"),
          channel: t("channel"),
          serviceAreaId: t("area"),
          parts: partsLegend,
          months: t("months"),
          how: t("how"),
          agreed: t("agreed"),
        }}
      />
      <div>
        <label htmlFor="cpr" className="block font-semibold">
          {t("cpr")}
        </label>
        <p id="cpr-hint" className="text-gray-600">
          {t("cprHint")}
        </p>
        <FieldError id="cpr-error" keys={errors.cpr} />
        <CprInput errors={errors.cpr} />
      </div>
      <TextField
        name="name"
        label={t("name")}
        hint={t("nameHint")}
        max={100}
        defaultValue={shownValue(state, "name")}
        errors={errors.name}
      />
      <Choices
        name="channel"
        type="radio"
        legend={t("channel")}
        options={START_CHANNELS.map((c) => ({ value: c, label: t(`channels.${c}`) }))}
        checked={refused ? [shownValue(state, "channel")] : []}
        errors={errors.channel}
      />
      <AreaChoice areas={areas} label={t("area")} value={shownValue(state, "serviceAreaId", areas[0]?.id)} errors={errors.serviceAreaId} />
      <Choices
        name="parts"
        type="checkbox"
        legend={partsLegend}
        hint={t("partsHint")}
        options={CONSENTABLE_PARTS.filter((p) => p !== "PROFILE").map((p) => ({ value: p, label: partNames[p] ?? p }))}
        checked={parts}
        errors={errors.parts}
      />
      <Choices
        name="months"
        type="radio"
        legend={t("months")}
        options={START_MONTHS.map((m) => ({ value: m, label: t("monthsOption", { count: Number(m) }) }))}
        checked={refused ? [shownValue(state, "months")] : []}
        errors={errors.months}
      />
      <Choices
        name="how"
        type="radio"
        legend={t("how")}
        options={[
          { value: "CONVERSATION", label: t("howConversation") },
          { value: "PAPER", label: t("howPaper") },
        ]}
        checked={refused ? [shownValue(state, "how")] : []}
        errors={errors.how}
      />
      <div>
        <FieldError id="agreed-error" keys={errors.agreed} />
        <label className="flex min-h-11 items-center gap-3 font-semibold">
          <input
            type="checkbox"
            id="agreed"
            name="agreed"
            value="yes"
            aria-describedby={errors.agreed?.length ? "agreed-error" : undefined}
            aria-invalid={errors.agreed?.length ? true : undefined}
            className="size-6 shrink-0"
          />
          {t("agreed")}
        </label>
      </div>
      <SubmitButton label={t("submit")} pending={pending} />
    </form>
  );
}

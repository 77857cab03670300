"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import type { CprState } from "@/lib/staff/forms";
import type { FormState } from "@/lib/forms/form-state";
import { ErrorSummary, FieldError } from "@/components/forms/Errors";
import { Choices, SubmitButton } from "@/components/forms/Fields";
import { CPR_LOOKUP_PURPOSES } from "@/lib/staff/cpr";
import { Link } from "@/lib/i18n/navigation";
import { AskConsentForm } from "./StaffForms";
import { CprInput } from "./CprInput";

type Props = {
  action: (state: CprState, formData: FormData) => Promise<CprState>;
  /** Asking for consent, for the citizen found (the id is bound here; the gate decides). */
  askAction: (citizenId: string, state: FormState, formData: FormData) => Promise<FormState>;
  /** The caseworker's areas, named, for the ask. */
  areas: { id: string; name: string }[];
  partNames: Record<string, string>;
};

/**
 * An exact CPR-number lookup (posted, never in an address). The number is not
 * sent back: after a lookup the field is empty and the number is nowhere on
 * screen. A citizen found is shown by name, with the way on: their page when
 * the caseworker's areas already work with them, else asking for consent here.
 */
export function CprLookupForm({ action, askAction, areas, partNames }: Props) {
  const t = useTranslations("CprLookup");
  const [state, formAction, pending] = useActionState(action, { status: "idle" });
  const fieldErrors = state.status === "invalid" ? state.fieldErrors : undefined;
  const errors = fieldErrors?.cpr;
  return (
    <div className="space-y-4">
      <form action={formAction} autoComplete="off" className="space-y-3">
        <ErrorSummary
          fieldErrors={fieldErrors}
          formError={state.status === "throttled" ? "CprLookup.throttled" : undefined}
          labels={{ purpose: t("purpose"), cpr: t("label") }}
          anchors={{ purpose: "cpr-purpose" }}
        />
        <Choices
          name="purpose"
          id="cpr-purpose"
          type="radio"
          legend={t("purpose")}
          hint={t("purposeHint")}
          options={CPR_LOOKUP_PURPOSES.map((p) => ({ value: p, label: t(`purposes.${p}`) }))}
          checked={state.status === "invalid" && state.purpose ? [state.purpose] : []}
          errors={fieldErrors?.purpose}
        />
        <div>
          <label htmlFor="cpr" className="block font-semibold">
            {t("label")}
          </label>
          <p id="cpr-hint" className="text-gray-600">
            {t("hint")}
          </p>
          <FieldError id="cpr-error" keys={errors} />
          <div className="mt-1 flex flex-wrap items-end gap-3">
            <CprInput errors={errors} />
            <SubmitButton label={t("submit")} pending={pending} secondary />
          </div>
        </div>
      </form>
      <div role="status" data-testid="cpr-result">
        {state.status === "none" && (
          <p>
            {t("none")} <Link href="/staff/start">{t("startPlan")}</Link>
          </p>
        )}
        {state.status === "found" && <p className="font-semibold">{t("found", { name: state.found.name })}</p>}
      </div>
      {state.status === "found" &&
        (state.found.inMyAreas ? (
          <p>
            <Link href={`/staff/citizens/${state.found.citizenId}`}>{t("open", { name: state.found.name })}</Link>
          </p>
        ) : (
          <section aria-labelledby="cpr-ask-title" className="space-y-3 border-s-4 border-primary ps-4">
            <h3 id="cpr-ask-title">{t("askTitle", { name: state.found.name })}</h3>
            <p>{t("askIntro")}</p>
            <AskConsentForm
              key={state.found.citizenId}
              citizenId={state.found.citizenId}
              areas={areas}
              partNames={partNames}
              action={askAction.bind(null, state.found.citizenId)}
            />
          </section>
        ))}
    </div>
  );
}

"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { ATTORNEY_RIGHTS, CONSENTABLE_PARTS } from "@/lib/access/policy";
import { CONSENT_DURATIONS } from "@/lib/consents/schema";
import { formKey, IDLE, isRefused, shownValue, type FormState } from "@/lib/forms/form-state";
import { ErrorSummary, FieldError } from "@/components/forms/Errors";
import { Choices, DateField, SelectField, SubmitRow } from "@/components/forms/Fields";

type Action = (state: FormState, formData: FormData) => Promise<FormState>;
type Area = { id: string; name: string };

/** "The citizen agreed to exactly this": ticked by the caseworker, never for them. */
function Agreed({ id, name = "agreed", label, errors }: { id: string; name?: string; label: string; errors?: string[] }) {
  return (
    <div>
      <FieldError id={`${id}-error`} keys={errors} />
      <label className="flex min-h-11 items-center gap-3 font-semibold">
        <input
          type="checkbox"
          id={id}
          name={name}
          value="yes"
          aria-describedby={errors?.length ? `${id}-error` : undefined}
          aria-invalid={errors?.length ? true : undefined}
          className="size-6 shrink-0"
        />
        {label}
      </label>
    </div>
  );
}

function How({ id, legend, state }: { id: string; legend: string; state: FormState }) {
  const t = useTranslations("RecordConsent");
  return (
    <Choices
      name="how"
      id={id}
      type="radio"
      legend={legend}
      options={[
        { value: "CONVERSATION", label: t("howConversation") },
        { value: "PAPER", label: t("howPaper") },
      ]}
      checked={isRefused(state) ? [shownValue(state, "how")] : []}
      errors={state.fieldErrors?.how}
    />
  );
}

/**
 * A consent the citizen gave in a conversation or on a signed paper form, to the caseworker's own area: the
 * parts, for how long, how it was given. Nothing is ticked for the citizen.
 */
export function RecordConsentForm({ areas, partNames, action }: { areas: Area[]; partNames: Record<string, string>; action: Action }) {
  const t = useTranslations("RecordConsent");
  const [state, formAction, pending] = useActionState(action, IDLE);
  const errors = state.fieldErrors ?? {};
  const refused = isRefused(state);
  const ids = { serviceAreaId: "rc-area", parts: "rc-parts", duration: "rc-duration", how: "rc-how", agreed: "rc-agreed" };
  return (
    <form key={formKey(state, "record")} action={formAction} className="space-y-5">
      <ErrorSummary
        fieldErrors={state.fieldErrors}
        formError={state.status === "failed" ? "RecordConsent.failed" : undefined}
        labels={{ serviceAreaId: t("area"), parts: t("parts"), duration: t("duration"), how: t("how"), agreed: t("agreed") }}
        anchors={ids}
      />
      {areas.length > 1 ? (
        <SelectField
          name="serviceAreaId"
          id={ids.serviceAreaId}
          label={t("area")}
          defaultValue={shownValue(state, "serviceAreaId", areas[0]!.id)}
          errors={errors.serviceAreaId}
        >
          {areas.map((a) => (
            <option key={a.id} value={a.id}>
              {a.name}
            </option>
          ))}
        </SelectField>
      ) : (
        <input type="hidden" name="serviceAreaId" value={areas[0]?.id ?? ""} />
      )}
      <Choices
        name="parts"
        id={ids.parts}
        type="checkbox"
        legend={t("parts")}
        hint={t("partsHint")}
        options={CONSENTABLE_PARTS.filter((p) => p !== "PROFILE").map((p) => ({ value: p, label: partNames[p] ?? p }))}
        checked={refused ? [state.values?.parts ?? []].flat() : []}
        errors={errors.parts}
      />
      <Choices
        name="duration"
        id={ids.duration}
        type="radio"
        legend={t("duration")}
        options={CONSENT_DURATIONS.map((d) => ({ value: d, label: t(`durations.${d}`) }))}
        checked={refused ? [shownValue(state, "duration")] : []}
        errors={errors.duration}
      />
      <How id={ids.how} legend={t("how")} state={state} />
      <Agreed id={ids.agreed} label={t("agreed")} errors={errors.agreed} />
      <SubmitRow label={t("submit")} pending={pending} done={state.status === "saved" ? t("recorded") : undefined} />
    </form>
  );
}

/**
 * A withdrawal the citizen told the caseworker: for any area of the municipality (the caseworker does not
 * learn which areas had consent), answered the same either way.
 */
export function RecordWithdrawalForm({ areas, action }: { areas: Area[]; action: Action }) {
  const t = useTranslations("RecordConsent");
  const [state, formAction, pending] = useActionState(action, IDLE);
  const errors = state.fieldErrors ?? {};
  const ids = { serviceAreaId: "rw-area", how: "rw-how", agreed: "rw-agreed" };
  return (
    <form key={formKey(state, "withdraw")} action={formAction} className="space-y-5">
      <ErrorSummary
        fieldErrors={state.fieldErrors}
        formError={state.status === "failed" ? "RecordConsent.failed" : undefined}
        labels={{ serviceAreaId: t("withdrawArea"), how: t("withdrawHow"), agreed: t("withdrawAgreed") }}
        anchors={ids}
      />
      <SelectField
        name="serviceAreaId"
        id={ids.serviceAreaId}
        label={t("withdrawArea")}
        defaultValue={shownValue(state, "serviceAreaId", "")}
        errors={errors.serviceAreaId}
      >
        <option value="">{t("chooseArea")}</option>
        {areas.map((a) => (
          <option key={a.id} value={a.id}>
            {a.name}
          </option>
        ))}
      </SelectField>
      <How id={ids.how} legend={t("withdrawHow")} state={state} />
      <Agreed id={ids.agreed} label={t("withdrawAgreed")} errors={errors.agreed} />
      <SubmitRow label={t("withdrawSubmit")} pending={pending} done={state.status === "saved" ? t("withdrawRecorded") : undefined} />
    </form>
  );
}

/**
 * A power of attorney on paper, or a guardianship appointed by the authorities: who holds it (their CPR number,
 * never kept, only a sign that finds them when they sign in with MitID; their name as the document says),
 * which rights, until when, and the caseworker's word that they have seen the document. The CPR field is never
 * filled in again by the page.
 */
export function RecordPowerForm({ action }: { action: Action }) {
  const t = useTranslations("RecordConsent");
  const tPowers = useTranslations("Powers");
  const [state, formAction, pending] = useActionState(action, IDLE);
  const errors = state.fieldErrors ?? {};
  const refused = isRefused(state);
  const ids = { holderCpr: "rp-cpr", holderName: "rp-name", rights: "rp-rights", source: "rp-source", until: "rp-until", seen: "rp-seen" };
  return (
    <form key={formKey(state, "power")} action={formAction} autoComplete="off" className="space-y-5">
      <ErrorSummary
        fieldErrors={state.fieldErrors}
        formError={state.status === "failed" ? "RecordConsent.failed" : undefined}
        labels={{
          holderCpr: t("powerCpr"),
          holderName: t("powerName"),
          rights: tPowers("rights"),
          source: t("powerSource"),
          until: tPowers("until"),
          seen: t("powerSeen"),
        }}
        anchors={ids}
      />
      <div>
        <label htmlFor={ids.holderCpr} className="block font-semibold">
          {t("powerCpr")}
        </label>
        <p id={`${ids.holderCpr}-hint`} className="text-gray-600">
          {t("powerCprHint")}
        </p>
        <FieldError id={`${ids.holderCpr}-error`} keys={errors.holderCpr} />
        <input
          id={ids.holderCpr}
          name="holderCpr"
          type="text"
          inputMode="numeric"
          autoComplete="off"
          spellCheck={false}
          maxLength={11}
          aria-describedby={errors.holderCpr?.length ? `${ids.holderCpr}-hint ${ids.holderCpr}-error` : `${ids.holderCpr}-hint`}
          aria-invalid={errors.holderCpr?.length ? true : undefined}
          className="mt-1 block min-h-11 w-48 max-w-full border-2 border-gray-600 px-3"
        />
      </div>
      <div>
        <label htmlFor={ids.holderName} className="block font-semibold">
          {t("powerName")}
        </label>
        <FieldError id={`${ids.holderName}-error`} keys={errors.holderName} />
        <input
          id={ids.holderName}
          name="holderName"
          defaultValue={shownValue(state, "holderName")}
          maxLength={100}
          aria-describedby={errors.holderName?.length ? `${ids.holderName}-error` : undefined}
          aria-invalid={errors.holderName?.length ? true : undefined}
          className="mt-1 block min-h-11 w-full border-2 border-gray-600 px-3"
        />
      </div>
      <Choices
        name="source"
        id={ids.source}
        type="radio"
        legend={t("powerSource")}
        options={[
          { value: "PAPER", label: t("powerPaper") },
          { value: "GUARDIANSHIP", label: t("powerGuardianship") },
        ]}
        checked={refused ? [shownValue(state, "source")] : []}
        errors={errors.source}
      />
      <Choices
        name="rights"
        id={ids.rights}
        type="checkbox"
        legend={tPowers("rights")}
        options={ATTORNEY_RIGHTS.map((r) => ({ value: r, label: tPowers(`right.${r}`), detail: tPowers(`rightMeans.${r}`) }))}
        checked={refused ? [state.values?.rights ?? []].flat() : []}
        errors={errors.rights}
      />
      <DateField name="until" id={ids.until} label={tPowers("until")} defaultValue={shownValue(state, "until")} errors={errors.until} />
      <Agreed id={ids.seen} name="seen" label={t("powerSeen")} errors={errors.seen} />
      <SubmitRow label={t("powerSubmit")} pending={pending} done={state.status === "saved" ? t("powerRecorded") : undefined} />
    </form>
  );
}

"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { HANDOVER_NOTE_MAX } from "@/lib/red-thread/schema";
import { MESSAGE_TEXT_MAX } from "@/lib/messages/schema";
import { STEP_TEXT_MAX } from "@/lib/goals/schema";
import { AGREEMENT_WHAT_MAX } from "@/lib/agreements/schema";
import { formKey, IDLE, shownValue, type FormState } from "@/lib/forms/form-state";
import { DraftForm } from "@/components/forms/DraftForm";
import { ErrorSummary } from "@/components/forms/Errors";
import { Choices, DateField, SelectField, SubmitRow } from "@/components/forms/Fields";
import { PlainTextField } from "@/components/forms/PlainTextField";

// A caseworker's forms on a citizen's shared plan. Words the citizen will read
// get the plain-language check beside them.

type Action = (state: FormState, formData: FormData) => Promise<FormState>;
const failed = (state: FormState) =>
  state.status === "failed" ? "StaffForms.failed" : state.status === "conflict" ? "StaffForms.conflict" : undefined;

/** The coordinator offers the red thread to a named colleague; it changes hands only when they accept. */
export function OfferHandoverForm({
  citizenId,
  offers,
  colleagues,
  action,
}: {
  citizenId: string;
  offers: number;
  colleagues: { id: string; label: string }[];
  action: Action;
}) {
  const t = useTranslations("StaffForms");
  const [state, formAction, pending] = useActionState(action, IDLE);
  const errors = state.fieldErrors ?? {};
  return (
    <DraftForm
      key={formKey(state, "new")}
      draftKey={`handover:${citizenId}:${offers}`}
      action={formAction}
      saved={state.status === "saved" ? state : null}
      className="space-y-5"
    >
      <ErrorSummary
        fieldErrors={state.fieldErrors}
        formError={failed(state)}
        labels={{ toStaffId: t("handoverTo"), note: t("handoverNote") }}
      />
      <SelectField
        name="toStaffId"
        label={t("handoverTo")}
        hint={t("handoverToHint")}
        defaultValue={shownValue(state, "toStaffId")}
        errors={errors.toStaffId}
      >
        <option value="">{t("choose")}</option>
        {colleagues.map((c) => (
          <option key={c.id} value={c.id}>
            {c.label}
          </option>
        ))}
      </SelectField>
      <PlainTextField
        name="note"
        label={t("handoverNote")}
        hint={t("handoverNoteHint")}
        max={HANDOVER_NOTE_MAX}
        rows={3}
        defaultValue={shownValue(state, "note")}
        errors={errors.note}
      />
      <SubmitRow label={t("offerHandover")} pending={pending} done={state.status === "saved" ? t("handoverOffered") : undefined} />
    </DraftForm>
  );
}

/** Taking the red thread: only with the word that the plan has been read. */
export function AcceptHandoverForm({ handoverId, action }: { handoverId: string; action: Action }) {
  const t = useTranslations("StaffForms");
  const [state, formAction, pending] = useActionState(action, IDLE);
  const errors = state.fieldErrors ?? {};
  return (
    <form action={formAction} className="space-y-4">
      <ErrorSummary fieldErrors={state.fieldErrors} formError={failed(state)} labels={{ planRead: t("planRead") }} />
      <input type="hidden" name="handoverId" value={handoverId} />
      <Choices
        name="planRead"
        type="checkbox"
        legend={t("planReadLegend")}
        options={[{ value: "on", label: t("planRead") }]}
        checked={[]}
        errors={errors.planRead}
      />
      <SubmitRow label={t("acceptHandover")} pending={pending} done={state.status === "saved" ? t("handoverAccepted") : undefined} />
    </form>
  );
}

/** "Contact me" is closed by writing down what was agreed with the citizen. */
export function CloseContactRequestForm({
  requestId,
  action,
  withDate = true,
}: {
  requestId: string;
  action: Action;
  /** A relative's own situation is answered with what was agreed, no date in the citizen's plan. */
  withDate?: boolean;
}) {
  const t = useTranslations("StaffForms");
  // several requests can be open on one page (the citizen's and relatives'): ids unique per request
  const ids = { what: `answer-what-${requestId}`, dueOn: `answer-dueOn-${requestId}` };
  const [state, formAction, pending] = useActionState(action, IDLE);
  const errors = state.fieldErrors ?? {};
  return (
    <DraftForm
      key={formKey(state, "new")}
      draftKey={`contact-answer:${requestId}`}
      action={formAction}
      saved={state.status === "saved" ? state : null}
      className="space-y-5"
    >
      <ErrorSummary
        fieldErrors={state.fieldErrors}
        formError={failed(state)}
        labels={{ what: t("agreedWhat"), dueOn: t("agreedBy") }}
        anchors={ids}
      />
      <input type="hidden" name="requestId" value={requestId} />
      <PlainTextField
        name="what"
        id={ids.what}
        label={t("agreedWhat")}
        hint={t(withDate ? "agreedWhatHint" : "agreedWhatHintOwn")}
        max={AGREEMENT_WHAT_MAX}
        rows={3}
        defaultValue={shownValue(state, "what")}
        errors={errors.what}
      />
      {withDate && (
        <DateField
          name="dueOn"
          id={ids.dueOn}
          label={t("agreedBy")}
          hint={t("agreedByHint")}
          defaultValue={shownValue(state, "dueOn")}
          errors={errors.dueOn}
        />
      )}
      <SubmitRow
        label={t("closeRequest")}
        pending={pending}
        done={state.status === "saved" ? t(withDate ? "requestClosed" : "requestClosedOwn") : undefined}
      />
    </DraftForm>
  );
}

/** A message to the citizen, in plain words. */
export function MessageForm({ citizenId, action }: { citizenId: string; action: Action }) {
  const t = useTranslations("StaffForms");
  const [state, formAction, pending] = useActionState(action, IDLE);
  const errors = state.fieldErrors ?? {};
  return (
    <DraftForm
      key={formKey(state, "new")}
      draftKey={`message:${citizenId}`}
      action={formAction}
      saved={state.status === "saved" ? state : null}
      className="space-y-5"
    >
      <ErrorSummary
        fieldErrors={state.fieldErrors}
        formError={failed(state)}
        labels={{ text: t("messageText") }}
        anchors={{ text: "message-text" }}
      />
      <PlainTextField
        name="text"
        id="message-text"
        label={t("messageText")}
        hint={t("messageHint")}
        max={MESSAGE_TEXT_MAX}
        rows={4}
        defaultValue={shownValue(state, "text")}
        errors={errors.text}
      />
      <SubmitRow label={t("sendMessage")} pending={pending} done={state.status === "saved" ? t("messageSent") : undefined} />
    </DraftForm>
  );
}

/** A step towards one of the citizen's goals, proposed: the citizen says yes or no. */
export function ProposeStepForm({ goalId, goalTitle, action }: { goalId: string; goalTitle: string; action: Action }) {
  const t = useTranslations("StaffForms");
  const [state, formAction, pending] = useActionState(action, IDLE);
  const errors = state.fieldErrors ?? {};
  const id = `propose-${goalId}`;
  return (
    <DraftForm
      key={formKey(state, "new")}
      draftKey={`propose:${goalId}`}
      action={formAction}
      saved={state.status === "saved" ? state : null}
      className="space-y-3"
    >
      <ErrorSummary
        fieldErrors={state.fieldErrors}
        formError={failed(state)}
        labels={{ text: t("proposeStepLabel", { goal: goalTitle }) }}
        anchors={{ text: id }}
      />
      <input type="hidden" name="goalId" value={goalId} />
      <PlainTextField
        name="text"
        id={id}
        label={t("proposeStepLabel", { goal: goalTitle })}
        hint={t("proposeStepHint")}
        max={STEP_TEXT_MAX}
        defaultValue={shownValue(state, "text")}
        errors={errors.text}
      />
      <SubmitRow
        label={t("proposeStep")}
        ariaLabel={`${t("proposeStep")}: ${goalTitle}`}
        pending={pending}
        done={state.status === "saved" ? t("stepProposed") : undefined}
      />
    </DraftForm>
  );
}

"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { CONTACT_CHANNELS } from "@/lib/contact/schema";
import { CONTACT_REQUEST_TEXT_MAX } from "@/lib/contact-requests/schema";
import { formKey, IDLE, isRefused, shownValue, type FormState } from "@/lib/forms/form-state";
import { DraftForm } from "@/components/forms/DraftForm";
import { ErrorSummary } from "@/components/forms/Errors";
import { Choices, SubmitRow, TextField } from "@/components/forms/Fields";

/** A few optional words and how to be reached: enough for the coordinator to call. */
export function ContactRequestForm({
  citizenId,
  asked,
  channel,
  about,
  action,
}: {
  citizenId: string;
  asked: number;
  channel: string;
  /** For a relative: whose situation it is about (the choices, already in words). */
  about?: { legend: string; options: { value: string; label: string; detail?: string }[] };
  action: (state: FormState, formData: FormData) => Promise<FormState>;
}) {
  const t = useTranslations("ContactRequestForm");
  const tChannel = useTranslations("ContactForm.channel");
  const [state, formAction, pending] = useActionState(action, IDLE);
  const errors = state.fieldErrors ?? {};
  const chosen = isRefused(state) ? shownValue(state, "channel") : channel;
  return (
    <DraftForm
      key={formKey(state, "new")}
      draftKey={`contact-request:${citizenId}:${about ? "relative:" : ""}${asked}`}
      action={formAction}
      saved={state.status === "saved" ? state : null}
      className="space-y-5"
    >
      <ErrorSummary
        fieldErrors={state.fieldErrors}
        formError={state.status === "failed" ? "ContactRequestForm.failed" : undefined}
        labels={{ text: t("text"), channel: t("channel"), ...(about ? { about: about.legend } : {}) }}
      />
      {about &&
        (about.options.length > 1 ? (
          <Choices
            name="about"
            type="radio"
            legend={about.legend}
            options={about.options}
            // nothing chosen for them: whose situation it is, the relative says
            checked={isRefused(state) ? [shownValue(state, "about")] : []}
            errors={errors.about}
          />
        ) : (
          <input type="hidden" name="about" value={about.options[0]!.value} />
        ))}
      <TextField
        name="text"
        label={t("text")}
        hint={t("textHint")}
        max={CONTACT_REQUEST_TEXT_MAX}
        rows={4}
        defaultValue={shownValue(state, "text")}
        errors={errors.text}
      />
      <Choices
        name="channel"
        type="radio"
        legend={t("channel")}
        options={CONTACT_CHANNELS.map((c) => ({ value: c, label: tChannel(c) }))}
        checked={[chosen]}
        errors={errors.channel}
      />
      <SubmitRow label={t("send")} pending={pending} done={state.status === "saved" ? t("sent") : undefined} />
    </DraftForm>
  );
}

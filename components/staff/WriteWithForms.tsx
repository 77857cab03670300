"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { CONTACT_CHANNELS, CONTACT_TEXT_MAX, INTERPRETER_NEEDS, VISIT_PREFERENCES } from "@/lib/contact/schema";
import { GOAL_TEXT_MAX, GOAL_TITLE_MAX } from "@/lib/goals/schema";
import { STORY_SECTIONS, STORY_TEXT_MAX } from "@/lib/story/schema";
import { formKey, IDLE, isRefused, shownValue, type FormState } from "@/lib/forms/form-state";
import { ErrorSummary, FieldError } from "@/components/forms/Errors";
import { Choices, SelectField, SubmitRow, TextField } from "@/components/forms/Fields";

type Action = (state: FormState, formData: FormData) => Promise<FormState>;

/**
 * Writing *with* the citizen, on a visit or a call: a part of their story, a goal, or how they want to be
 * contacted. It is saved as a text for the citizen to confirm; nothing in their plan changes until they do.
 * Plain forms (not drafts kept in the browser): a caseworker's screen may be shared.
 */
export function WriteWithForm({
  target,
  sectionNames,
  action,
}: {
  target: "STORY" | "GOAL" | "CONTACT";
  sectionNames: Record<string, string>;
  action: Action;
}) {
  const t = useTranslations("WriteWith");
  const tContact = useTranslations("ContactForm");
  const [state, formAction, pending] = useActionState(action, IDLE);
  const errors = state.fieldErrors ?? {};
  const refused = isRefused(state);
  const id = (name: string) => `ww-${target.toLowerCase()}-${name}`;
  const labels: Record<string, string> =
    target === "STORY"
      ? { storyKind: t("section"), text: t("text") }
      : target === "GOAL"
        ? { title: t("goalTitle"), whyItMatters: t("goalWhy") }
        : {
            channel: tContact("channel.legend"),
            times: tContact("times.label"),
            visit: tContact("visit.legend"),
            language: tContact("language.label"),
            interpreter: tContact("interpreter.legend"),
            someonePresent: tContact("someonePresent.label"),
          };
  const radios = (name: "channel" | "visit" | "interpreter", values: readonly string[]) => (
    <Choices
      name={name}
      id={id(name)}
      type="radio"
      legend={labels[name]!}
      options={values.map((v) => ({ value: v, label: tContact(`${name}.${v}`) }))}
      checked={refused ? [shownValue(state, name)] : []}
      errors={errors[name]}
    />
  );
  const text = (name: string, max: number, rows?: number) => (
    <TextField
      name={name}
      id={id(name)}
      label={labels[name]!}
      max={max}
      rows={rows}
      defaultValue={shownValue(state, name)}
      errors={errors[name]}
    />
  );
  return (
    <form key={formKey(state, target)} action={formAction} className="space-y-4">
      <ErrorSummary
        fieldErrors={state.fieldErrors}
        formError={state.status === "failed" ? "WriteWith.failed" : undefined}
        labels={labels}
        anchors={Object.fromEntries(Object.keys(labels).map((k) => [k, id(k)]))}
      />
      <input type="hidden" name="target" value={target} />
      {target === "STORY" && (
        <>
          <SelectField
            name="storyKind"
            id={id("storyKind")}
            label={labels.storyKind!}
            defaultValue={shownValue(state, "storyKind", "ABOUT_ME")}
            errors={errors.storyKind}
          >
            {STORY_SECTIONS.map((k) => (
              <option key={k} value={k}>
                {sectionNames[k] ?? k}
              </option>
            ))}
          </SelectField>
          {text("text", STORY_TEXT_MAX, 6)}
        </>
      )}
      {target === "GOAL" && (
        <>
          {text("title", GOAL_TITLE_MAX)}
          {text("whyItMatters", GOAL_TEXT_MAX, 3)}
        </>
      )}
      {target === "CONTACT" && (
        <>
          {radios("channel", CONTACT_CHANNELS)}
          {text("times", CONTACT_TEXT_MAX)}
          {radios("visit", VISIT_PREFERENCES)}
          {text("language", 60)}
          {radios("interpreter", INTERPRETER_NEEDS)}
          {text("someonePresent", CONTACT_TEXT_MAX)}
        </>
      )}
      <SubmitRow label={t("save")} pending={pending} done={state.status === "saved" ? t("saved") : undefined} />
    </form>
  );
}

/** The citizen said yes to the caseworker: recorded with their word that the citizen agreed to exactly this. */
export function RecordYesForm({
  writtenWithId,
  target,
  label,
  action,
}: {
  writtenWithId: string;
  target: string;
  label: string;
  action: Action;
}) {
  const t = useTranslations("WriteWith");
  const [state, formAction, pending] = useActionState(action, IDLE);
  const errors = state.fieldErrors ?? {};
  const agreedId = `yes-${writtenWithId}`;
  return (
    <form action={formAction} className="space-y-2">
      <ErrorSummary
        fieldErrors={state.fieldErrors}
        formError={state.status === "failed" ? "WriteWith.failed" : undefined}
        labels={{ agreed: t("agreed") }}
        anchors={{ agreed: agreedId }}
      />
      <input type="hidden" name="writtenWithId" value={writtenWithId} />
      <input type="hidden" name="target" value={target} />
      <FieldError id={`${agreedId}-error`} keys={errors.agreed} />
      <label className="flex min-h-11 items-center gap-3">
        <input
          type="checkbox"
          id={agreedId}
          name="agreed"
          value="yes"
          aria-describedby={errors.agreed?.length ? `${agreedId}-error` : undefined}
          className="size-6 shrink-0"
        />
        {t("agreed")}
      </label>
      <SubmitRow
        label={t("recordYes")}
        ariaLabel={`${t("recordYes")}: ${label}`}
        pending={pending}
        done={state.status === "saved" ? t("yesRecorded") : undefined}
      />
    </form>
  );
}

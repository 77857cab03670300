"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import type { NetworkMemberDto } from "@/lib/network/dto";
import { CLOSENESS, NAME_MAX, NETWORK_KINDS, NETWORK_TEXT_MAX } from "@/lib/network/schema";
import { formKey, IDLE, shownValue, type FormState } from "@/lib/forms/form-state";
import { DraftForm } from "@/components/forms/DraftForm";
import { ErrorSummary } from "@/components/forms/Errors";
import { Choices, SubmitRow, TextField } from "@/components/forms/Fields";

type Props = {
  member?: NetworkMemberDto;
  action: (state: FormState, formData: FormData) => Promise<FormState>;
  /** Whose plan the draft belongs to (a relative may write in several). */
  draftScope?: string;
};

/** Someone in my network, or a club or community: who, how close, what they help with, how to reach them. */
export function NetworkMemberForm({ member, action, draftScope = "own" }: Props) {
  const t = useTranslations("NetworkMemberForm");
  const [state, formAction, pending] = useActionState(action, IDLE);
  const errors = state.fieldErrors ?? {};
  const value = (name: "kind" | "name" | "relation" | "closeness" | "helpsWith" | "contact", fallback = "") =>
    shownValue(state, name, member?.[name] ?? fallback);
  return (
    <DraftForm
      key={formKey(state, `saved-${member?.version ?? 0}`)}
      draftKey={member ? `person:${member.id}` : `person:${draftScope}:new`}
      action={formAction}
      saved={state.status === "saved" ? state : null}
      className="space-y-5"
    >
      <ErrorSummary
        fieldErrors={state.fieldErrors}
        formError={
          state.status === "conflict" ? "NetworkMemberForm.conflict" : state.status === "failed" ? "NetworkMemberForm.failed" : undefined
        }
        labels={{
          kind: t("kind"),
          name: t("name"),
          relation: t("relation"),
          closeness: t("closeness"),
          helpsWith: t("helpsWith"),
          contact: t("contact"),
        }}
      />
      {member && (
        <>
          <input type="hidden" name="memberId" value={member.id} />
          <input type="hidden" name="version" value={state.status === "saved" ? (state.version ?? member.version) : member.version} />
        </>
      )}
      <Choices
        name="kind"
        type="radio"
        legend={t("kind")}
        options={NETWORK_KINDS.map((k) => ({ value: k, label: t(`kinds.${k}`) }))}
        checked={[value("kind", "PERSON")]}
        errors={errors.kind}
      />
      <TextField name="name" label={t("name")} max={NAME_MAX} defaultValue={value("name")} errors={errors.name} />
      <TextField
        name="relation"
        label={t("relation")}
        hint={t("relationHint")}
        max={NAME_MAX}
        defaultValue={value("relation")}
        errors={errors.relation}
      />
      <Choices
        name="closeness"
        type="radio"
        legend={t("closeness")}
        hint={t("closenessHint")}
        options={CLOSENESS.map((c) => ({ value: c, label: t(`rings.${c}`) }))}
        checked={[value("closeness", "CLOSE")]}
        errors={errors.closeness}
      />
      <TextField
        name="helpsWith"
        label={t("helpsWith")}
        hint={t("helpsWithHint")}
        max={NETWORK_TEXT_MAX}
        rows={2}
        defaultValue={value("helpsWith")}
        errors={errors.helpsWith}
      />
      <TextField
        name="contact"
        label={t("contact")}
        hint={t("contactHint")}
        max={NETWORK_TEXT_MAX}
        defaultValue={value("contact")}
        errors={errors.contact}
      />
      <SubmitRow
        label={member ? t("save") : t("add")}
        pending={pending}
        done={state.status === "saved" ? (member ? t("saved") : t("added")) : undefined}
      />
    </DraftForm>
  );
}

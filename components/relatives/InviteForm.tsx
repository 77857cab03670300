"use client";

import { useActionState, useEffect, useRef, useState } from "react";
import { useTranslations } from "next-intl";
import type { InviteFormState } from "@/lib/relatives/forms";
import { NAME_MAX } from "@/lib/network/schema";
import { RELATIVE_PERMISSIONS } from "@/lib/relatives/schema";
import { formKey, isRefused, shownValue } from "@/lib/forms/form-state";
import { ErrorSummary } from "@/components/forms/Errors";
import { Choices, DateField, SelectField, SubmitButton, TextField } from "@/components/forms/Fields";

type Props = {
  invitable: { id: string; name: string }[];
  action: (state: InviteFormState, formData: FormData) => Promise<InviteFormState>;
};

/**
 * Inviting a relative: whom, what they may see and do, and until when. The link
 * comes back on the page, to share by SMS or mail, copy, or show as a QR code.
 */
export function InviteForm({ invitable, action }: Props) {
  const t = useTranslations("InviteForm");
  const [state, formAction, pending] = useActionState(action, { status: "idle" } as InviteFormState);
  const errors = state.fieldErrors ?? {};
  const checked = isRefused(state) ? [state.values?.permissions ?? []].flat() : ["SEE_GOALS_AND_AGREEMENTS"];
  if (state.status === "saved" && state.link) return <ShareInvite link={state.link} qr={state.qr ?? ""} />;
  return (
    <form key={formKey(state, "new")} action={formAction} className="space-y-5">
      <ErrorSummary
        fieldErrors={state.fieldErrors}
        formError={state.status === "failed" ? "InviteForm.failed" : undefined}
        labels={{
          who: t("who"),
          newName: t("newName"),
          newRelation: t("newRelation"),
          permissions: t("permissions"),
          accessUntil: t("accessUntil"),
        }}
      />
      <SelectField
        name="who"
        label={t("who")}
        defaultValue={shownValue(state, "who", invitable[0] ? `NETWORK_MEMBER:${invitable[0].id}` : "NEW")}
        errors={errors.who}
      >
        {invitable.map((p) => (
          <option key={p.id} value={`NETWORK_MEMBER:${p.id}`}>
            {p.name}
          </option>
        ))}
        <option value="NEW">{t("someoneNew")}</option>
      </SelectField>
      <fieldset className="space-y-3 border-s-4 border-gray-300 ps-4">
        <legend className="font-semibold">{t("newTitle")}</legend>
        <TextField name="newName" label={t("newName")} max={NAME_MAX} defaultValue={shownValue(state, "newName")} errors={errors.newName} />
        <TextField
          name="newRelation"
          label={t("newRelation")}
          hint={t("newRelationHint")}
          max={NAME_MAX}
          defaultValue={shownValue(state, "newRelation")}
          errors={errors.newRelation}
        />
      </fieldset>
      <Choices
        name="permissions"
        type="checkbox"
        legend={t("permissions")}
        hint={t("permissionsHint")}
        options={RELATIVE_PERMISSIONS.map((p) => ({ value: p, label: t(`permission.${p}`), detail: t(`permissionMeans.${p}`) }))}
        checked={checked}
        errors={errors.permissions}
      />
      <DateField
        name="accessUntil"
        label={t("accessUntil")}
        hint={t("accessUntilHint")}
        defaultValue={shownValue(state, "accessUntil")}
        errors={errors.accessUntil}
      />
      <SubmitButton label={t("create")} pending={pending} />
    </form>
  );
}

/** The link, once: share it (the phone's share sheet), copy it, or let them scan the QR code. */
function ShareInvite({ link, qr }: { link: string; qr: string }) {
  const t = useTranslations("InviteForm");
  const [copied, setCopied] = useState(false);
  const [canShare, setCanShare] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  // the form the person used is gone: take them to what replaced it, so it is heard and seen
  useEffect(() => heading.current?.focus(), []);
  // the share sheet exists only in the browser (and not in every one): asked after hydration
  // eslint-disable-next-line react-hooks/set-state-in-effect -- a browser capability, read once
  useEffect(() => setCanShare(typeof navigator.share === "function"), []);
  return (
    <div className="space-y-4 border-s-4 border-success bg-success-light p-4" data-testid="invite-link">
      <h3 ref={heading} tabIndex={-1} className="focus:outline-none">
        {t("readyTitle")}
      </h3>
      <p>{t("readyText")}</p>
      <label htmlFor="invite-link" className="block font-semibold">
        {t("link")}
      </label>
      <input
        id="invite-link"
        readOnly
        value={link}
        onFocus={(e) => e.currentTarget.select()}
        className="block min-h-11 w-full border-2 border-gray-600 bg-white px-3 font-mono text-sm"
      />
      <div className="flex flex-wrap gap-3">
        {canShare && (
          <button
            type="button"
            onClick={() => navigator.share({ title: t("shareTitle"), text: t("shareText"), url: link }).catch(() => {})}
            className="min-h-11 bg-primary px-4 py-2 font-semibold text-white hover:bg-primary-dark"
          >
            {t("share")}
          </button>
        )}
        <button
          type="button"
          onClick={() =>
            navigator.clipboard?.writeText(link).then(
              () => setCopied(true),
              () => setCopied(false),
            )
          }
          className="min-h-11 border-2 border-gray-600 bg-white px-4 py-2 font-semibold hover:bg-gray-100"
        >
          {t("copy")}
        </button>
        <p role="status" className="self-center font-semibold">
          {copied ? t("copied") : ""}
        </p>
      </div>
      {/* eslint-disable-next-line @next/next/no-img-element -- a data URI made on the server for this one link */}
      <img src={qr} alt={t("qrAlt")} width={220} height={220} className="border-8 border-white bg-white" />
      <p className="text-sm">{t("rules")}</p>
    </div>
  );
}

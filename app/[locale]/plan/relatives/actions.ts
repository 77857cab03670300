"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getLocale } from "next-intl/server";
import QRCode from "qrcode";
import { citizenFromSession } from "@/lib/auth/citizen";
import { env } from "@/lib/env";
import { changeRelativePermissions, createInvitation, endRelative, revokeInvitation } from "@/lib/relatives/commands";
import { formValues, toFormState, type FormState } from "@/lib/forms/form-state";

export type InviteFormState = FormState & { link?: string; qr?: string; expiresAt?: string; name?: string };

/**
 * The citizen invites someone. The link comes back once, in this answer only,
 * for the citizen to hand over (share, copy or QR code); it is never put in a
 * URL of ours or a log, and only its hash is stored.
 */
export async function inviteAction(_: InviteFormState, formData: FormData): Promise<InviteFormState> {
  const values = formValues(formData, ["who", "newName", "newRelation", "permissions", "accessUntil"]);
  const me = await citizenFromSession();
  if (!me) return { status: "failed", values };
  const permissions = formData.getAll("permissions");
  const result = await createInvitation(me.actor, { citizenId: me.citizenId, ...values, permissions });
  if (!result.ok) return toFormState(result, values);
  const locale = await getLocale();
  const link = `${env().APP_URL.replace(/\/$/, "")}/${locale}/invite/${result.value.token}`;
  const qr = await QRCode.toString(link, { type: "svg", margin: 1, errorCorrectionLevel: "M" });
  revalidatePath(`/${locale}/plan`, "layout");
  return {
    status: "saved",
    link,
    qr: `data:image/svg+xml;base64,${Buffer.from(qr).toString("base64")}`,
    expiresAt: result.value.expiresAt.toISOString(),
  };
}

async function afterChange(result: { ok: boolean; error?: string } | null) {
  const locale = await getLocale();
  revalidatePath(`/${locale}/plan`, "layout");
  const notice = result?.ok ? "changed" : result?.error === "conflict" ? "conflict" : result?.error === "invalid" ? "invalid" : "failed";
  redirect(`/${locale}/plan/relatives?notice=${notice}`);
}

/** What a relative may see and do, and until when (a plain form: works without JavaScript). */
export async function changeRelativeAction(formData: FormData): Promise<void> {
  const me = await citizenFromSession();
  const result = me
    ? await changeRelativePermissions(me.actor, {
        citizenId: me.citizenId,
        relationshipId: formData.get("relationshipId"),
        permissions: formData.getAll("permissions"),
        accessUntil: formData.get("accessUntil") ?? "",
        version: formData.get("version"),
      })
    : null;
  await afterChange(result);
}

export async function endRelativeAction(formData: FormData): Promise<void> {
  const me = await citizenFromSession();
  const result = me ? await endRelative(me.actor, { citizenId: me.citizenId, relationshipId: formData.get("relationshipId") }) : null;
  await afterChange(result);
}

export async function revokeInvitationAction(formData: FormData): Promise<void> {
  const me = await citizenFromSession();
  const result = me ? await revokeInvitation(me.actor, { citizenId: me.citizenId, invitationId: formData.get("invitationId") }) : null;
  await afterChange(result);
}

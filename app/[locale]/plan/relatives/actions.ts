"use server";

import QRCode from "qrcode";
import { env } from "@/lib/env";
import { buttonAction, formAction, type FormAction } from "@/lib/forms/form-action";
import { changeRelativePermissions, createInvitation, endRelative, revokeInvitation } from "@/lib/relatives/commands";
import type { InviteFormState } from "@/lib/relatives/forms";
import { endPower, grantPower } from "@/lib/attorney/commands";

const PLAN = [{ layout: "/plan" }];

/**
 * The citizen invites someone. The link comes back once, in this answer only,
 * for the citizen to hand over (share, copy or QR code); it is never put in a
 * URL of ours or a log, and only its hash is stored.
 */
export const inviteAction: FormAction<InviteFormState> = formAction({
  command: createInvitation,
  fields: ["who", "newName", "newRelation", "permissions", "accessUntil"],
  input: (formData) => ({ permissions: formData.getAll("permissions") }),
  revalidate: PLAN,
  onSaved: async ({ token, expiresAt }, { locale }) => {
    const link = `${env().APP_URL.replace(/\/$/, "")}/${locale}/invite/${token}`;
    const qr = await QRCode.toString(link, { type: "svg", margin: 1, errorCorrectionLevel: "M" });
    return {
      status: "saved",
      link,
      qr: `data:image/svg+xml;base64,${Buffer.from(qr).toString("base64")}`,
      expiresAt: expiresAt.toISOString(),
    };
  },
});

// What a relative may see and do, ending them, taking an invitation back: plain forms (they work without JavaScript); the page says how it went.
const changed = {
  revalidate: PLAN,
  ok: "changed",
  refused: ["conflict", "invalid"] as const,
  back: (notice: string) => `/plan/relatives?notice=${notice}`,
};

/** What a relative may see and do, and until when. */
export const changeRelativeAction = buttonAction({
  command: changeRelativePermissions,
  input: (formData) => ({
    relationshipId: formData.get("relationshipId"),
    permissions: formData.getAll("permissions"),
    accessUntil: formData.get("accessUntil") ?? "",
    version: formData.get("version"),
  }),
  ...changed,
});

export const endRelativeAction = buttonAction({
  command: endRelative,
  input: (formData) => ({ relationshipId: formData.get("relationshipId") }),
  ...changed,
});

export const revokeInvitationAction = buttonAction({
  command: revokeInvitation,
  input: (formData) => ({ invitationId: formData.get("invitationId") }),
  ...changed,
});

/** Let a relative act for me under a power of attorney. */
export const grantPowerAction = formAction({
  command: grantPower,
  fields: ["relationshipId", "rights", "until"],
  input: (formData) => ({ rights: formData.getAll("rights") }),
  revalidate: PLAN,
});

/** End a power of attorney (not a guardianship: the page says so, and the command refuses it). */
export const endPowerAction = buttonAction({
  command: endPower,
  input: (formData) => ({ powerId: formData.get("powerId") }),
  revalidate: PLAN,
  ok: "power-ended",
  refused: ["invalid"],
  back: (notice) => `/plan/relatives?notice=${notice}`,
});

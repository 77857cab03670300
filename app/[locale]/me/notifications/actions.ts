"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getLocale } from "next-intl/server";
import { z } from "zod";
import { getActor, onSharedComputer } from "@/lib/auth/actor";
import type { Locale } from "@/lib/i18n/routing";
import { addDevice, removeDevice } from "@/lib/notify/devices";
import { notificationSettingsSchema } from "@/lib/notify/schema";
import { saveSettings, settingsFor } from "@/lib/notify/settings";
import { danishMobile, sendEmailConfirmation, sendSmsConfirmation } from "@/lib/notify/contact-points";
import { forgetContactPoint } from "@/lib/notify/settings";

// How I am told: my own settings, not the record (no command, no gate). Every
// action parses its input; a bad value writes nothing and comes back as a notice.

async function me() {
  const locale = (await getLocale()) as Locale;
  const actor = await getActor();
  if (actor.kind !== "user") redirect(`/${locale}/sign-in`);
  return { locale, userId: actor.userId };
}

const back = (locale: string, notices: string[]) => redirect(`/${locale}/me/notifications?notice=${notices.join(",")}#settings-title`);

export async function saveNotificationsAction(formData: FormData) {
  const { locale, userId } = await me();
  const parsed = notificationSettingsSchema.safeParse({
    ...Object.fromEntries(formData),
    urgentKinds: formData.getAll("urgentKinds"),
  });
  if (!parsed.success) {
    const field = String(parsed.error.issues[0]?.path[0] ?? "");
    back(locale, [["emailAddress", "phone", "quietTo"].includes(field) ? `invalid-${field}` : "invalid"]);
    return;
  }
  const s = parsed.data;
  // a number we could never text is refused before anything is saved
  if (s.phone && !danishMobile(s.phone)) return back(locale, ["invalid-phone"]);
  const current = await settingsFor(userId);
  const saved = await saveSettings(userId, {
    email: s.email,
    sms: s.sms,
    push: s.push,
    quietFrom: s.quiet === "none" ? 0 : s.quietFrom * 60,
    quietTo: s.quiet === "none" ? 0 : s.quietTo * 60,
    digest: s.timing === "digest",
    digestAt: s.digestAt * 60,
    urgentKinds: s.urgentKinds,
    language: s.language,
    version: s.version,
  });
  if (saved === "stale") return back(locale, ["stale"]);
  const notices = ["saved"];
  const address = s.emailAddress.toLowerCase();
  if (address && address !== current.emailAddress?.toLowerCase() && address !== current.signInEmail?.toLowerCase())
    notices.push(`email-${await sendEmailConfirmation(userId, locale, address)}`);
  const number = s.phone ? `+${danishMobile(s.phone)}` : "";
  if (number && number !== current.phone) notices.push(`sms-${await sendSmsConfirmation(userId, locale, s.phone)}`);
  revalidatePath(`/${locale}/me/notifications`);
  back(locale, notices);
}

/** The browser's subscription after the person said yes on this device (components/notify/PushDevice.tsx). */
export async function addPushDeviceAction(input: unknown): Promise<"added" | "invalid" | "too-many" | "signed-out"> {
  const actor = await getActor();
  if (actor.kind !== "user") return "signed-out";
  // a subscription outlives the session: on a shared computer it would tell the next person (decision 032)
  if (await onSharedComputer()) return "invalid";
  const outcome = await addDevice(actor.userId, input);
  if (outcome === "added") revalidatePath(`/${await getLocale()}/me/notifications`);
  return outcome;
}

const contactPoint = z.object({ what: z.enum(["emailAddress", "phone"]) });

/** Stops using a confirmed address (back to the sign-in address) or number. */
export async function forgetContactPointAction(formData: FormData) {
  const { locale, userId } = await me();
  const parsed = contactPoint.safeParse({ what: formData.get("what") });
  if (!parsed.success) return back(locale, ["failed"]);
  await forgetContactPoint(userId, parsed.data.what);
  revalidatePath(`/${locale}/me/notifications`);
  back(locale, [parsed.data.what === "phone" ? "phone-forgotten" : "email-forgotten"]);
}

const deviceId = z.object({ id: z.uuid() });

export async function removePushDeviceAction(formData: FormData) {
  const { locale, userId } = await me();
  const parsed = deviceId.safeParse({ id: formData.get("id") });
  const removed = parsed.success && (await removeDevice(userId, parsed.data.id));
  back(locale, [removed ? "device-removed" : "failed"]);
}

import { z } from "zod";
import { routing } from "@/lib/i18n/routing";
import { URGENT_CHOICES } from "./kinds";

// Safe for the browser. Errors are message keys.

const hour = z.coerce.number({ error: "Validation.chooseOne" }).int().min(0).max(23);
const checkbox = z.preprocess((v) => v === "on" || v === "true" || v === true, z.boolean());

/** How a person wants to be told, as the settings form sends it: whole hours, plain choices. */
export const notificationSettingsSchema = z
  .object({
    email: checkbox,
    sms: checkbox,
    push: checkbox,
    /** A new address or number to confirm; empty: keep what is there. */
    emailAddress: z.preprocess(
      (v) => (typeof v === "string" ? v.trim() : ""),
      z.union([z.literal(""), z.email({ error: "Validation.email" }).max(200)]),
    ),
    phone: z.preprocess((v) => (typeof v === "string" ? v.trim() : ""), z.string().max(30, { error: "Validation.phone" })),
    timing: z.enum(["now", "digest"], { error: "Validation.chooseOne" }),
    digestAt: hour,
    quiet: z.enum(["none", "hours"], { error: "Validation.chooseOne" }),
    quietFrom: hour,
    quietTo: hour,
    urgentKinds: z.array(z.enum(URGENT_CHOICES as [string, ...string[]], { error: "Validation.chooseOne" })).max(URGENT_CHOICES.length),
    language: z.enum(routing.locales, { error: "Validation.chooseOne" }),
    version: z.coerce.number().int().min(0),
  })
  .refine((s) => s.quiet === "none" || s.quietFrom !== s.quietTo, { path: ["quietTo"], error: "Validation.quietHours" });

/** A browser's push subscription, as the settings page sends it after the person said yes. */
export const pushDeviceSchema = z.object({
  endpoint: z.url({ error: "Validation.invalid" }).max(1000),
  p256dh: z.string().regex(/^[A-Za-z0-9_-]{80,100}$/, { error: "Validation.invalid" }),
  auth: z.string().regex(/^[A-Za-z0-9_-]{16,32}$/, { error: "Validation.invalid" }),
  label: z.preprocess(
    (v) => (typeof v === "string" ? v.trim() : ""),
    z.string().min(1, { error: "Validation.required" }).max(60, { error: "Validation.tooLong" }),
  ),
});

import "server-only";
import { demoMode } from "@/lib/env-public";
import { env } from "@/lib/env";
import { systemDb } from "@/lib/db/system";
import { sendMail } from "@/lib/mail/send";
import { createHash } from "node:crypto";
import { tryCounted, type Limit } from "@/lib/security/attempts";
import type { Locale } from "@/lib/i18n/routing";
import { msisdn, sendSms } from "./sms";
import { startConfirmation } from "./settings";
import { confirmMail, confirmSms } from "./texts";

/**
 * A new address or number is used only once its owner opens the link sent to
 * it, so nobody can have our messages sent to someone else. At most five such
 * links per person an hour, so the form cannot be used to flood an inbox.
 */
const limit = (userId: string): Limit => ({ key: `confirm-contact:${userId}`, max: 5, windowSeconds: 3600 });
/** …and at most three to one address or number an hour, from however many accounts. */
const toLimit = (value: string): Limit => ({
  key: `confirm-to:${createHash("sha256").update(value.toLowerCase()).digest("hex").slice(0, 32)}`,
  max: 3,
  windowSeconds: 3600,
});

/** Each try is counted before the decision, so parallel tries cannot all pass. */
async function allowed(userId: string, value: string) {
  const mine = await tryCounted(limit(userId));
  const theirs = await tryCounted(toLimit(value));
  return mine && theirs;
}

/** A Danish mobile number as the gateway takes it ("45" and eight digits), or null: we text Danish numbers only. */
export const danishMobile = (number: string) => {
  const to = msisdn(number);
  return to && /^45\d{8}$/.test(to) ? to : null;
};

export type ConfirmOutcome = "sent" | "invalid" | "throttled" | "not-set-up" | "failed";

const confirmUrl = (locale: Locale, token: string) => `${env().APP_URL.replace(/\/$/, "")}/${locale}/confirm?t=${token}`;

export async function sendEmailConfirmation(userId: string, locale: Locale, address: string): Promise<ConfirmOutcome> {
  if (!(await allowed(userId, address))) return "throttled";
  const token = await startConfirmation(userId, "EMAIL", address);
  return sendMail(confirmMail(locale, address, confirmUrl(locale, token)))
    .then(() => "sent" as const)
    .catch(() => "failed" as const);
}

export async function sendSmsConfirmation(userId: string, locale: Locale, number: string): Promise<ConfirmOutcome> {
  const to = danishMobile(number);
  if (!to) return "invalid";
  const e = env();
  if (!(e.SMS_GATEWAY_URL && e.SMS_GATEWAY_TOKEN && e.SMS_SENDER) && !demoMode) return "not-set-up";
  if (!(await allowed(userId, to))) return "throttled";
  const token = await startConfirmation(userId, "SMS", `+${to}`);
  const text = confirmSms(locale, confirmUrl(locale, token));
  if (!e.SMS_GATEWAY_URL || !e.SMS_GATEWAY_TOKEN || !e.SMS_SENDER) {
    // the demo build shows the text in its outbox; no SMS provider is ever called from the demo
    await systemDb().outboxEmail.create({ data: { to: `+${to}`, subject: "SMS", body: text } });
    return "sent";
  }
  return sendSms(
    { to, text, key: `confirm:${token.slice(0, 16)}` },
    { url: e.SMS_GATEWAY_URL, token: e.SMS_GATEWAY_TOKEN, sender: e.SMS_SENDER },
  )
    .then(() => "sent" as const)
    .catch(() => "failed" as const);
}

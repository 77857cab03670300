import "server-only";
import { createTranslator } from "use-intl/core";
import { routing, type Locale } from "@/lib/i18n/routing";
import { htmlFromText } from "@/lib/mail/html";
import { env } from "@/lib/env";
import da from "@/messages/da.json";
import en from "@/messages/en.json";
import ar from "@/messages/ar.json";
import uk from "@/messages/uk.json";
import type { Kind } from "./kinds";
import { stopToken, type StopWhat } from "./tokens";

/**
 * The words of a notification, made from its kind alone: a mail, an SMS, a push
 * message. Nothing from the record goes in (no story, goal, agreement, area or
 * name); they say that something is waiting and link to the page, behind sign-in.
 */
const catalogues: Record<Locale, typeof da> = { da, en, ar, uk };

export const localeOf = (language: string): Locale =>
  (routing.locales as readonly string[]).includes(language) ? (language as Locale) : routing.defaultLocale;

const t = (locale: Locale) => createTranslator({ locale, messages: catalogues[locale], namespace: "Notify" });

/** The links every message carries: the page, the settings, and stopping this channel without signing in. */
export function links(locale: Locale, path: string, userId: string, stop: StopWhat) {
  const base = env().APP_URL.replace(/\/$/, "");
  return {
    url: `${base}/${locale}${path}`,
    settingsUrl: `${base}/${locale}/me/notifications`,
    stopUrl: `${base}/${locale}/stop?t=${stopToken(userId, stop)}`,
    /** For the mail's List-Unsubscribe header (RFC 8058 one-click: a POST, never a GET). */
    oneClickUrl: `${base}/api/notifications/stop?t=${stopToken(userId, stop)}`,
  };
}

export function title(kind: Kind, locale: Locale): string {
  return t(locale)(`kinds.${kind}.title`);
}

export function mailFor(kind: Kind, locale: Locale, to: string, l: ReturnType<typeof links>) {
  const tr = t(locale);
  const text = tr("mailText", { body: tr(`kinds.${kind}.body`), url: l.url, settingsUrl: l.settingsUrl, stopUrl: l.stopUrl });
  return { to, subject: tr(`kinds.${kind}.title`), text, html: htmlFromText(text, { lang: locale, link: l.url }) };
}

export function smsFor(kind: Kind, locale: Locale, l: ReturnType<typeof links>): string {
  return t(locale)("smsText", { title: title(kind, locale), url: l.url, stopUrl: l.stopUrl });
}

export function pushFor(kind: Kind, locale: Locale, path: string) {
  const tr = t(locale);
  return { title: tr(`kinds.${kind}.title`), body: tr(`kinds.${kind}.body`), url: `/${locale}${path}` };
}

/** One message for several notifications (the daily digest): how many, and each one's title. */
export function digestFor(kinds: readonly Kind[], locale: Locale, to: string, l: ReturnType<typeof links>) {
  const tr = t(locale);
  const lines = kinds.map((k) => `- ${title(k, locale)}`).join("\n");
  const text = tr("digestText", { count: kinds.length, lines, url: l.url, settingsUrl: l.settingsUrl, stopUrl: l.stopUrl });
  return {
    mail: { to, subject: tr("digestSubject"), text, html: htmlFromText(text, { lang: locale, link: l.url }) },
    sms: tr("digestSms", { count: kinds.length, url: l.url, stopUrl: l.stopUrl }),
    push: { title: tr("digestPushTitle"), body: tr("digestPushBody", { count: kinds.length }) },
  };
}

export function confirmMail(locale: Locale, to: string, url: string) {
  const tr = t(locale);
  const text = tr("confirmText", { url });
  return { to, subject: tr("confirmSubject"), text, html: htmlFromText(text, { lang: locale, link: url }) };
}

export const confirmSms = (locale: Locale, url: string) => t(locale)("confirmSms", { url });

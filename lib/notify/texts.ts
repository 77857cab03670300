import "server-only";
import { createTranslator } from "use-intl/core";
import { routing, type Locale } from "@/lib/i18n/routing";
import { htmlFromText } from "@/lib/mail/html";
import { env } from "@/lib/env";
import da from "@/messages/da.json";
import en from "@/messages/en.json";
import ar from "@/messages/ar.json";
import uk from "@/messages/uk.json";
import easyDa from "@/messages/easy/da.json";
import easyEn from "@/messages/easy/en.json";
import easyAr from "@/messages/easy/ar.json";
import easyUk from "@/messages/easy/uk.json";
import { withEasyRead, type Messages } from "@/lib/i18n/easy-read";
import type { Kind } from "./kinds";
import { stopToken, type StopWhat } from "./tokens";

/**
 * The words of a notification, made from its kind alone: a mail, an SMS, a push
 * message. Nothing from the record goes in (no story, goal, agreement, area or
 * name); they say that something is waiting and link to the page, behind sign-in.
 * A citizen who reads easy-read is told in its words too (docs/decisions/041): `easy`.
 */
const catalogues: Record<Locale, typeof da> = { da, en, ar, uk };
const easyCatalogues: Record<Locale, typeof da> = {
  da: withEasyRead(da, easyDa as Messages) as typeof da,
  en: withEasyRead(en, easyEn as Messages) as typeof da,
  ar: withEasyRead(ar, easyAr as Messages) as typeof da,
  uk: withEasyRead(uk, easyUk as Messages) as typeof da,
};

export const localeOf = (language: string): Locale =>
  (routing.locales as readonly string[]).includes(language) ? (language as Locale) : routing.defaultLocale;

const t = (locale: Locale, easy = false) =>
  createTranslator({ locale, messages: (easy ? easyCatalogues : catalogues)[locale], namespace: "Notify" });

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

export function title(kind: Kind, locale: Locale, easy = false): string {
  return t(locale, easy)(`kinds.${kind}.title`);
}

export function mailFor(kind: Kind, locale: Locale, to: string, l: ReturnType<typeof links>, easy = false) {
  const tr = t(locale, easy);
  const text = tr("mailText", { body: tr(`kinds.${kind}.body`), url: l.url, settingsUrl: l.settingsUrl, stopUrl: l.stopUrl });
  return { to, subject: tr(`kinds.${kind}.title`), text, html: htmlFromText(text, { lang: locale, link: l.url }) };
}

export function smsFor(kind: Kind, locale: Locale, l: ReturnType<typeof links>, easy = false): string {
  return t(locale, easy)("smsText", { title: title(kind, locale, easy), url: l.url, stopUrl: l.stopUrl });
}

export function pushFor(kind: Kind, locale: Locale, path: string, easy = false) {
  const tr = t(locale, easy);
  return { title: tr(`kinds.${kind}.title`), body: tr(`kinds.${kind}.body`), url: `/${locale}${path}` };
}

/** One message for several notifications (the daily digest): how many, and each one's title. */
export function digestFor(kinds: readonly Kind[], locale: Locale, to: string, l: ReturnType<typeof links>, easy = false) {
  const tr = t(locale, easy);
  const lines = kinds.map((k) => `- ${title(k, locale, easy)}`).join("\n");
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

import "server-only";
import { createTranslator } from "next-intl";
import { routing, type Locale } from "@/lib/i18n/routing";
import da from "@/messages/da.json";
import en from "@/messages/en.json";
import ar from "@/messages/ar.json";
import uk from "@/messages/uk.json";
import type { Mail } from "@/lib/mail/send";
import { htmlFromText } from "@/lib/mail/html";

const catalogues: Record<Locale, typeof da> = { da, en, ar, uk };

/** The sign-in mail, in the language the link leads to. */
export async function signInMail(to: string, url: string): Promise<Mail> {
  const callback = new URL(url).searchParams.get("callbackURL") ?? "";
  const locale = routing.locales.find((l) => callback.startsWith(`/${l}/`) || callback === `/${l}`) ?? routing.defaultLocale;
  const t = createTranslator({ locale, messages: catalogues[locale], namespace: "SignInMail" });
  const text = t("body", { url });
  return { to, subject: t("subject"), text, html: htmlFromText(text, { lang: locale, link: url }) };
}

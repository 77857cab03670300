import "server-only";
import { getTranslations } from "next-intl/server";
import { routing } from "@/lib/i18n/routing";
import type { Mail } from "./mail";

/** The sign-in mail, in the language the link leads to. */
export async function signInMail(to: string, url: string): Promise<Mail> {
  const callback = new URL(url).searchParams.get("callbackURL") ?? "";
  const locale = routing.locales.find((l) => callback.startsWith(`/${l}/`) || callback === `/${l}`) ?? routing.defaultLocale;
  const t = await getTranslations({ locale, namespace: "SignInMail" });
  return { to, subject: t("subject"), body: t("body", { url }) };
}

import { getTranslations } from "next-intl/server";
import { routing } from "@/lib/i18n/routing";
import { fontVariables } from "./fonts/fonts";
import { getReading } from "@/lib/auth/actor";
import { textSizeClass } from "@/lib/reading/text-size";
import "./globals.css";

// Paths the locale proxy does not handle (e.g. a missing file) end here.
export default async function RootNotFound() {
  const locale = routing.defaultLocale;
  const [t, reading] = await Promise.all([getTranslations({ locale, namespace: "NotFound" }), getReading()]);
  // the person's text size here too (docs/decisions/036)
  const htmlClass = [fontVariables, textSizeClass(reading.textSize)].filter(Boolean).join(" ");
  return (
    <html lang={locale} className={htmlClass}>
      <body>
        <main className="mx-auto max-w-3xl px-4 py-10">
          <h1>{t("title")}</h1>
          <p className="mt-4">{t("text")}</p>
          <p className="mt-6">
            <a href={`/${locale}`}>{t("home")}</a>
          </p>
        </main>
      </body>
    </html>
  );
}

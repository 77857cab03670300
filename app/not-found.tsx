import { getTranslations } from "next-intl/server";
import { routing } from "@/lib/i18n/routing";
import { fontVariables } from "./fonts/fonts";
import "./globals.css";

// Paths the locale proxy does not handle (e.g. a missing file) end here.
export default async function RootNotFound() {
  const locale = routing.defaultLocale;
  const t = await getTranslations({ locale, namespace: "NotFound" });
  return (
    <html lang={locale} className={fontVariables}>
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

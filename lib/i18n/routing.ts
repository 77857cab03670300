import { defineRouting } from "next-intl/routing";

export const routing = defineRouting({
  locales: ["da", "en", "ar", "uk"],
  defaultLocale: "da",
  // Danish first: "/" always opens in Danish. A citizen picks another language with the
  // language links; we do not guess from the browser (docs/decisions/005).
  localeDetection: false,
});

export type Locale = (typeof routing.locales)[number];
export const TIME_ZONE = "Europe/Copenhagen";

/** Which way a language is written: Arabic right to left, the others left to right. */
export const directionOf = (locale: Locale): "ltr" | "rtl" => (locale === "ar" ? "rtl" : "ltr");

/**
 * The language links' words, each in its own language ("In English" is read by someone who
 * reads English), so they are the same in every catalogue and live here rather than in messages/.
 */
export const IN_LANGUAGE: Record<Locale, string> = {
  da: "På dansk",
  en: "In English",
  ar: "بالعربية",
  uk: "Українською",
};

import { defineRouting } from "next-intl/routing";

export const routing = defineRouting({
  locales: ["da", "en"],
  defaultLocale: "da",
  // Danish first: "/" always opens in Danish. A citizen picks English with the
  // language link; we do not guess from the browser (docs/decisions/005).
  localeDetection: false,
});

export type Locale = (typeof routing.locales)[number];
export const TIME_ZONE = "Europe/Copenhagen";

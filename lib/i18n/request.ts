import { hasLocale } from "next-intl";
import { getRequestConfig } from "next-intl/server";
import { getReading } from "@/lib/auth/actor";
import { withEasyRead, type Messages } from "./easy-read";
import { routing, TIME_ZONE, type Locale } from "./routing";

const catalogue = async (locale: Locale): Promise<Messages> => (await import(`../../messages/${locale}.json`)).default;

/** Each language's catalogue with its easy-read texts laid over, made once per server process. */
const easyCatalogues = new Map<Locale, Promise<Messages>>();
const easyCatalogue = (locale: Locale) => {
  let merged = easyCatalogues.get(locale);
  if (!merged) {
    merged = Promise.all([catalogue(locale), import(`../../messages/easy/${locale}.json`)]).then(([normal, easy]) =>
      withEasyRead(normal, easy.default as Messages),
    );
    easyCatalogues.set(locale, merged);
  }
  return merged;
};

// A citizen who asked for easy-read gets it on every page, in server components and in the messages the layout
// hands to client components (docs/decisions/036-easy-read-and-text-size.md). Someone not signed in costs no query.
export default getRequestConfig(async ({ requestLocale }) => {
  const requested = await requestLocale;
  const locale = hasLocale(routing.locales, requested) ? requested : routing.defaultLocale;
  const { easyRead } = await getReading();
  return {
    locale,
    messages: easyRead ? await easyCatalogue(locale) : await catalogue(locale),
    timeZone: TIME_ZONE,
  };
});

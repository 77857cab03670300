import type { Locale } from "@/lib/i18n/routing";

/**
 * The language of messages that a contact wish names in free text ("engelsk", "Arabic",
 * "українська"): one of ours when the words start like its name in Danish, English or the
 * language itself; Danish otherwise.
 */
export function languageOfWish(text: string): Locale {
  const t = text.trim();
  if (/^(en|eng)/i.test(t)) return "en";
  if (/^(arab|عرب|العرب)/iu.test(t)) return "ar";
  if (/^(ukrain|укр)/iu.test(t)) return "uk";
  return "da";
}

"use client";

import { useLocale } from "next-intl";
import { Link, usePathname } from "@/lib/i18n/navigation";
import { IN_LANGUAGE, routing } from "@/lib/i18n/routing";

/**
 * Links to the same page in each of the other languages, each named in its own language. They
 * are plain links, so they work without JavaScript too.
 */
export function LanguageSwitch({ label }: { label: string }) {
  const locale = useLocale();
  const pathname = usePathname();
  return (
    <ul aria-label={label} className="flex flex-wrap items-center gap-x-3">
      {routing.locales
        .filter((l) => l !== locale)
        .map((l) => (
          <li key={l}>
            <Link href={pathname} locale={l} hrefLang={l} lang={l} className="inline-flex min-h-11 items-center px-1">
              {IN_LANGUAGE[l]}
            </Link>
          </li>
        ))}
    </ul>
  );
}

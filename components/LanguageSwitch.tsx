"use client";

import { useLocale } from "next-intl";
import { Link, usePathname } from "@/lib/i18n/navigation";
import { routing } from "@/lib/i18n/routing";

/** A link to the same page in the other language. It is a plain link, so it works without JavaScript too. */
export function LanguageSwitch({ label }: { label: string }) {
  const locale = useLocale();
  const pathname = usePathname();
  const other = routing.locales.find((l) => l !== locale) ?? routing.defaultLocale;
  return (
    <Link href={pathname} locale={other} hrefLang={other} lang={other} className="inline-flex min-h-11 items-center px-1">
      {label}
    </Link>
  );
}

import { getTranslations } from "next-intl/server";
import { Link } from "@/lib/i18n/navigation";
import { LanguageSwitch } from "./LanguageSwitch";

/** The header every page shares: the service's name and the language switch. */
export async function SiteHeader() {
  const t = await getTranslations();
  return (
    <header className="border-b-4 border-primary bg-white">
      <div className="mx-auto flex max-w-5xl flex-wrap items-center justify-between gap-x-4 gap-y-2 px-4 py-3">
        <Link href="/" className="inline-flex min-h-11 items-center text-xl font-semibold text-ink no-underline">
          {t("App.name")}
        </Link>
        <nav aria-label={t("Common.mainNavigation")} className="flex flex-wrap items-center gap-x-4">
          <Link href="/me" className="inline-flex min-h-11 items-center px-1">
            {t("Common.myPage")}
          </Link>
          <LanguageSwitch label={t("Common.languageLabel")} />
        </nav>
      </div>
    </header>
  );
}

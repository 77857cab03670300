import { getLocale, getTranslations } from "next-intl/server";
import { Link } from "@/lib/i18n/navigation";
import { LanguageSwitch } from "./LanguageSwitch";
import { getReading, onSharedComputer } from "@/lib/auth/actor";
import { VisitorEasyRead } from "@/components/reading/VisitorEasyRead";
import { SignOutButton } from "@/components/auth/SignOutButton";
import { SharedComputerGuard } from "@/components/auth/SharedComputerGuard";
import { SHARED_IDLE_MINUTES } from "@/lib/auth/shared-computer";

type Props = {
  signOut: () => Promise<void>;
  stillHere: () => Promise<void>;
  chooseEasyRead: (formData: FormData) => Promise<void>;
};

/**
 * The header every page shares: the service's name and the language switch; for a visitor or a relative, easy-read
 * on or off (a citizen has it in their settings); on a shared computer, a reminder to sign out.
 */
export async function SiteHeader({ signOut, stillHere, chooseEasyRead }: Props) {
  const t = await getTranslations();
  const [shared, locale, reading] = await Promise.all([onSharedComputer(), getLocale(), getReading()]);
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
          {reading.easyReadInBrowser && (
            <VisitorEasyRead
              on={reading.easyRead}
              label={reading.easyRead ? t("Common.easyReadOff") : t("Common.easyReadOn")}
              action={chooseEasyRead}
            />
          )}
        </nav>
      </div>
      {shared && (
        <div className="border-t border-gray-300 bg-info-light">
          <div className="mx-auto flex max-w-5xl flex-wrap items-center justify-between gap-x-4 gap-y-2 px-4 py-2">
            <p data-testid="shared-notice">{t("Common.sharedNotice")}</p>
            <SharedComputerGuard idleMinutes={SHARED_IDLE_MINUTES} stillHere={stillHere} leaveTo={`/${locale}/sign-in`} />
            <SignOutButton
              action={signOut}
              label={t("Common.signOut")}
              className="min-h-11 border-2 border-gray-600 bg-white px-4 py-2 font-semibold hover:bg-gray-100"
            />
          </div>
        </div>
      )}
    </header>
  );
}

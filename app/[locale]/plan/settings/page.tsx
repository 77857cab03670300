import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { requireSignedIn } from "@/lib/auth/citizen";
import { readSettings } from "@/lib/profile/queries";
import { routing } from "@/lib/i18n/routing";
import { NoPlan } from "@/components/plan/NoPlan";
import { Link } from "@/lib/i18n/navigation";
import { PageIntro } from "@/components/plan/PageIntro";
import { titleFrom } from "@/lib/i18n/metadata";
import { saveSettings } from "./actions";
import { saveTextSizeAction } from "../../me/actions";
import { getReading } from "@/lib/auth/actor";
import { TextSizeForm, textSizeNotice } from "@/components/reading/TextSizeForm";

export const dynamic = "force-dynamic";

export const generateMetadata = titleFrom("Settings");

/**
 * Settings: language and easy-read wording, a plain form whose answer is a new page in the chosen language and,
 * with easy-read, in its easy words; then the text size, which is the person's own and also on Min side.
 */
export default async function SettingsPage({
  params,
  searchParams,
}: {
  params: Promise<{ locale: string }>;
  searchParams: Promise<{ saved?: string; problem?: string; size?: string }>;
}) {
  const { locale } = await params;
  setRequestLocale(locale);
  const { actor, citizenId } = await requireSignedIn(locale);
  if (!citizenId) return <NoPlan />;
  const [t, settings, query, reading] = await Promise.all([
    getTranslations("Settings"),
    readSettings(actor, citizenId),
    searchParams,
    getReading(),
  ]);
  if (!settings.ok) notFound();
  const { preferredLocale, plainLanguage, version } = settings.value;

  return (
    <div className="max-w-2xl space-y-6">
      <PageIntro back={t("back")} title={t("title")} />
      {query.saved && (
        <p role="status" className="border-s-4 border-success bg-success-light p-3 font-semibold">
          {t("saved")}
        </p>
      )}
      {query.problem && (
        <p role="alert" className="border-s-4 border-warning bg-warning-light p-3">
          {t(query.problem === "conflict" ? "conflict" : "failed")}
        </p>
      )}
      <form action={saveSettings} className="space-y-6">
        <input type="hidden" name="version" value={version} />
        <fieldset className="space-y-1">
          <legend className="font-semibold">{t("languageLegend")}</legend>
          {routing.locales.map((l) => (
            <label key={l} className="flex min-h-11 items-center gap-3" lang={l}>
              <input type="radio" name="preferredLocale" value={l} defaultChecked={preferredLocale === l} className="size-6" />
              {t(`languages.${l}`)}
            </label>
          ))}
        </fieldset>
        <div>
          <label className="flex min-h-11 items-center gap-3">
            <input type="checkbox" name="plainLanguage" defaultChecked={plainLanguage} aria-describedby="plain-hint" className="size-6" />
            <span className="font-semibold">{t("plainLabel")}</span>
          </label>
          <p id="plain-hint" className="text-gray-600">
            {t("plainHint")}
          </p>
        </div>
        <button type="submit" className="min-h-11 bg-primary px-5 py-2 font-semibold text-white hover:bg-primary-dark">
          {t("save")}
        </button>
      </form>
      <TextSizeForm current={reading.textSize} back="settings" notice={textSizeNotice(query.size)} action={saveTextSizeAction} />
      <section aria-labelledby="signout-title" className="space-y-2 border-t border-gray-300 pt-6">
        <h2 id="signout-title">{t("signOutTitle")}</h2>
        <p>
          <Link href="/me">{t("signOutLink")}</Link>
        </p>
      </section>
    </div>
  );
}

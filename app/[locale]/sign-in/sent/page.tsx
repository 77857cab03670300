import { getTranslations, setRequestLocale } from "next-intl/server";
import { demoMode } from "@/lib/env-public";

export default async function SentPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const t = await getTranslations("SignIn");
  return (
    <div className="max-w-2xl space-y-4">
      <h1>{t("sentTitle")}</h1>
      <p className="text-lg">{t("sentText")}</p>
      <p>{t("sentRules")}</p>
      {demoMode && (
        <p className="border-4 border-dashed border-warning p-4">
          <a href={`/${locale}/demo/outbox`}>{t("demoOutbox")}</a>
        </p>
      )}
      <p>
        <a href={`/${locale}/sign-in`}>{t("sentAgain")}</a>
      </p>
    </div>
  );
}

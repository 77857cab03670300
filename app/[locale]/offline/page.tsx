import { getTranslations, setRequestLocale } from "next-intl/server";

// The service worker keeps a copy (with the nonce it was rendered with) and shows it when a page cannot load.
export default async function OfflinePage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const t = await getTranslations("Offline");
  return (
    <div className="max-w-2xl space-y-4">
      <h1>{t("title")}</h1>
      <p className="text-lg">{t("text")}</p>
      <p className="border-s-4 border-info bg-info-light p-4">{t("safe")}</p>
      <p>
        <a href={`/${locale}`} className="inline-flex min-h-11 items-center">
          {t("retry")}
        </a>
      </p>
    </div>
  );
}

import { getTranslations } from "next-intl/server";

export async function SiteFooter() {
  const t = await getTranslations("Common");
  return (
    <footer className="no-print mt-12 border-t border-gray-200 bg-gray-100">
      <div className="mx-auto max-w-5xl px-4 py-6 text-sm text-gray-600">{t("footerText")}</div>
    </footer>
  );
}

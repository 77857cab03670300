"use client";

import { useTranslations } from "next-intl";

export default function ErrorPage({ reset }: { error: Error; reset: () => void }) {
  const t = useTranslations("Errors");
  return (
    <div role="alert" className="max-w-2xl space-y-4">
      <h1>{t("title")}</h1>
      <p>{t("text")}</p>
      <button type="button" onClick={reset} className="min-h-11 bg-primary px-5 py-2 font-semibold text-white hover:bg-primary-dark">
        {t("retry")}
      </button>
    </div>
  );
}

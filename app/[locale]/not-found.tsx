import { getTranslations } from "next-intl/server";
import { Link } from "@/lib/i18n/navigation";

export default async function NotFound() {
  const t = await getTranslations("NotFound");
  return (
    <div className="max-w-2xl space-y-4">
      <h1>{t("title")}</h1>
      <p>{t("text")}</p>
      <p>
        <Link href="/" className="inline-flex min-h-11 items-center">
          {t("home")}
        </Link>
      </p>
    </div>
  );
}

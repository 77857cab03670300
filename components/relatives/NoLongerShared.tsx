import { getTranslations } from "next-intl/server";
import { Link } from "@/lib/i18n/navigation";

/** Access has ended: said kindly and clearly, with nothing of the plan left on the page. */
export async function NoLongerShared({ name }: { name: string }) {
  const t = await getTranslations("NoLongerShared");
  return (
    <div className="max-w-2xl space-y-4" data-testid="no-longer-shared">
      <h1>{t("title", { name })}</h1>
      <p className="text-lg">{t("text", { name })}</p>
      <p>{t("support")}</p>
      <p>
        <Link href="/me">{t("toMyPage")}</Link>
      </p>
    </div>
  );
}

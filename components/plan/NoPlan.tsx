import { getTranslations } from "next-intl/server";
import { Link } from "@/lib/i18n/navigation";

/** A signed-in person without a plan of their own (a relative, or staff). */
export async function NoPlan() {
  const t = await getTranslations("Plan");
  return (
    <div className="max-w-2xl space-y-4">
      <h1>{t("noPlanTitle")}</h1>
      <p>{t("noPlanText")}</p>
      <p>
        <Link href="/me">{t("toMyPage")}</Link>
      </p>
    </div>
  );
}

import { getTranslations } from "next-intl/server";
import type { RelativeSpaceDto } from "@/lib/relatives/dto";
import { RelativeSpaceSummary } from "@/components/relatives/RelativeSpaceSummary";

/** What each relative chose to share with caseworkers of their own space. Nothing at all when nobody shared. */
export async function RelativesSection({ spaces }: { spaces: { name: string; space: RelativeSpaceDto }[] }) {
  if (spaces.length === 0) return null;
  const t = await getTranslations("StaffCitizen");
  return (
    <section aria-labelledby="staff-relatives" className="space-y-3">
      <h2 id="staff-relatives">{t("relatives")}</h2>
      {spaces.map((r) => (
        <RelativeSpaceSummary key={r.name} name={r.name} space={r.space} />
      ))}
    </section>
  );
}

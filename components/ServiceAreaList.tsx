import { getTranslations } from "next-intl/server";

type Area = { key: string; nameDa: string; nameEn: string };

/** A municipality's service areas, named from messages/ for the standard ones. */
export async function ServiceAreaList({ areas, locale }: { areas: Area[]; locale: string }) {
  const t = await getTranslations("ServiceAreas");
  return (
    <ul className="mt-4 grid gap-2 sm:grid-cols-2">
      {areas.map((area) => (
        <li key={area.key} className="border border-gray-300 px-4 py-3">
          {t.has(area.key) ? t(area.key) : locale === "en" ? area.nameEn : area.nameDa}
        </li>
      ))}
    </ul>
  );
}

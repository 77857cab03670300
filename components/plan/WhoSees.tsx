import { getTranslations } from "next-intl/server";
import type { WhoSeesDto } from "@/lib/consents/who-sees";
import { getAreaName, getDayFormat } from "@/lib/i18n/format";
import { Link } from "@/lib/i18n/navigation";

/** "Who can see this": the areas and relatives this part is shared with now, and where to change it. */
export async function WhoSees({ who, what }: { who: WhoSeesDto; what: "CONTACT" | "NETWORK" }) {
  const [t, area, day] = await Promise.all([getTranslations("WhoSees"), getAreaName(), getDayFormat()]);
  const nobody = who.areas.length === 0 && who.relatives.length === 0 && who.holders.length === 0;
  return (
    <section aria-labelledby="who-sees" className="border-s-4 border-info bg-info-light p-4" data-testid="who-sees">
      <h2 id="who-sees" className="text-xl">
        {t("title")}
      </h2>
      {nobody ? (
        <p className="mt-2">{t(`nobody.${what}`)}</p>
      ) : (
        <>
          <p className="mt-2">{t("besidesYou")}</p>
          <ul className="mt-1 list-disc space-y-1 ps-5">
            {who.areas.map((a) => (
              <li key={a.areaKey}>
                {a.until ? t("area", { area: area(a.areaKey), date: day(a.until) }) : t("areaNoEnd", { area: area(a.areaKey) })}
              </li>
            ))}
            {who.holders.map((h, i) => (
              <li key={`h${i}`}>{t("holder", { name: h || t("aRelative") })}</li>
            ))}
            {who.relatives.map((r, i) => (
              <li key={i}>
                {r.name ? (r.relation ? t("relativeNamed", { name: r.name, relation: r.relation }) : r.name) : t("aRelative")}
              </li>
            ))}
          </ul>
        </>
      )}
      <p className="mt-2">
        <Link href="/plan/consents">{t("changeAreas")}</Link> · <Link href="/plan/relatives">{t("changeRelatives")}</Link>
      </p>
    </section>
  );
}

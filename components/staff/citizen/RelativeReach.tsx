import { getTranslations } from "next-intl/server";

/** How to reach a relative who asked: what they confirmed for messages, or that there is nothing but the app. */
export async function RelativeReach({ reach }: { reach: { email: string | null; phone: string | null } }) {
  const t = await getTranslations("StaffCitizen");
  if (!reach.email && !reach.phone) return <p>{t("reachNone")}</p>;
  return (
    <p>
      {t("reach")}{" "}
      {reach.phone && (
        <a href={`tel:${reach.phone}`} className="font-semibold">
          {reach.phone}
        </a>
      )}
      {reach.phone && reach.email && " · "}
      {reach.email && (
        <a href={`mailto:${reach.email}`} className="font-semibold">
          {reach.email}
        </a>
      )}
    </p>
  );
}

import { getLocale, getTranslations, setRequestLocale } from "next-intl/server";
import { getHomeMunicipality } from "@/lib/service-areas/queries";
import { ServiceAreaList } from "@/components/ServiceAreaList";

// Reads the municipality from the database on every request.
export const dynamic = "force-dynamic";

export default async function HomePage({ params }: { params: Promise<{ locale: string }> }) {
  setRequestLocale((await params).locale);
  const [t, locale, municipality] = await Promise.all([getTranslations("Home"), getLocale(), getHomeMunicipality()]);
  const steps = [1, 2, 3] as const;

  return (
    <div className="space-y-10">
      <section aria-labelledby="home-title" className="max-w-2xl">
        <h1 id="home-title">{t("title")}</h1>
        <p className="mt-4 text-lg">{t("lead")}</p>
      </section>

      <section aria-labelledby="how-title">
        <h2 id="how-title">{t("howTitle")}</h2>
        <ol className="mt-4 grid gap-4 sm:grid-cols-3">
          {steps.map((n) => (
            <li key={n} className="border-s-4 border-primary bg-gray-100 p-4">
              <h3>{t(`step${n}Title`)}</h3>
              <p className="mt-2">{t(`step${n}Text`)}</p>
            </li>
          ))}
        </ol>
      </section>

      <section aria-labelledby="areas-title">
        {municipality ? (
          <>
            <h2 id="areas-title">{t("areasTitle", { municipality: municipality.name })}</h2>
            <p className="mt-2">{t("areasIntro")}</p>
            <ServiceAreaList areas={municipality.serviceAreas} locale={locale} />
          </>
        ) : (
          <p id="areas-title">{t("noMunicipality")}</p>
        )}
      </section>
    </div>
  );
}

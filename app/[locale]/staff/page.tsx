import { redirect } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { getActor } from "@/lib/auth/actor";
import { isStaff, myCaseload } from "@/lib/staff/caseload";
import { FindCitizenForm } from "@/components/staff/FindCitizenForm";
import { findCitizenAction } from "./actions";
import { getAreaName } from "@/lib/i18n/format";
import { titleFrom } from "@/lib/i18n/metadata";
import { Link } from "@/lib/i18n/navigation";

export const dynamic = "force-dynamic";
export const generateMetadata = titleFrom("Staff");

/** A caseworker's start: my citizens (and whether my area may see their plan yet), and finding a citizen of my areas. */
export default async function StaffPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const actor = await getActor();
  if (!isStaff(actor)) redirect(`/${locale}/me`);
  const [t, area, caseload] = await Promise.all([getTranslations("Staff"), getAreaName(), myCaseload(actor)]);

  return (
    <div className="max-w-4xl space-y-8">
      <div>
        <h1>{t("title")}</h1>
        <p className="mt-3 text-lg">{t("intro")}</p>
      </div>
      <section aria-labelledby="caseload-title" className="space-y-3">
        <h2 id="caseload-title">{t("caseloadTitle")}</h2>
        {caseload.length === 0 ? (
          <p className="text-gray-600">{t("caseloadEmpty")}</p>
        ) : (
          <ul className="space-y-2" data-testid="caseload">
            {caseload.map((c) => (
              <li key={c.citizenId} className="flex flex-wrap items-center justify-between gap-3 border border-gray-300 p-3">
                <p>
                  <Link href={`/staff/citizens/${c.citizenId}`} className="font-semibold">
                    {c.name}
                  </Link>
                  <span className="text-gray-600"> · {c.areaKeys.map(area).join(", ")}</span>
                  {c.coordinator && <span className="ml-2 font-semibold">{t("coordinator")}</span>}
                </p>
                <p className="text-sm">{t(`access.${c.access}`)}</p>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="find-title" className="space-y-3 border-t border-gray-300 pt-6">
        <h2 id="find-title">{t("findTitle")}</h2>
        <FindCitizenForm action={findCitizenAction} />
      </section>
    </div>
  );
}

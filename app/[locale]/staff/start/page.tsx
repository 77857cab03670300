import { redirect } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { getActor } from "@/lib/auth/actor";
import { CONSENTABLE_PARTS } from "@/lib/access/policy";
import { isStaff, myAreas } from "@/lib/staff/caseload";
import { getAreaName } from "@/lib/i18n/format";
import { titleFrom } from "@/lib/i18n/metadata";
import { Link } from "@/lib/i18n/navigation";
import { StartPlanForm } from "@/components/staff/StartPlanForm";
import { startPlanAction } from "../actions";

export const dynamic = "force-dynamic";
export const generateMetadata = titleFrom("StartPlan");

/** A caseworker starts a plan with a citizen who has none, during a visit or a call (lib/staff/start-plan.ts). */
export default async function StartPlanPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const actor = await getActor();
  if (!isStaff(actor)) redirect(`/${locale}/me`);
  const [t, tParts, area, areas] = await Promise.all([
    getTranslations("StartPlan"),
    getTranslations("StaffCitizen.parts"),
    getAreaName(),
    myAreas(actor),
  ]);
  return (
    <div className="max-w-2xl space-y-6">
      <p>
        <Link href="/staff">{t("back")}</Link>
      </p>
      <h1>{t("title")}</h1>
      <p>{t("intro")}</p>
      <p>{t("afterwards")}</p>
      <StartPlanForm
        action={startPlanAction}
        areas={areas.map((a) => ({ id: a.id, name: area(a.key) }))}
        partNames={Object.fromEntries(CONSENTABLE_PARTS.map((p) => [p, tParts(p)]))}
      />
    </div>
  );
}

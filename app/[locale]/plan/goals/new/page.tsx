import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { requireSignedIn } from "@/lib/auth/citizen";
import { readHelperChoices } from "@/lib/goals/queries";
import { titleFrom } from "@/lib/i18n/metadata";
import { getAreaName } from "@/lib/i18n/format";
import { NoPlan } from "@/components/plan/NoPlan";
import { PageIntro } from "@/components/plan/PageIntro";
import { GoalForm } from "@/components/goals/GoalForm";
import { createGoalAction } from "../actions";

export const dynamic = "force-dynamic";
export const generateMetadata = titleFrom("NewGoal");

/** From a wish or a dream to a goal. */
export default async function NewGoalPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const { actor, citizenId } = await requireSignedIn(locale);
  if (!citizenId) return <NoPlan />;
  const [t, area, goals] = await Promise.all([getTranslations("NewGoal"), getAreaName(), readHelperChoices(actor, citizenId)]);
  if (!goals.ok) notFound();
  const choices = goals.value;
  return (
    <div className="max-w-3xl space-y-6">
      <PageIntro back={t("back")} title={t("title")} intro={t("intro")} />
      <GoalForm
        choices={choices}
        areaNames={Object.fromEntries(choices.areas.map((a) => [a.key, area(a.key)]))}
        action={createGoalAction}
      />
    </div>
  );
}

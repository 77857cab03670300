import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { requireSignedIn } from "@/lib/auth/citizen";
import { readGoals } from "@/lib/goals/queries";
import { titleFrom } from "@/lib/i18n/metadata";
import { Link } from "@/lib/i18n/navigation";
import { NoPlan } from "@/components/plan/NoPlan";
import { PageIntro } from "@/components/plan/PageIntro";
import { GoalSummary } from "@/components/goals/GoalSummary";
import type { GoalDto } from "@/lib/goals/dto";

export const dynamic = "force-dynamic";
export const generateMetadata = titleFrom("Goals");

function GoalItem({ goal, label, className }: { goal: GoalDto; label?: string; className: string }) {
  return (
    <li className={`border-s-4 p-4 ${className}`}>
      {label && <p className="text-sm font-semibold uppercase">{label}</p>}
      <h3 className="text-xl">
        <Link href={`/plan/goals/${goal.id}`}>{goal.title}</Link>
      </h3>
      <div className="mt-2">
        <GoalSummary goal={goal} />
      </div>
    </li>
  );
}

/** My wishes and goals: the ones I am working on, and the ones behind me, reached or let go. */
export default async function GoalsPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const { actor, citizenId } = await requireSignedIn(locale);
  if (!citizenId) return <NoPlan />;
  const [t, goals] = await Promise.all([getTranslations("Goals"), readGoals(actor, citizenId)]);
  if (!goals.ok) notFound();
  const { active, closed } = goals.value;

  return (
    <div className="max-w-3xl space-y-8">
      <PageIntro back={t("back")} title={t("title")} intro={t("intro")} />
      <p className="no-print">
        <Link
          href="/plan/goals/new"
          className="inline-flex min-h-11 items-center bg-primary px-5 py-2 font-semibold text-white no-underline hover:bg-primary-dark"
        >
          {t("add")}
        </Link>
      </p>
      <section aria-labelledby="active-title" className="space-y-3">
        <h2 id="active-title">{t("activeTitle")}</h2>
        {active.length === 0 && <p className="text-gray-600">{t("activeEmpty")}</p>}
        <ul className="space-y-4">
          {active.map((g) => (
            <GoalItem key={g.id} goal={g} className="border-primary bg-gray-100" />
          ))}
        </ul>
      </section>
      {closed.length > 0 && (
        <section aria-labelledby="history-title" className="space-y-3 border-t border-gray-300 pt-6">
          <h2 id="history-title">{t("historyTitle")}</h2>
          <ul className="space-y-4">
            {closed.map((g) => (
              <GoalItem
                key={g.id}
                goal={g}
                label={g.status === "REACHED" ? t("reached") : t("letGo")}
                className={g.status === "REACHED" ? "border-success bg-success-light" : "border-gray-600 bg-gray-100"}
              />
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}

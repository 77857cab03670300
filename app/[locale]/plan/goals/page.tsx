import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { requireSignedIn } from "@/lib/auth/citizen";
import { readGoals } from "@/lib/goals/queries";
import { titleFrom } from "@/lib/i18n/metadata";
import { Link } from "@/lib/i18n/navigation";
import { NoPlan } from "@/components/plan/NoPlan";
import { PageIntro } from "@/components/plan/PageIntro";
import { GoalSummary } from "@/components/goals/GoalSummary";

export const dynamic = "force-dynamic";
export const generateMetadata = titleFrom("Goals");

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
        <Link href="/plan/goals/new" className="inline-flex min-h-11 items-center bg-primary px-5 py-2 font-semibold text-white no-underline hover:bg-primary-dark">
          {t("add")}
        </Link>
      </p>
      <section aria-labelledby="active-title" className="space-y-3">
        <h2 id="active-title">{t("activeTitle")}</h2>
        {active.length === 0 && <p className="text-gray-600">{t("activeEmpty")}</p>}
        <ul className="space-y-4">
          {active.map((g) => (
            <li key={g.id} className="border-l-4 border-primary bg-gray-100 p-4">
              <h3 className="text-xl">
                <Link href={`/plan/goals/${g.id}`}>{g.title}</Link>
              </h3>
              <div className="mt-2">
                <GoalSummary goal={g} />
              </div>
            </li>
          ))}
        </ul>
      </section>
      {closed.length > 0 && (
        <section aria-labelledby="history-title" className="space-y-3 border-t border-gray-300 pt-6">
          <h2 id="history-title">{t("historyTitle")}</h2>
          <ul className="space-y-4">
            {closed.map((g) => (
              <li key={g.id} className={`border-l-4 p-4 ${g.status === "REACHED" ? "border-success bg-success-light" : "border-gray-600 bg-gray-100"}`}>
                <p className="text-sm font-semibold uppercase">{g.status === "REACHED" ? t("reached") : t("letGo")}</p>
                <h3 className="text-xl">
                  <Link href={`/plan/goals/${g.id}`}>{g.title}</Link>
                </h3>
                <div className="mt-2">
                  <GoalSummary goal={g} />
                </div>
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}

import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { requireSignedIn } from "@/lib/auth/citizen";
import { readPlan } from "@/lib/plan/queries";
import { NoPlan } from "@/components/plan/NoPlan";
import { PlanView } from "@/components/plan/PlanView";

export const dynamic = "force-dynamic";

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }) {
  const t = await getTranslations({ locale: (await params).locale, namespace: "Plan" });
  return { title: t("title") };
}

/** "My plan": the citizen's one-page profile, the home of the citizen's pages. */
export default async function PlanPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const { actor, citizenId } = await requireSignedIn(locale);
  if (!citizenId) return <NoPlan />;
  const plan = await readPlan(actor, citizenId, { visit: true });
  if (!plan.ok) notFound();
  return <PlanView plan={plan.value} />;
}

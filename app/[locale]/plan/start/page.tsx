import { notFound } from "next/navigation";
import { z } from "zod";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { requireSignedIn } from "@/lib/auth/citizen";
import { readStory } from "@/lib/story/queries";
import { START_STEPS, nextStartPath } from "@/lib/story/start";
import { NoPlan } from "@/components/plan/NoPlan";
import { StartStepForm } from "@/components/story/StartStepForm";
import { saveStartAnswer } from "./actions";

export const dynamic = "force-dynamic";

const querySchema = z.object({ step: z.coerce.number().int().min(1).max(START_STEPS.length).catch(1) });

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }) {
  const t = await getTranslations({ locale: (await params).locale, namespace: "Start" });
  return { title: t("title") };
}

/** The first visit: a few gentle questions, one at a time, every one skippable. */
export default async function StartPage({
  params,
  searchParams,
}: {
  params: Promise<{ locale: string }>;
  searchParams: Promise<Record<string, string | string[]>>;
}) {
  const { locale } = await params;
  setRequestLocale(locale);
  const { actor, citizenId } = await requireSignedIn(locale);
  if (!citizenId) return <NoPlan />;
  const { step } = querySchema.parse(await searchParams);
  const kind = START_STEPS[step - 1]!;
  const [t, story] = await Promise.all([getTranslations("Start"), readStory(actor, citizenId, "first-visit")]);
  if (!story.ok) notFound();
  const current = story.value.find((s) => s.kind === kind);

  return (
    <div className="max-w-2xl space-y-6">
      <div>
        <p className="text-gray-600">{t("progress", { step, total: START_STEPS.length })}</p>
        <h1>{t("title")}</h1>
        {step === 1 && <p className="mt-3 text-lg">{t("intro")}</p>}
      </div>
      <StartStepForm
        key={step}
        step={step}
        version={current?.version ?? 0}
        initialText={current?.text ?? ""}
        question={t(`questions.${kind}.question`)}
        hint={t(`questions.${kind}.hint`)}
        skipHref={`/${locale}${nextStartPath(step)}`}
        action={saveStartAnswer}
      />
    </div>
  );
}

import { getTranslations, setRequestLocale } from "next-intl/server";
import { requireSignedIn } from "@/lib/auth/citizen";
import { readStory } from "@/lib/story/queries";
import { STORY_SECTIONS, STORY_TEXT_MAX } from "@/lib/story/schema";
import { StorySectionForm } from "@/components/story/StorySectionForm";
import { SaveErrorBoundary } from "@/components/forms/SaveErrorBoundary";
import { NoPlan } from "@/components/plan/NoPlan";
import { Link } from "@/lib/i18n/navigation";
import { notFound } from "next/navigation";
import { saveStorySection } from "./actions";

export const dynamic = "force-dynamic";

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }) {
  const t = await getTranslations({ locale: (await params).locale, namespace: "Story" });
  return { title: t("title") };
}

export default async function StoryPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const { actor, citizenId } = await requireSignedIn(locale);
  if (!citizenId) return <NoPlan />;
  const [t, story] = await Promise.all([getTranslations("Story"), readStory(actor, citizenId)]);
  if (!story.ok) notFound();
  const byKind = new Map(story.value.map((s) => [s.kind, s]));

  return (
    <div className="max-w-3xl space-y-6">
      <p className="no-print">
        <Link href="/plan">{t("back")}</Link>
      </p>
      <div>
        <h1>{t("title")}</h1>
        <p className="mt-3 text-lg">{t("intro")}</p>
      </div>
      {STORY_SECTIONS.map((kind) => (
        <SaveErrorBoundary key={kind} title={t("saveFailedTitle")} text={t("saveFailedText")} retry={t("saveFailedRetry")}>
          <StorySectionForm
            kind={kind}
            title={t(`sections.${kind}.title`)}
            hint={t(`sections.${kind}.hint`)}
            initialText={byKind.get(kind)?.text ?? ""}
            initialVersion={byKind.get(kind)?.version ?? 0}
            maxLength={STORY_TEXT_MAX}
            action={saveStorySection}
          />
        </SaveErrorBoundary>
      ))}
    </div>
  );
}

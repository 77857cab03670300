import { getTranslations, setRequestLocale } from "next-intl/server";
import { requireSignedIn } from "@/lib/auth/citizen";
import { readStory } from "@/lib/story/queries";
import { STORY_SECTIONS, STORY_TEXT_MAX } from "@/lib/story/schema";
import { StorySectionForm } from "@/components/story/StorySectionForm";
import { SaveErrorBoundary } from "@/components/forms/SaveErrorBoundary";
import { NoPlan } from "@/components/plan/NoPlan";
import { PageIntro } from "@/components/plan/PageIntro";
import { titleFrom } from "@/lib/i18n/metadata";
import { notFound } from "next/navigation";
import { saveStorySection } from "./actions";

export const dynamic = "force-dynamic";

export const generateMetadata = titleFrom("Story");

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
      <PageIntro back={t("back")} title={t("title")} intro={t("intro")} />
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

import { getTranslations } from "next-intl/server";
import type { PlanDto } from "@/lib/plan/dto";
import { STORY_SECTIONS } from "@/lib/story/schema";

/** The citizen's own words, first and untouched: each part of the story they wrote. */
export async function StorySection({ story }: { story: NonNullable<PlanDto["story"]> }) {
  const [t, tStory] = await Promise.all([getTranslations("StaffCitizen"), getTranslations("Story")]);
  return (
    <section aria-labelledby="own-words" className="space-y-3 border-s-4 border-primary ps-4">
      <h2 id="own-words">{t("ownWords")}</h2>
      <p className="text-sm text-gray-600">{t("ownWordsNote")}</p>
      {STORY_SECTIONS.filter((k) => story[k]?.text).map((k) => (
        <div key={k}>
          <h3 className="text-lg">{tStory(`sections.${k}.title`)}</h3>
          <p className="whitespace-pre-wrap">{story[k]?.text}</p>
        </div>
      ))}
    </section>
  );
}

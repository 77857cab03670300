import type { ComponentProps } from "react";
import { getTranslations } from "next-intl/server";
import type { WrittenWithDto } from "@/lib/written-with/dto";
import { STORY_SECTIONS } from "@/lib/story/schema";
import { getDayFormat } from "@/lib/i18n/format";
import { RecordYesForm, WriteWithForm } from "@/components/staff/WriteWithForms";

/**
 * Writing with the citizen (the assisted route): what the area's consent lets it read, it can write with the
 * citizen for them to confirm. What waits for the citizen's yes is listed, with a way to record a yes they
 * said out loud.
 */
export async function WriteWithSection({
  targets,
  waiting,
  write,
  recordYes,
}: {
  targets: ("STORY" | "GOAL" | "CONTACT")[];
  waiting: WrittenWithDto[];
  write: ComponentProps<typeof WriteWithForm>["action"];
  recordYes: ComponentProps<typeof RecordYesForm>["action"];
}) {
  if (targets.length === 0) return null;
  const [t, tStory, day] = await Promise.all([getTranslations("WriteWith"), getTranslations("Story"), getDayFormat()]);
  const sectionNames = Object.fromEntries(STORY_SECTIONS.map((k) => [k, tStory(`sections.${k}.title`)]));
  const what = (w: WrittenWithDto) =>
    w.target === "STORY" ? (sectionNames[w.storyKind ?? ""] ?? "") : w.target === "GOAL" ? (w.content.title ?? "") : t("contactWishes");
  return (
    <section aria-labelledby="write-with" className="no-print space-y-4 border-2 border-gray-300 p-4" data-testid="write-with">
      <h2 id="write-with">{t("title")}</h2>
      <p>{t("intro")}</p>
      {waiting.filter((w) => w.status === "WAITING").length > 0 && (
        <div className="space-y-3">
          <h3>{t("waitingTitle")}</h3>
          <ul className="space-y-3">
            {waiting
              .filter((w) => w.status === "WAITING")
              .map((w) => (
                <li key={w.id} className="space-y-2 border-s-4 border-info bg-info-light p-3" data-testid="waiting-for-yes">
                  <p className="font-semibold">{what(w)}</p>
                  <p className="text-sm">{t("writtenBy", { name: w.writtenBy, date: day(w.writtenOn) })}</p>
                  {w.target === "STORY" && <p className="whitespace-pre-wrap">{w.content.text}</p>}
                  <RecordYesForm writtenWithId={w.id} target={w.target} label={what(w)} action={recordYes} />
                </li>
              ))}
          </ul>
        </div>
      )}
      {targets.map((target) => (
        <details key={target} className="border border-gray-300 p-3">
          <summary className="min-h-11 cursor-pointer py-2 font-semibold">{t(`write.${target}`)}</summary>
          <div className="mt-3">
            <WriteWithForm target={target} sectionNames={sectionNames} action={write} />
          </div>
        </details>
      ))}
    </section>
  );
}

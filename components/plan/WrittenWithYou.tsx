import { getTranslations } from "next-intl/server";
import type { WrittenWithDto } from "@/lib/written-with/dto";
import type { ContactPreferencesDto } from "@/lib/contact/schema";
import { getDayFormat } from "@/lib/i18n/format";
import { OneClickForm } from "@/components/forms/OneClickForm";
import { ContactWishes } from "./ContactWishes";
import { Glossed } from "@/components/plain/Glossed";

type Action = (formData: FormData) => Promise<void>;

/**
 * What a caseworker wrote with me on a visit or a call: nothing in my plan changes until I say yes. And a yes
 * I told a caseworker, which they wrote down: I see it, and can undo it. The caseworker's words explain their
 * professional words (Glossed); what they would replace is my own, as I wrote it.
 */
export async function WrittenWithYou({ items, answer }: { items: WrittenWithDto[]; answer: Action }) {
  if (items.length === 0) return null;
  const [t, tStory, day] = await Promise.all([getTranslations("WrittenWith"), getTranslations("Story"), getDayFormat()]);
  const what = (w: WrittenWithDto) =>
    w.target === "STORY"
      ? t("whatStory", { section: tStory(`sections.${w.storyKind as "ABOUT_ME"}.title`) })
      : w.target === "GOAL"
        ? t("whatGoal")
        : t("whatContact");
  const button = (w: WrittenWithDto, answerValue: string, label: string, look: "primary" | "secondary") => (
    <OneClickForm
      action={answer}
      fields={{ writtenWithId: w.id, target: w.target, answer: answerValue, version: w.version }}
      label={label}
      ariaLabel={`${label}: ${w.target === "GOAL" ? (w.content.title ?? what(w)) : what(w)}`}
      look={look}
    />
  );
  return (
    <section
      aria-labelledby="written-with"
      className="no-print space-y-4 border-s-4 border-primary bg-info-light p-4"
      data-testid="written-with"
    >
      <h2 id="written-with">{t("title")}</h2>
      <ul className="space-y-4">
        {items.map((w) => (
          <li key={w.id} className="space-y-2 border border-gray-300 bg-white p-3" data-testid="written-with-item">
            <h3 className="text-lg">{what(w)}</h3>
            <p className="text-sm">
              {w.status === "WAITING"
                ? t("waiting", { name: w.writtenBy, date: day(w.writtenOn) })
                : w.confirmedHow === "APP"
                  ? t("confirmedByYou", { date: day(w.decidedOn ?? w.writtenOn) })
                  : t("recorded", { name: w.confirmedBy ?? w.writtenBy, date: day(w.decidedOn ?? w.writtenOn) })}
            </p>
            {w.target === "STORY" && (
              <p className="whitespace-pre-wrap">
                <Glossed text={w.content.text ?? ""} />
              </p>
            )}
            {w.replaces && (
              <div className="border-s-4 border-warning bg-warning-light p-2 text-sm">
                <p className="font-semibold">{t("replaces")}</p>
                <p className="whitespace-pre-wrap">{w.replaces}</p>
              </div>
            )}
            {w.target === "GOAL" && (
              <>
                <p className="font-semibold whitespace-pre-wrap">
                  <Glossed text={w.content.title ?? ""} />
                </p>
                {w.content.whyItMatters && (
                  <p className="whitespace-pre-wrap">
                    <Glossed text={w.content.whyItMatters} />
                  </p>
                )}
              </>
            )}
            {w.target === "CONTACT" && <ContactWishes contact={{ ...(w.content as unknown as ContactPreferencesDto), version: 1 }} />}
            <div className="flex flex-wrap gap-3">
              {w.status === "WAITING" ? (
                <>
                  {button(w, "CONFIRM", t("confirm"), "primary")}
                  {button(w, "DECLINE", t("decline"), "secondary")}
                </>
              ) : (
                <>
                  {button(w, "SEEN", t("seen"), "primary")}
                  {button(w, "UNDO", t("undo"), "secondary")}
                </>
              )}
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}

import { getTranslations } from "next-intl/server";
import type { PlanDto } from "@/lib/plan/dto";
import type { MessageDto } from "@/lib/messages/dto";
import { getAreaName, getDayFormat } from "@/lib/i18n/format";
import { todayInDenmark } from "@/lib/validation/fields";
import { ReadAloud } from "@/components/reading/ReadAloud";
import { Glossed } from "@/components/plain/Glossed";

// What the areas wrote in the plan, shown the same way to the citizen (my plan)
// and to caseworkers (the shared plan): each area's help, and messages. A caseworker wrote them all,
// so their professional words explain themselves (Glossed).

/** Each area's help: what, which area, how often, until when. */
export async function HelpList({ help, testId }: { help: NonNullable<PlanDto["help"]>; testId?: string }) {
  const [t, area, day] = await Promise.all([getTranslations("Plan"), getAreaName(), getDayFormat()]);
  return (
    <ul className="mt-3 space-y-2" data-testid={testId}>
      {help.map((h, i) => (
        <li key={i} className="border border-gray-300 p-3">
          <p className="font-semibold whitespace-pre-wrap">
            <Glossed text={h.what} />
          </p>
          <p className="text-sm">
            {area(h.areaKey)}
            {h.howOften && (
              <>
                {" · "}
                <Glossed text={h.howOften} />
              </>
            )}
            {h.until && <> · {t("until", { date: day(h.until) })}</>}
          </p>
        </li>
      ))}
    </ul>
  );
}

/** Messages from caseworkers, newest first, each with who wrote it, their area and the day, and "Læs op" where the browser can. */
export async function MessageList({ messages, testId }: { messages: MessageDto[]; testId?: string }) {
  const [t, tRead, area, day] = await Promise.all([getTranslations("Plan"), getTranslations("ReadAloud"), getAreaName(), getDayFormat()]);
  return (
    <ul className="space-y-2" data-testid={testId}>
      {messages.map((m) => (
        <li key={m.id} className="border border-gray-300 p-3">
          <p className="whitespace-pre-wrap">
            <Glossed text={m.text} />
          </p>
          <p className="text-sm text-gray-600">
            {t("messageFrom", { name: m.staffName, area: area(m.areaKey), date: day(todayInDenmark(new Date(m.at))) })}
          </p>
          <div className="mt-2 empty:hidden">
            <ReadAloud what={tRead("message", { name: m.staffName })} />
          </div>
        </li>
      ))}
    </ul>
  );
}

import "server-only";
import { createFormatter, createTranslator } from "use-intl/core";
import { env } from "@/lib/env";
import type { Actor } from "@/lib/record/actor";
import type { Result } from "@/lib/validation/result";
import { readPlan } from "@/lib/plan/queries";
import type { PlanDto } from "@/lib/plan/dto";
import { localeOf } from "@/lib/notify/texts";
import { showPhone } from "@/lib/staff/profile-schema";
import { todayInDenmark } from "@/lib/validation/fields";
import type { Locale } from "@/lib/i18n/routing";
import { TIME_ZONE } from "@/lib/i18n/routing";
import da from "@/messages/da.json";
import en from "@/messages/en.json";
import ar from "@/messages/ar.json";
import uk from "@/messages/uk.json";
import { recordFailure } from "@/lib/security/attempts";
import { renderPlanPdf, type PaperPlan } from "./render";

/**
 * The plan on paper (issue 14): the one-page plan a citizen prints from "my
 * plan", and the letter a caseworker prints for a citizen without digital
 * access, with a QR code to sign in. Read through the gate like the page
 * (readPlan): the paper holds exactly the parts the reader may see, and a
 * caseworker's printing is in the citizen's log like their reading. In the
 * citizen's own language for a letter; in the page's for the citizen's print.
 */
const catalogues: Record<Locale, typeof da> = { da, en, ar, uk };

/** At most this much of each list fits one page in large type; the rest is on the screen. */
const SHOWN = { goals: 4, agreements: 5, people: 6 } as const;
/** Prints per person per ten minutes. */
export const PRINTS = { max: 20, windowSeconds: 600 } as const;

export function paperFrom(plan: PlanDto, locale: Locale, now: Date, letter: { from: string } | null): PaperPlan {
  const t = createTranslator({ locale, messages: catalogues[locale], namespace: "Paper" });
  const areas: Record<string, string> = catalogues[locale].ServiceAreas;
  const format = createFormatter({ locale, timeZone: TIME_ZONE });
  const day = (d: string) => format.dateTime(new Date(`${d}T12:00:00Z`), { day: "numeric", month: "long", year: "numeric" });
  const area = (key: string) => areas[key] ?? key;

  const sections: PaperPlan["sections"] = [];
  if (plan.story) {
    const kinds = ["ABOUT_ME", "WHAT_MATTERS", "HOW_TO_SUPPORT", "WHAT_IS_HARD"] as const;
    sections.push({
      heading: t("wordsTitle"),
      items: kinds.flatMap((k) => (plan.story?.[k]?.text ? [{ text: t(`story.${k}`), detail: plan.story[k]!.text }] : [])),
      empty: t("wordsEmpty"),
    });
  }
  if (plan.goals) {
    sections.push({
      heading: t("goalsTitle"),
      items: plan.goals.slice(0, SHOWN.goals).map((g) => ({
        text: g.title,
        detail: g.steps.length ? t("steps", { done: g.steps.filter((s) => s.done).length, total: g.steps.length }) : undefined,
      })),
      empty: t("goalsEmpty"),
    });
  }
  if (plan.agreements) {
    sections.push({
      heading: t("agreementsTitle"),
      items: plan.agreements.slice(0, SHOWN.agreements).map((a) => {
        const who =
          a.responsible === "CITIZEN" ? t("you") : a.responsible === "SERVICE_AREA" && a.who ? area(a.who) : (a.who ?? t("someone"));
        return { text: a.what, detail: a.dueOn ? t("whoByWhen", { who, date: day(a.dueOn) }) : t("who", { who }) };
      }),
      empty: t("agreementsEmpty"),
    });
  }
  if (plan.network) {
    sections.push({
      heading: t("peopleTitle"),
      items: plan.network.slice(0, SHOWN.people).map((p) => ({
        text: p.relation ? t("person", { name: p.name, relation: p.relation }) : p.name,
        detail: p.helpsWith ? t("helpsWith", { what: p.helpsWith }) : undefined,
      })),
      empty: t("peopleEmpty"),
    });
  }
  const holder = plan.coordinator?.inForce && plan.coordinator.areaKey ? plan.coordinator : null;
  if (plan.coordinator !== undefined) {
    sections.push({
      heading: t("threadTitle"),
      paragraphs: holder
        ? [
            t("threadHolder", { name: holder.name, area: area(holder.areaKey!) }),
            ...(holder.line?.phone
              ? [
                  holder.line.hours
                    ? t("threadPhoneHours", { name: holder.name, phone: showPhone(holder.line.phone), hours: holder.line.hours })
                    : t("threadPhone", { name: holder.name, phone: showPhone(holder.line.phone) }),
                ]
              : []),
          ]
        : [t("threadNobody")],
    });
  }
  const signIn = `${env().APP_URL.replace(/\/$/, "")}/${locale}/sign-in`;
  return {
    lang: locale,
    title: t("documentTitle", { name: plan.name }),
    heading: t("heading", { name: plan.name }),
    printed: t("printed", { date: day(todayInDenmark(now)) }),
    sections,
    letter: letter
      ? {
          greeting: t("letter.greeting", { name: plan.name }),
          paragraphs: [
            t("letter.written", { from: letter.from }),
            holder?.line?.phone
              ? t("letter.questionsPhone", { name: holder.name, phone: showPhone(holder.line.phone) })
              : holder
                ? t("letter.questionsHolder", { name: holder.name })
                : t("letter.questions"),
            t("letter.digital"),
          ],
          qr: { url: signIn, caption: t("letter.qr") },
        }
      : undefined,
    footer: t("footer"),
  };
}

/**
 * The plan as a PDF for `actor`: the citizen's own print (`letter` null), or a
 * caseworker's letter to the citizen in the citizen's language. "not-found"
 * when the reader may not read the plan at all.
 */
export async function planPdf(
  actor: Actor,
  citizenId: string,
  { locale, letter }: { locale: string; letter: { from: string } | null },
): Promise<Result<Buffer> | { ok: false; error: "throttled" }> {
  // a PDF costs a quarter of a second of work: a person prints a few, a script printing hundreds is stopped
  if (actor.kind === "user" && (await recordFailure({ ...PRINTS, key: `print:${actor.userId}` })) > PRINTS.max)
    return { ok: false, error: "throttled" };
  const plan = await readPlan(actor, citizenId, { print: true });
  if (!plan.ok) return plan;
  const language = localeOf(letter ? plan.value.language : locale);
  return { ok: true, value: await renderPlanPdf(paperFrom(plan.value, language, new Date(), letter)) };
}

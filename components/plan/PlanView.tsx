import { getLocale, getTranslations } from "next-intl/server";
import type { PlanDto } from "@/lib/plan/dto";
import type { StorySectionKind } from "@/lib/story/schema";
import { Link } from "@/lib/i18n/navigation";
import { newsKind } from "@/lib/plan/news";
import { getAreaName, getDayFormat } from "@/lib/i18n/format";
import { HelpList, MessageList } from "./AreaLists";
import { CoordinatorSummary } from "./CoordinatorLine";
import { ReadableHeading } from "@/components/reading/ReadableHeading";
import { Glossed } from "@/components/plain/Glossed";

/** The one-page plan. Reads like a profile, prints on one page, and is kind when empty. */
export async function PlanView({ plan }: { plan: PlanDto }) {
  const [t, area, date, locale] = await Promise.all([getTranslations("Plan"), getAreaName(), getDayFormat(), getLocale()]);
  const storyText = (kind: StorySectionKind) => plan.story?.[kind]?.text;

  const words = (kind: StorySectionKind, title: string) => (
    <section aria-labelledby={`plan-${kind}`} className="break-inside-avoid">
      <ReadableHeading id={`plan-${kind}`} title={title} />
      {storyText(kind) ? (
        <>
          {/* written with a caseworker: their words, so their professional words explain themselves */}
          <p className="mt-2 whitespace-pre-wrap">
            {plan.story?.[kind]?.writtenWith ? <Glossed text={storyText(kind)!} /> : storyText(kind)}
          </p>
          {plan.story?.[kind]?.writtenWith && (
            <p className="mt-1 text-sm text-gray-600" data-testid="written-with-mark">
              {t("writtenWith", { name: plan.story[kind]!.writtenWith!.by, date: date(plan.story[kind]!.writtenWith!.on) })}
            </p>
          )}
        </>
      ) : (
        <p className="mt-2 text-gray-600">
          {t("emptyStory")}{" "}
          <Link href={{ pathname: "/plan/story", hash: kind }} className="no-print">
            {t("writeIt")}
          </Link>
        </p>
      )}
    </section>
  );

  return (
    <article className="space-y-8 print:space-y-4" aria-labelledby="plan-title">
      <header className="border-b-2 border-gray-300 pb-4">
        <p className="text-gray-600">{t("title")}</p>
        <h1 id="plan-title">{plan.name}</h1>
        {/* what this page itself offers; the rest of the citizen's pages are one step away in their navigation (docs/decisions/035) */}
        <ul className="no-print mt-3 flex flex-wrap gap-x-6 gap-y-2">
          <li>
            <Link href="/plan/story" className="inline-flex min-h-11 items-center">
              {t("editStory")}
            </Link>
          </li>
          <li>
            {/* a file, not a page: a plain link (no prefetch), to the PDF of this plan */}
            <a href={`/${locale}/plan/print`} data-testid="print-plan" className="inline-flex min-h-11 items-center">
              {t("print")}
            </a>
          </li>
        </ul>
      </header>

      {plan.news && plan.news.total > 0 && (
        <section aria-labelledby="plan-news" className="no-print border-s-4 border-info bg-info-light p-4">
          <ReadableHeading id="plan-news" title={t("newsTitle")} />
          <ul className="mt-2 list-disc space-y-1 ps-5">
            {plan.news.items.map((n, i) => (
              <li key={i}>
                {t(n.words ? "newsItemWords" : "newsItem", {
                  who:
                    n.actorRole === "STAFF"
                      ? t("newsStaff", { name: n.actorName ?? "", area: n.areaKey ? area(n.areaKey) : "" })
                      : n.actorRole === "PROXY"
                        ? t("newsProxy", { name: n.actorName || t("newsRelative") })
                        : (n.actorName ?? t("newsRelative")),
                  did: t(`newsDid.${newsKind(n.entity, n.added)}`),
                  words: n.words ?? "",
                })}
              </li>
            ))}
          </ul>
          {plan.news.total > plan.news.items.length && (
            <p className="mt-2">{t("newsMore", { count: plan.news.total - plan.news.items.length })}</p>
          )}
        </section>
      )}

      {plan.contactRequest !== undefined && (
        <section aria-labelledby="plan-unsure" className="no-print border-s-4 border-primary bg-info-light p-4" data-testid="unsure">
          <ReadableHeading id="plan-unsure" title={plan.contactRequest ? t("unsureAskedTitle") : t("unsureTitle")} />
          <p className="mt-2">
            {plan.contactRequest
              ? t("unsureAsked", {
                  who: plan.coordinator?.inForce ? plan.coordinator.name : t("unsureSomeone"),
                  date: date(plan.contactRequest.dueDay),
                })
              : t("unsureText")}
          </p>
          <p className="mt-3">
            <Link href="/plan/contact-request" className="inline-flex min-h-11 items-center font-semibold">
              {plan.contactRequest ? t("unsureSee") : t("unsureLink")}
            </Link>
          </p>
        </section>
      )}

      {plan.messages && plan.messages.length > 0 && (
        <section aria-labelledby="plan-messages" className="no-print space-y-2" data-testid="plan-messages">
          <h2 id="plan-messages">{t("messagesTitle")}</h2>
          <MessageList messages={plan.messages} />
        </section>
      )}

      {plan.toldOnce ? (
        <p className="no-print border-s-4 border-success bg-success-light p-4" data-testid="told-once">
          {t("toldOnce", { count: plan.toldOnce })}
        </p>
      ) : null}

      {plan.story && Object.keys(plan.story).length === 0 && (
        <section aria-labelledby="plan-start" className="no-print border-s-4 border-primary bg-info-light p-4">
          <ReadableHeading id="plan-start" title={t("startTitle")} />
          <p className="mt-2">{t("startText")}</p>
          <p className="mt-3">
            <Link href="/plan/start" className="inline-flex min-h-11 items-center font-semibold">
              {t("startLink")}
            </Link>
          </p>
        </section>
      )}

      {plan.story && (
        <div className="grid gap-6 md:grid-cols-2">
          {words("ABOUT_ME", t("aboutMe"))}
          {words("WHAT_MATTERS", t("whatMatters"))}
          {words("HOW_TO_SUPPORT", t("howToSupport"))}
          {words("WHAT_IS_HARD", t("whatIsHard"))}
        </div>
      )}

      {plan.goals && (
        <section aria-labelledby="plan-goals" className="break-inside-avoid">
          <ReadableHeading id="plan-goals" title={t("goalsTitle")} />
          <p className="no-print mt-1">
            <Link href="/plan/goals">{t("goalsLink")}</Link>
          </p>
          {plan.goals.length === 0 ? (
            <p className="mt-2 text-gray-600">{t("goalsEmpty")}</p>
          ) : (
            <ul className="mt-3 space-y-3">
              {plan.goals.map((g) => (
                <li key={g.id} className="border-s-4 border-primary bg-gray-100 p-3">
                  <p className="font-semibold">{g.title}</p>
                  {g.steps.length > 0 && (
                    <p className="text-sm">{t("stepsDone", { done: g.steps.filter((s) => s.done).length, total: g.steps.length })}</p>
                  )}
                  {g.reviewOn && <p className="text-sm text-gray-600">{t("reviewOn", { date: date(g.reviewOn) })}</p>}
                  {g.proposed.length > 0 && (
                    <p className="no-print text-sm font-semibold">
                      <Link href={`/plan/goals/${g.id}`}>{t("proposedWaiting", { count: g.proposed.length })}</Link>
                    </p>
                  )}
                </li>
              ))}
            </ul>
          )}
          {plan.reachedOrLetGo ? <p className="mt-2 text-sm text-gray-600">{t("goalsHistory", { count: plan.reachedOrLetGo })}</p> : null}
        </section>
      )}

      {plan.agreements && (
        <section aria-labelledby="plan-agreements" className="break-inside-avoid">
          <ReadableHeading id="plan-agreements" title={t("agreementsTitle")} />
          <p className="no-print mt-1">
            <Link href="/plan/agreements">{t("agreementsLink")}</Link>
          </p>
          {plan.agreements.length === 0 ? (
            <p className="mt-2 text-gray-600">{t("agreementsEmpty")}</p>
          ) : (
            <ul className="mt-3 space-y-2">
              {plan.agreements.map((a) => (
                <li key={a.id} className={`border p-3 ${a.overdue ? "border-warning bg-warning-light" : "border-gray-300"}`}>
                  <p className="font-semibold whitespace-pre-wrap">{a.byStaff ? <Glossed text={a.what} /> : a.what}</p>
                  <p className="text-sm">
                    {t("who", {
                      who:
                        a.responsible === "CITIZEN"
                          ? t("you")
                          : a.responsible === "SERVICE_AREA" && a.who
                            ? area(a.who)
                            : (a.who ?? t("someone")),
                    })}
                    {a.dueOn && <> · {t("byWhen", { date: date(a.dueOn) })}</>}
                  </p>
                  {a.overdue && <p className="text-sm">{t("overdue")}</p>}
                </li>
              ))}
            </ul>
          )}
        </section>
      )}

      {plan.network && (
        <section aria-labelledby="plan-people" className="break-inside-avoid">
          <ReadableHeading id="plan-people" title={t("peopleTitle")} />
          <p className="no-print mt-1">
            <Link href="/plan/network">{t("networkLink")}</Link>
          </p>
          {plan.network.length === 0 ? (
            <p className="mt-2 text-gray-600">{t("peopleEmpty")}</p>
          ) : (
            <ul className="mt-3 grid gap-2 sm:grid-cols-2">
              {plan.network.map((p) => (
                <li key={p.id} className="border border-gray-300 p-3">
                  <p className="font-semibold">
                    {p.name} <span className="font-normal text-gray-600">· {p.relation || t(`closeness.${p.closeness}`)}</span>
                  </p>
                  {p.helpsWith && <p className="text-sm">{p.helpsWith}</p>}
                </li>
              ))}
            </ul>
          )}
        </section>
      )}

      {plan.coordinator !== undefined && (
        <section aria-labelledby="plan-thread" className="break-inside-avoid">
          <ReadableHeading id="plan-thread" title={t("threadTitle")} />
          <CoordinatorSummary coordinator={plan.coordinator} testId="coordinator" />
          {plan.coordinator?.handoverTo && (
            <p className="mt-2" data-testid="handover-pending">
              {t("threadHandover", { name: plan.coordinator.name, to: plan.coordinator.handoverTo })}
            </p>
          )}
        </section>
      )}

      {plan.help && plan.help.length > 0 && (
        <section aria-labelledby="plan-help" className="break-inside-avoid">
          <ReadableHeading id="plan-help" title={t("helpTitle")} />
          <HelpList help={plan.help} />
        </section>
      )}
    </article>
  );
}

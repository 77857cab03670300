import { notFound, redirect } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { getActor } from "@/lib/auth/actor";
import { readPlan } from "@/lib/plan/queries";
import { readAgreements } from "@/lib/agreements/queries";
import { areaCase, isStaff, myAreas } from "@/lib/staff/caseload";
import { readRelativeSpacesForStaff } from "@/lib/relatives/queries";
import { RelativeSpaceSummary } from "@/components/relatives/RelativeSpaceSummary";
import { STORY_SECTIONS } from "@/lib/story/schema";
import { CONSENTABLE_PARTS, type Part } from "@/lib/access/policy";
import { getAreaName, getDayFormat } from "@/lib/i18n/format";
import { Link } from "@/lib/i18n/navigation";
import { AgreementList } from "@/components/agreements/AgreementList";
import { AgreementForm } from "@/components/agreements/AgreementForm";
import { AskConsentForm, HelpForm } from "@/components/staff/StaffForms";
import { addHelpAction, askConsentAction } from "../../actions";
import { addAgreementTo } from "@/app/[locale]/plan/agreements/actions";
import { readRedThread } from "@/lib/coordination/queries";
import { readContactRequests } from "@/lib/contact-requests/queries";
import { readMessages } from "@/lib/messages/queries";
import { readNotice } from "@/lib/i18n/notice";
import { HelpList, MessageList } from "@/components/plan/AreaLists";
import { Notice } from "@/components/forms/Notice";
import { OneClickForm } from "@/components/forms/OneClickForm";
import { AcceptHandoverForm, CloseContactRequestForm, MessageForm, OfferHandoverForm, ProposeStepForm } from "@/components/staff/PlanForms";
import {
  acceptHandoverAction,
  closeContactRequestAction,
  declineHandoverAction,
  markAgreementStaffAction,
  offerHandoverAction,
  proposeStepAction,
  sendMessageAction,
  takeRedThreadAction,
  withdrawHandoverAction,
} from "./actions";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ locale: string; citizenId: string }>; searchParams: Promise<Record<string, string | string[]>> };

export async function generateMetadata({ params }: Props) {
  const t = await getTranslations({ locale: (await params).locale, namespace: "StaffCitizen" });
  return { title: t("metaTitle") };
}

/**
 * One citizen, for a caseworker: the shared plan when the citizen has said yes
 * (the citizen's own words first, untouched; every area's help and agreements
 * together), and the area's own additions; otherwise only asking for consent.
 */
export default async function StaffCitizenPage({ params, searchParams }: Props) {
  const { locale, citizenId } = await params;
  setRequestLocale(locale);
  const actor = await getActor();
  if (!isStaff(actor)) redirect(`/${locale}/me`);
  const [t, tParts, tStory, tChannels, area, day] = await Promise.all([
    getTranslations("StaffCitizen"),
    getTranslations("StaffCitizen.parts"),
    getTranslations("Story"),
    getTranslations("ContactForm.channel"),
    getAreaName(),
    getDayFormat(),
  ]);
  const plan = await readPlan(actor, citizenId);

  if (!plan.ok) {
    // no consent in force: the area sees nothing, and may only ask
    const found = await areaCase(actor, citizenId);
    if (!found) notFound();
    const areas = await myAreas(actor);
    return (
      <div className="max-w-3xl space-y-6">
        <p>
          <Link href="/staff">{t("back")}</Link>
        </p>
        <h1>{found.name}</h1>
        <p className="border-l-4 border-info bg-info-light p-4" data-testid="no-access">
          {found.access === "asked" ? t("waiting", { name: found.name }) : t("noAccess", { name: found.name })}
        </p>
        {found.access !== "asked" && (
          <section aria-labelledby="ask-title" className="space-y-3">
            <h2 id="ask-title">{t("askTitle")}</h2>
            <p>{t("askIntro")}</p>
            <AskConsentForm
              citizenId={citizenId}
              areas={areas.map((a) => ({ id: a.id, name: area(a.key) }))}
              partNames={Object.fromEntries(CONSENTABLE_PARTS.map((p) => [p, tParts(p)]))}
              action={askConsentAction.bind(null, citizenId)}
            />
          </section>
        )}
      </div>
    );
  }

  const p = plan.value;
  const notice = await readNotice(searchParams, ["marked", "withdrawn", "declined", "taken", "conflict", "failed"] as const);
  // each further read only where the plan read said the area may: nobody is logged as trying what the page never asked for
  const may = (part: Part) => p.readable.includes(part);
  const notShared = { ok: false, error: "not-found" } as const;
  const agreements = may("AGREEMENTS") ? await readAgreements(actor, citizenId) : notShared;
  const relatives = may("RELATIVES") ? await readRelativeSpacesForStaff(actor, citizenId) : notShared;
  const thread = may("COORDINATION") ? await readRedThread(actor, citizenId) : notShared;
  const requests = may("CONTACT_REQUESTS") ? await readContactRequests(actor, citizenId) : notShared;
  const messages = may("MESSAGES") ? await readMessages(actor, citizenId) : notShared;
  const open = requests.ok ? requests.value.open : null;
  const holder = thread.ok ? thread.value.holder : null;
  return (
    <article className="max-w-4xl space-y-8" aria-labelledby="staff-plan-title">
      <p className="no-print">
        <Link href="/staff">{t("back")}</Link>
      </p>
      <header>
        <p className="text-gray-600">{t("planOf")}</p>
        <h1 id="staff-plan-title">{p.name}</h1>
      </header>
      {notice && <Notice kind={notice === "conflict" || notice === "failed" ? "warning" : "success"} text={t(`notice.${notice}`)} />}

      {p.story && (
        <section aria-labelledby="own-words" className="space-y-3 border-l-4 border-primary pl-4">
          <h2 id="own-words">{t("ownWords")}</h2>
          <p className="text-sm text-gray-600">{t("ownWordsNote")}</p>
          {STORY_SECTIONS.filter((k) => p.story?.[k]?.text).map((k) => (
            <div key={k}>
              <h3 className="text-lg">{tStory(`sections.${k}.title`)}</h3>
              <p className="whitespace-pre-wrap">{p.story?.[k]?.text}</p>
            </div>
          ))}
        </section>
      )}

      {thread.ok && (
        <section aria-labelledby="staff-thread" className="space-y-3 border-2 border-gray-300 p-4" data-testid="red-thread">
          <h2 id="staff-thread">{t("threadTitle")}</h2>
          <p role="status">
            {holder
              ? !holder.inForce
                ? t("threadLapsed", { name: holder.name })
                : holder.isMe
                  ? t("threadMine")
                  : t("thread", { name: holder.name, areas: holder.areaKeys.map(area).join(", ") })
              : t("threadNobody")}
          </p>
          {thread.value.mayTake && (
            <OneClickForm action={takeRedThreadAction.bind(null, citizenId)} fields={{}} label={t("takeThread")} look="primary" />
          )}
          {thread.value.pending && (
            <div className="space-y-3 border-l-4 border-info bg-info-light p-3" data-testid="handover-pending">
              <p className="font-semibold">
                {thread.value.pending.toMe
                  ? t("handoverToMe", { from: thread.value.pending.fromName })
                  : t("handoverPending", { from: thread.value.pending.fromName, to: thread.value.pending.toName })}
              </p>
              {thread.value.pending.note && (
                <p className="whitespace-pre-wrap">{t("handoverNoteShown", { note: thread.value.pending.note })}</p>
              )}
              {thread.value.pending.toMe && (
                <>
                  <p>{t("handoverReadFirst")}</p>
                  <AcceptHandoverForm handoverId={thread.value.pending.id} action={acceptHandoverAction.bind(null, citizenId)} />
                  <OneClickForm
                    action={declineHandoverAction.bind(null, citizenId)}
                    fields={{ handoverId: thread.value.pending.id }}
                    label={t("declineHandover")}
                  />
                </>
              )}
              {thread.value.pending.fromMe && (
                <OneClickForm
                  action={withdrawHandoverAction.bind(null, citizenId)}
                  fields={{ handoverId: thread.value.pending.id }}
                  label={t("withdrawHandover")}
                />
              )}
            </div>
          )}
          {holder?.isMe && holder.inForce && !thread.value.pending && (
            <div className="no-print space-y-3 border-t border-gray-300 pt-3">
              <h3>{t("handOverTitle")}</h3>
              <p>{t("handOverIntro")}</p>
              {thread.value.colleagues.length === 0 ? (
                <p className="text-gray-600">{t("noColleagues")}</p>
              ) : (
                <OfferHandoverForm
                  citizenId={citizenId}
                  offers={thread.value.offers}
                  colleagues={thread.value.colleagues.map((c) => ({ id: c.id, label: `${c.name} (${c.areaKeys.map(area).join(", ")})` }))}
                  action={offerHandoverAction.bind(null, citizenId)}
                />
              )}
            </div>
          )}
        </section>
      )}

      {requests.ok && (open || requests.value.answered.length > 0) && (
        <section aria-labelledby="staff-contact" className="space-y-3" data-testid="contact-request">
          <h2 id="staff-contact">{t("contactTitle")}</h2>
          <p role="status" className={open ? "sr-only" : "text-gray-600"}>
            {open ? t("contactOpen") : t("contactNoneOpen")}
          </p>
          {open ? (
            <div className={`space-y-2 border-2 p-4 ${open.overdue ? "border-warning bg-warning-light" : "border-gray-300"}`}>
              <p className="font-semibold">{t(open.overdue ? "contactOverdue" : "contactDue", { date: day(open.dueDay) })}</p>
              <p>{open.text ? t("contactText", { text: open.text }) : t("contactNoText")}</p>
              {open.channel && <p>{t("contactChannel", { channel: tChannels(open.channel) })}</p>}
              {requests.value.mayAnswer ? (
                <div className="no-print space-y-3 border-t border-gray-300 pt-3">
                  <h3>{t("contactAnswerTitle")}</h3>
                  <p>{t("contactAnswerIntro")}</p>
                  <CloseContactRequestForm requestId={open.id} action={closeContactRequestAction.bind(null, citizenId)} />
                </div>
              ) : (
                <p>{t("contactCoordinatorAnswers")}</p>
              )}
            </div>
          ) : null}
          {requests.value.answered.length > 0 && (
            <ul className="list-disc space-y-1 pl-5">
              {requests.value.answered.map((a) => (
                <li key={a.id}>{t("contactAnswered", { asked: day(a.askedDay), answered: day(a.answeredDay) })}</li>
              ))}
            </ul>
          )}
        </section>
      )}

      {p.goals && (
        <section aria-labelledby="staff-goals">
          <h2 id="staff-goals">{t("goals")}</h2>
          {p.goals.length === 0 ? (
            <p className="mt-2 text-gray-600">{t("goalsEmpty")}</p>
          ) : (
            <ul className="mt-3 space-y-4">
              {p.goals.map((g) => (
                <li key={g.id} className="space-y-2 border border-gray-300 p-3">
                  <p className="font-semibold">{g.title}</p>
                  {g.steps.length > 0 && (
                    <ul className="list-disc pl-5 text-sm">
                      {g.steps.map((s, i) => (
                        <li key={i}>{s.done ? t("stepDone", { text: s.text }) : s.text}</li>
                      ))}
                    </ul>
                  )}
                  {g.proposed.length > 0 && (
                    <ul className="list-disc pl-5 text-sm" aria-label={t("proposedWaiting")}>
                      {g.proposed.map((text, i) => (
                        <li key={i}>{t("proposedStep", { text })}</li>
                      ))}
                    </ul>
                  )}
                  <div className="no-print">
                    <ProposeStepForm goalId={g.id} goalTitle={g.title} action={proposeStepAction.bind(null, citizenId)} />
                  </div>
                </li>
              ))}
            </ul>
          )}
        </section>
      )}

      {p.help && (
        <section aria-labelledby="staff-help" className="space-y-3">
          <h2 id="staff-help">{t("help")}</h2>
          {p.help.length === 0 ? <p className="text-gray-600">{t("helpEmpty")}</p> : <HelpList help={p.help} testId="help" />}
          <div className="no-print space-y-3 border-t border-gray-300 pt-4">
            <h3>{t("addHelp")}</h3>
            <HelpForm citizenId={citizenId} action={addHelpAction.bind(null, citizenId)} />
          </div>
        </section>
      )}

      {relatives.ok && relatives.value.length > 0 && (
        <section aria-labelledby="staff-relatives" className="space-y-3">
          <h2 id="staff-relatives">{t("relatives")}</h2>
          {relatives.value.map((r) => (
            <RelativeSpaceSummary key={r.name} name={r.name} space={r.space} />
          ))}
        </section>
      )}

      {agreements.ok && p.agreements && (
        <section aria-labelledby="staff-agreements" className="space-y-3">
          <h2 id="staff-agreements">{t("agreements")}</h2>
          {agreements.value.open.length === 0 ? (
            <p className="text-gray-600">{t("agreementsEmpty")}</p>
          ) : (
            <AgreementList agreements={agreements.value.open} mark={markAgreementStaffAction.bind(null, citizenId)} />
          )}
          <div className="no-print space-y-3 border-t border-gray-300 pt-4">
            <h3>{t("addAgreement")}</h3>
            <AgreementForm
              choices={agreements.value.choices}
              areaNames={Object.fromEntries(agreements.value.choices.areas.map((a) => [a.key, area(a.key)]))}
              action={addAgreementTo.bind(null, citizenId)}
              meLabel={p.name}
              draftScope={`staff:${citizenId}`}
              plainLanguage
            />
          </div>
        </section>
      )}

      {messages.ok && (
        <section aria-labelledby="staff-messages" className="space-y-3">
          <h2 id="staff-messages">{t("messagesTitle")}</h2>
          {messages.value.length === 0 ? (
            <p className="text-gray-600">{t("messagesEmpty")}</p>
          ) : (
            <MessageList messages={messages.value} testId="messages" />
          )}
          <div className="no-print space-y-3 border-t border-gray-300 pt-4">
            <h3>{t("messageNew")}</h3>
            <MessageForm citizenId={citizenId} action={sendMessageAction.bind(null, citizenId)} />
          </div>
        </section>
      )}
    </article>
  );
}

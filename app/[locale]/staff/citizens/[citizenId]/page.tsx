import { notFound, redirect } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { getActor } from "@/lib/auth/actor";
import { readPlan } from "@/lib/plan/queries";
import { readAgreements } from "@/lib/agreements/queries";
import { areaCase, isStaff, municipalityAreas, myAreas } from "@/lib/staff/caseload";
import { RecordConsentSection } from "@/components/staff/citizen/RecordConsentSection";
import { WriteWithSection } from "@/components/staff/citizen/WriteWithSection";
import { RelativeOwnRequestsSection } from "@/components/staff/citizen/RelativeOwnRequestsSection";
import { readRelativesOwnRequests } from "@/lib/relatives/contact";
import { readPowersForStaff } from "@/lib/attorney/queries";
import { readWrittenWith } from "@/lib/written-with/queries";
import { readRelativeSpacesForStaff } from "@/lib/relatives/queries";
import type { Part } from "@/lib/access/policy";
import { Link } from "@/lib/i18n/navigation";
import { readRedThread } from "@/lib/red-thread/queries";
import { readContactRequests } from "@/lib/contact-requests/queries";
import { readMessages } from "@/lib/messages/queries";
import { readNotice } from "@/lib/i18n/notice";
import { Notice } from "@/components/forms/Notice";
import { AgreementsSection } from "@/components/staff/citizen/AgreementsSection";
import { AskConsentSection } from "@/components/staff/citizen/AskConsentSection";
import { StateReasonForm } from "@/components/staff/StaffForms";
import { ContactRequestSection } from "@/components/staff/citizen/ContactRequestSection";
import { GoalsSection } from "@/components/staff/citizen/GoalsSection";
import { HelpSection } from "@/components/staff/citizen/HelpSection";
import { MessagesSection } from "@/components/staff/citizen/MessagesSection";
import { RedThreadSection } from "@/components/staff/citizen/RedThreadSection";
import { RelativesSection } from "@/components/staff/citizen/RelativesSection";
import { StorySection } from "@/components/staff/citizen/StorySection";
import { ContactWishesSection } from "@/components/staff/citizen/ContactWishesSection";
import { NetworkSection } from "@/components/staff/citizen/NetworkSection";
import { addHelpAction, askConsentAction } from "../../actions";
import { addAgreementTo } from "@/app/[locale]/plan/agreements/actions";
import {
  acceptHandoverAction,
  answerRelativeOwnAction,
  closeContactRequestAction,
  declineHandoverAction,
  markAgreementStaffAction,
  offerHandoverAction,
  proposeStepAction,
  recordConsentAction,
  recordPowerAction,
  recordPowerEndAction,
  recordWithdrawalAction,
  recordYesAction,
  sendMessageAction,
  stateReasonAction,
  writeWithAction,
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
 * The page reads (each part only where the area may) and binds the actions to
 * the citizen; the sections in components/staff/citizen/ show them.
 */
export default async function StaffCitizenPage({ params, searchParams }: Props) {
  const { locale, citizenId } = await params;
  setRequestLocale(locale);
  const actor = await getActor();
  if (!isStaff(actor)) redirect(`/${locale}/me`);
  const t = await getTranslations("StaffCitizen");
  const plan = await readPlan(actor, citizenId);

  if (!plan.ok) {
    // no consent in force: the area sees nothing, and may only ask
    const found = await areaCase(actor, citizenId);
    if (!found) notFound();
    const [areas, all, powers] = await Promise.all([myAreas(actor), municipalityAreas(actor), readPowersForStaff(actor, citizenId)]);
    return (
      <div className="max-w-3xl space-y-6">
        <p>
          <Link href="/staff">{t("back")}</Link>
        </p>
        <h1>{found.name}</h1>
        <AskConsentSection
          citizenId={citizenId}
          name={found.name}
          asked={found.access === "asked"}
          areas={areas}
          ask={askConsentAction.bind(null, citizenId)}
        />
        <RecordConsentSection
          myAreas={areas}
          allAreas={all}
          record={recordConsentAction.bind(null, citizenId)}
          withdraw={recordWithdrawalAction.bind(null, citizenId)}
          power={recordPowerAction.bind(null, citizenId)}
          powers={powers?.ok ? powers.value : []}
          endPower={recordPowerEndAction.bind(null, citizenId)}
        />
      </div>
    );
  }

  const p = plan.value;
  if (p.needsReason) {
    // the area may see the plan, but nothing ties this caseworker to the citizen yet: they say why first
    return (
      <div className="max-w-3xl space-y-6">
        <p>
          <Link href="/staff">{t("back")}</Link>
        </p>
        <h1>{p.name}</h1>
        <section aria-labelledby="reason-title" className="space-y-3">
          <h2 id="reason-title">{t("reasonTitle")}</h2>
          <p>{t("reasonIntro", { name: p.name })}</p>
          <StateReasonForm action={stateReasonAction.bind(null, citizenId)} />
        </section>
      </div>
    );
  }
  const notice = await readNotice(searchParams, ["marked", "withdrawn", "declined", "taken", "conflict", "failed", "power-ended"] as const);
  // each further read only where the plan read said the area may: nobody is logged as trying what the page never asked for
  const may = (part: Part) => p.readable.includes(part);
  const notShared = { ok: false, error: "not-found" } as const;
  const agreements = may("AGREEMENTS") ? await readAgreements(actor, citizenId) : notShared;
  const relatives = may("RELATIVES") ? await readRelativeSpacesForStaff(actor, citizenId) : notShared;
  const thread = may("RED_THREAD") ? await readRedThread(actor, citizenId) : notShared;
  const requests = may("CONTACT_REQUESTS") ? await readContactRequests(actor, citizenId) : notShared;
  const messages = may("MESSAGES") ? await readMessages(actor, citizenId) : notShared;
  const [areas, all, own, assigned] = await Promise.all([
    myAreas(actor),
    municipalityAreas(actor),
    readRelativesOwnRequests(actor, citizenId),
    areaCase(actor, citizenId),
  ]);
  // only a caseworker who works with the citizen sees the powers of attorney (and is logged seeing them)
  const powers = assigned ? await readPowersForStaff(actor, citizenId) : null;
  // what the area may write with the citizen: what its consent lets it read of their own words (policy: PROPOSE)
  const targets = (
    [
      ["STORY", "STORY"],
      ["GOAL", "GOALS"],
      ["CONTACT", "CONTACT"],
    ] as const
  )
    .filter(([, part]) => may(part))
    .map(([target]) => target);
  // asked only when the area may write with the citizen: nobody is logged reading what the page never shows
  const written = targets.length > 0 ? await readWrittenWith(actor, citizenId) : null;
  return (
    <article className="max-w-4xl space-y-8" aria-labelledby="staff-plan-title">
      <p className="no-print">
        <Link href="/staff">{t("back")}</Link>
      </p>
      <header>
        <p className="text-gray-600">{t("planOf")}</p>
        <h1 id="staff-plan-title">{p.name}</h1>
        <p className="no-print mt-3">
          {/* a file, not a page: a plain link (no prefetch) to the letter's PDF */}
          <a href={`/${locale}/staff/citizens/${citizenId}/letter`} aria-describedby="letter-hint" data-testid="print-letter">
            {t("letter")}
          </a>
        </p>
        <p id="letter-hint" className="no-print text-sm text-gray-600">
          {t("letterHint")}
        </p>
      </header>
      {notice && <Notice kind={notice === "conflict" || notice === "failed" ? "warning" : "success"} text={t(`notice.${notice}`)} />}

      {p.story && <StorySection story={p.story} />}
      {p.contact && <ContactWishesSection contact={p.contact} />}
      {thread.ok && (
        <RedThreadSection
          citizenId={citizenId}
          thread={thread.value}
          take={takeRedThreadAction.bind(null, citizenId)}
          accept={acceptHandoverAction.bind(null, citizenId)}
          decline={declineHandoverAction.bind(null, citizenId)}
          withdraw={withdrawHandoverAction.bind(null, citizenId)}
          offer={offerHandoverAction.bind(null, citizenId)}
        />
      )}
      {requests.ok && <ContactRequestSection requests={requests.value} close={closeContactRequestAction.bind(null, citizenId)} />}
      <RelativeOwnRequestsSection requests={own} answer={answerRelativeOwnAction.bind(null, citizenId)} />
      <WriteWithSection
        targets={targets}
        waiting={written?.ok ? written.value : []}
        write={writeWithAction.bind(null, citizenId)}
        recordYes={recordYesAction.bind(null, citizenId)}
      />
      {p.goals && <GoalsSection goals={p.goals} proposeStep={proposeStepAction.bind(null, citizenId)} />}
      {p.help && <HelpSection citizenId={citizenId} help={p.help} addHelp={addHelpAction.bind(null, citizenId)} />}
      {p.network && <NetworkSection network={p.network} />}
      {relatives.ok && <RelativesSection spaces={relatives.value} />}
      {agreements.ok && p.agreements && (
        <AgreementsSection
          citizenId={citizenId}
          citizenName={p.name}
          agreements={agreements.value}
          mark={markAgreementStaffAction.bind(null, citizenId)}
          add={addAgreementTo.bind(null, citizenId)}
        />
      )}
      {messages.ok && <MessagesSection citizenId={citizenId} messages={messages.value} send={sendMessageAction.bind(null, citizenId)} />}
      {/* recorded only by a caseworker who works with the citizen */}
      {assigned && (
        <RecordConsentSection
          myAreas={areas}
          allAreas={all}
          record={recordConsentAction.bind(null, citizenId)}
          withdraw={recordWithdrawalAction.bind(null, citizenId)}
          power={recordPowerAction.bind(null, citizenId)}
          powers={powers?.ok ? powers.value : []}
          endPower={recordPowerEndAction.bind(null, citizenId)}
        />
      )}
    </article>
  );
}

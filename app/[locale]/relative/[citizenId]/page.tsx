import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { requireSignedIn } from "@/lib/auth/citizen";
import { readPlan } from "@/lib/plan/queries";
import { readAgreements } from "@/lib/agreements/queries";
import { readOwnContactRequests } from "@/lib/relatives/contact";
import { endedRelationship, myRelationship } from "@/lib/relatives/queries";
import { STORY_SECTIONS } from "@/lib/story/schema";
import { firstName } from "@/lib/i18n/names";
import { getAreaName } from "@/lib/i18n/format";
import { readNotice } from "@/lib/i18n/notice";
import { Link } from "@/lib/i18n/navigation";
import { Notice } from "@/components/forms/Notice";
import { AgreementList } from "@/components/agreements/AgreementList";
import { AgreementForm } from "@/components/agreements/AgreementForm";
import { NetworkMemberForm } from "@/components/network/NetworkMemberForm";
import { NoLongerShared } from "@/components/relatives/NoLongerShared";
import { ContactWishes } from "@/components/plan/ContactWishes";
import { Glossed } from "@/components/plain/Glossed";
import { CoordinatorLine } from "@/components/plan/CoordinatorLine";
import { RelativeContact } from "@/components/relatives/RelativeContact";
import { ReadableHeading } from "@/components/reading/ReadableHeading";
import { proxyAnswerConsentAction, relativeAddPerson, relativeAskContact } from "./actions";
import { myPower } from "@/lib/attorney/queries";
import { readConsents } from "@/lib/consents/requests";
import { ConsentRequestCard } from "@/components/consents/ConsentRequestCard";
import type { Part } from "@/lib/access/policy";
import { addAgreementTo } from "@/app/[locale]/plan/agreements/actions";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ locale: string; citizenId: string }>; searchParams: Promise<Record<string, string | string[]>> };

export async function generateMetadata({ params }: Pick<Props, "params">) {
  const t = await getTranslations({ locale: (await params).locale, namespace: "SharedPlan" });
  return { title: t("metaTitle") };
}

/**
 * A plan shared with me as a relative: only the parts the citizen allowed, read
 * fresh on every request (a narrowed permission shows on the next click), with
 * a clear note of what is shared, and the forms I may use.
 */
export default async function SharedPlanPage({ params, searchParams }: Props) {
  const { locale, citizenId } = await params;
  setRequestLocale(locale);
  const { actor } = await requireSignedIn(locale);
  const [plan, mine, power] = await Promise.all([
    readPlan(actor, citizenId),
    myRelationship(actor.userId, citizenId),
    myPower(actor.userId, citizenId),
  ]);
  if (!plan.ok || (!mine && !power)) {
    const ended = await endedRelationship(actor.userId, citizenId);
    if (ended) return <NoLongerShared name={ended.firstName} />;
    notFound();
  }
  const p = plan.value;
  const first = firstName(p.name);
  const notice = await readNotice(searchParams, ["joined", "approved", "declined", "invalid", "failed"] as const);
  // what I may do here: as the citizen's relative, and for them under a power of attorney
  const may = {
    read: (part: Part) => Boolean(mine?.may.read(part) || power?.may.read(part)),
    write: (part: Part) => Boolean(mine?.may.write(part) || power?.may.write(part)),
  };
  const [t, tStory, area, agreements, own] = await Promise.all([
    getTranslations("SharedPlan"),
    getTranslations("Story"),
    getAreaName(),
    may.read("AGREEMENTS") ? readAgreements(actor, citizenId) : null,
    readOwnContactRequests(actor, citizenId),
  ]);
  const consents = power?.may.read("CONSENTS") ? await readConsents(actor, citizenId) : null;
  const [tPowers, tConsents] = await Promise.all([getTranslations("Powers"), getTranslations("Consents")]);

  return (
    <article className="max-w-3xl space-y-8" aria-labelledby="shared-title">
      <p className="no-print">
        <Link href="/me">{t("allShared")}</Link>
      </p>
      {notice === "joined" && <Notice kind="success" text={t("joined", { name: first })} />}
      {notice && notice !== "joined" && (
        <Notice kind={notice === "invalid" || notice === "failed" ? "warning" : "success"} text={tConsents(`notice.${notice}`)} />
      )}
      <header className="space-y-3">
        <h1 id="shared-title">{t("title", { name: p.name })}</h1>
        {power && (
          <div className="border-s-4 border-primary bg-info-light p-4" data-testid="acting-for">
            <p className="font-semibold">{tPowers("actingFor", { name: first })}</p>
            <ul className="mt-1 list-disc ps-5">
              {power.rights.map((r) => (
                <li key={r}>{tPowers(`rightMeans.${r}`)}</li>
              ))}
            </ul>
            <p className="mt-2">{tPowers("actingForLogged", { name: first })}</p>
          </div>
        )}
        {mine && (
          <div className="border-s-4 border-info bg-info-light p-4" data-testid="shared-note">
            <p className="font-semibold">{t("sharedBy", { name: first })}</p>
            <ul className="mt-1 list-disc ps-5">
              {mine.permissions.map((perm) => (
                <li key={perm}>{t(`permission.${perm}`)}</li>
              ))}
            </ul>
            <p className="mt-2">{t("canChange", { name: first })}</p>
          </div>
        )}
        {mine && (
          <p>
            <Link href={`/relative/${citizenId}/space`} className="font-semibold">
              {t("ownSpace")}
            </Link>
          </p>
        )}
      </header>

      {consents?.ok && consents.value.requests.length > 0 && (
        <section aria-labelledby="for-consents" className="space-y-4" data-testid="consent-requests-for">
          <h2 id="for-consents">{tPowers("requestsFor", { name: first })}</h2>
          {consents.value.requests.map((r) => (
            <ConsentRequestCard key={r.id} request={r} action={proxyAnswerConsentAction.bind(null, citizenId)} />
          ))}
        </section>
      )}

      {p.story && (
        <section aria-labelledby="shared-story" className="space-y-3">
          <ReadableHeading id="shared-story" title={t("story", { name: first })} />
          {STORY_SECTIONS.filter((k) => p.story?.[k]?.text).map((k) => (
            <div key={k}>
              <h3 className="text-lg">{tStory(`sections.${k}.title`)}</h3>
              {/* written with a caseworker: their words, so their professional words explain themselves */}
              <p className="whitespace-pre-wrap">{p.story?.[k]?.writtenWith ? <Glossed text={p.story[k].text} /> : p.story?.[k]?.text}</p>
            </div>
          ))}
          {STORY_SECTIONS.every((k) => !p.story?.[k]?.text) && <p className="text-gray-600">{t("storyEmpty", { name: first })}</p>}
        </section>
      )}

      {p.goals && (
        <section aria-labelledby="shared-goals">
          <ReadableHeading id="shared-goals" title={t("goals")} />
          {p.goals.length === 0 ? (
            <p className="mt-2 text-gray-600">{t("goalsEmpty")}</p>
          ) : (
            <ul className="mt-3 space-y-2">
              {p.goals.map((g) => (
                <li key={g.id} className="border-s-4 border-primary bg-gray-100 p-3">
                  <p className="font-semibold">{g.title}</p>
                  {g.steps.length > 0 && (
                    <p className="text-sm">{t("stepsDone", { done: g.steps.filter((s) => s.done).length, total: g.steps.length })}</p>
                  )}
                </li>
              ))}
            </ul>
          )}
        </section>
      )}

      {agreements?.ok && (
        <section aria-labelledby="shared-agreements" className="space-y-3">
          <ReadableHeading id="shared-agreements" title={t("agreements")} />
          {agreements.value.open.length === 0 ? (
            <p className="text-gray-600">{t("agreementsEmpty")}</p>
          ) : (
            <AgreementList agreements={agreements.value.open} />
          )}
          {may.write("AGREEMENTS") && (
            <div className="no-print space-y-3 border-t border-gray-300 pt-4">
              <h3>{t("addAgreement", { name: first })}</h3>
              <AgreementForm
                choices={agreements.value.choices}
                areaNames={Object.fromEntries(agreements.value.choices.areas.map((a) => [a.key, area(a.key)]))}
                action={addAgreementTo.bind(null, citizenId)}
                meLabel={t("citizenDoesIt", { name: first })}
                draftScope={citizenId}
              />
            </div>
          )}
        </section>
      )}

      {p.network && (
        <section aria-labelledby="shared-people" className="space-y-3">
          <ReadableHeading id="shared-people" title={t("people", { name: first })} />
          <ul className="list-disc ps-5">
            {p.network.map((m) => (
              <li key={m.id}>
                {m.name}
                {m.relation && <span className="text-gray-600"> · {m.relation}</span>}
              </li>
            ))}
          </ul>
          {may.write("NETWORK") && (
            <div className="no-print space-y-3 border-t border-gray-300 pt-4">
              <h3>{t("addPerson", { name: first })}</h3>
              <NetworkMemberForm action={relativeAddPerson.bind(null, citizenId)} draftScope={citizenId} />
            </div>
          )}
        </section>
      )}

      {p.contact && (
        <section aria-labelledby="shared-contact">
          <ReadableHeading id="shared-contact" title={t("contact", { name: first })} />
          <ContactWishes contact={p.contact} />
        </section>
      )}

      {p.coordinator !== undefined && (
        <section aria-labelledby="shared-thread" className="space-y-3" data-testid="relative-thread">
          <ReadableHeading id="shared-thread" title={t("thread")} />
          <p>
            {/* a holder whose area may no longer see the plan holds nothing (decision 013); only the one area they hold it for */}
            {p.coordinator?.inForce && p.coordinator.areaKey
              ? t("threadHolder", { name: p.coordinator.name, area: area(p.coordinator.areaKey), citizen: first })
              : t("threadNobody")}
          </p>
          {p.coordinator?.inForce && p.coordinator.line && <CoordinatorLine name={p.coordinator.name} line={p.coordinator.line} />}
          {own && (
            <RelativeContact
              citizenId={citizenId}
              first={first}
              coordinator={p.coordinator?.inForce ? p.coordinator.name : null}
              own={own}
              mayAskAboutCitizen={Boolean(mine?.may.write("CONTACT_REQUESTS"))}
              action={relativeAskContact.bind(null, citizenId)}
            />
          )}
        </section>
      )}
    </article>
  );
}

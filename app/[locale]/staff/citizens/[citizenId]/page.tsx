import { notFound, redirect } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { getActor } from "@/lib/auth/actor";
import { readPlan } from "@/lib/plan/queries";
import { readAgreements } from "@/lib/agreements/queries";
import { areaCase, isStaff, myAreas } from "@/lib/staff/caseload";
import { readRelativeSpacesForStaff } from "@/lib/relatives/queries";
import { RelativeSpaceSummary } from "@/components/relatives/RelativeSpaceSummary";
import { STORY_SECTIONS } from "@/lib/story/schema";
import { CONSENTABLE_PARTS } from "@/lib/access/policy";
import { getAreaName, getDayFormat } from "@/lib/i18n/format";
import { Link } from "@/lib/i18n/navigation";
import { AgreementList } from "@/components/agreements/AgreementList";
import { AgreementForm } from "@/components/agreements/AgreementForm";
import { AskConsentForm, HelpForm } from "@/components/staff/StaffForms";
import { addHelpAction, askConsentAction } from "../../actions";
import { addAgreementTo } from "@/app/[locale]/plan/agreements/actions";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ locale: string; citizenId: string }> };

export async function generateMetadata({ params }: Props) {
  const t = await getTranslations({ locale: (await params).locale, namespace: "StaffCitizen" });
  return { title: t("metaTitle") };
}

/**
 * One citizen, for a caseworker: the shared plan when the citizen has said yes
 * (the citizen's own words first, untouched; every area's help and agreements
 * together), and the area's own additions; otherwise only asking for consent.
 */
export default async function StaffCitizenPage({ params }: Props) {
  const { locale, citizenId } = await params;
  setRequestLocale(locale);
  const actor = await getActor();
  if (!isStaff(actor)) redirect(`/${locale}/me`);
  const [t, tParts, tStory, area, day] = await Promise.all([getTranslations("StaffCitizen"), getTranslations("StaffCitizen.parts"), getTranslations("Story"), getAreaName(), getDayFormat()]);
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
  const agreements = await readAgreements(actor, citizenId);
  const relatives = await readRelativeSpacesForStaff(actor, citizenId);
  return (
    <article className="max-w-4xl space-y-8" aria-labelledby="staff-plan-title">
      <p className="no-print">
        <Link href="/staff">{t("back")}</Link>
      </p>
      <header>
        <p className="text-gray-600">{t("planOf")}</p>
        <h1 id="staff-plan-title">{p.name}</h1>
        {p.coordinator !== undefined && (
          <p className="mt-2">{p.coordinator ? t("thread", { name: p.coordinator.name, areas: p.coordinator.areaKeys.map(area).join(", ") }) : t("threadNobody")}</p>
        )}
      </header>

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

      {p.goals && (
        <section aria-labelledby="staff-goals">
          <h2 id="staff-goals">{t("goals")}</h2>
          <ul className="mt-2 list-disc pl-5">
            {p.goals.map((g) => (
              <li key={g.id}>{g.title}</li>
            ))}
          </ul>
        </section>
      )}

      {p.help && (
        <section aria-labelledby="staff-help" className="space-y-3">
          <h2 id="staff-help">{t("help")}</h2>
          {p.help.length === 0 ? (
            <p className="text-gray-600">{t("helpEmpty")}</p>
          ) : (
            <ul className="space-y-2" data-testid="help">
              {p.help.map((h, i) => (
                <li key={i} className="border border-gray-300 p-3">
                  <p className="font-semibold">{h.what}</p>
                  <p className="text-sm">
                    {area(h.areaKey)}
                    {h.howOften && <> · {h.howOften}</>}
                    {h.until && <> · {t("until", { date: day(h.until) })}</>}
                  </p>
                </li>
              ))}
            </ul>
          )}
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
          {agreements.value.open.length === 0 ? <p className="text-gray-600">{t("agreementsEmpty")}</p> : <AgreementList agreements={agreements.value.open} />}
          <div className="no-print space-y-3 border-t border-gray-300 pt-4">
            <h3>{t("addAgreement")}</h3>
            <AgreementForm
              choices={agreements.value.choices}
              areaNames={Object.fromEntries(agreements.value.choices.areas.map((a) => [a.key, area(a.key)]))}
              action={addAgreementTo.bind(null, citizenId)}
              meLabel={p.name}
              draftScope={`staff:${citizenId}`}
            />
          </div>
        </section>
      )}
    </article>
  );
}

import { redirect } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { getActor } from "@/lib/auth/actor";
import { isStaff, myAreas, myCaseload, myWorkList } from "@/lib/staff/caseload";
import { leadAreas } from "@/lib/staff/team";
import { CONSENTABLE_PARTS } from "@/lib/access/policy";
import { CprLookupForm } from "@/components/staff/CprLookupForm";
import { FindCitizenForm } from "@/components/staff/FindCitizenForm";
import { askConsentAction, cprLookupAction, findCitizenAction } from "./actions";
import { getAreaName, getDayFormat } from "@/lib/i18n/format";
import { todayInDenmark } from "@/lib/validation/fields";
import { titleFrom } from "@/lib/i18n/metadata";
import { Link } from "@/lib/i18n/navigation";
import { NewsForYou } from "@/components/notify/NewsForYou";
import { markAllReadAction, markReadAction } from "../news/actions";

export const dynamic = "force-dynamic";
export const generateMetadata = titleFrom("Staff");

/** A caseworker's start: my citizens (and whether my area may see their plan yet), and finding a citizen of my areas. */
export default async function StaffPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const actor = await getActor();
  if (!isStaff(actor)) redirect(`/${locale}/me`);
  const [t, tCpr, tTeam, tParts, area, day, caseload, areas, led] = await Promise.all([
    getTranslations("Staff"),
    getTranslations("CprLookup"),
    getTranslations("StaffTeam"),
    getTranslations("StaffCitizen.parts"),
    getAreaName(),
    getDayFormat(),
    myCaseload(actor),
    myAreas(actor),
    leadAreas(actor),
  ]);
  const work = await myWorkList(actor, caseload);
  const nothingNow = work.handovers.length + work.contactRequests.length + work.agreementsDue.length === 0;

  return (
    <div className="max-w-4xl space-y-8">
      <div>
        <h1>{t("title")}</h1>
        <p className="mt-3 text-lg">{t("intro")}</p>
        <ul className="mt-3 flex flex-wrap gap-x-6 gap-y-2">
          {led.length > 0 && (
            <li>
              <Link href="/staff/team">{tTeam("link")}</Link>
            </li>
          )}
          <li>
            <Link href="/staff/profile">{t("profileLink")}</Link>
          </li>
        </ul>
      </div>
      {actor.kind === "user" && (
        <NewsForYou
          userId={actor.userId}
          audiences={["staff"]}
          markRead={markReadAction}
          markAllRead={markAllReadAction}
          short
          back="/staff"
        />
      )}
      <section aria-labelledby="now-title" className="space-y-4" data-testid="work-list">
        <h2 id="now-title">{t("nowTitle")}</h2>
        {nothingNow && <p className="text-gray-600">{t("nowEmpty")}</p>}
        {work.handovers.length > 0 && (
          <div className="space-y-2">
            <h3>{t("handoversTitle")}</h3>
            <ul className="space-y-2" data-testid="handovers-to-me">
              {work.handovers.map((h) => (
                <li key={h.handoverId} className="border-s-4 border-info bg-info-light p-3">
                  <Link href={`/staff/citizens/${h.citizenId}`} className="font-semibold">
                    {h.citizenName}
                  </Link>
                  <span> · {t("handoverFrom", { name: h.fromName, date: day(todayInDenmark(new Date(h.offeredAt))) })}</span>
                </li>
              ))}
            </ul>
          </div>
        )}
        {work.contactRequests.length > 0 && (
          <div className="space-y-2">
            <h3>{t("contactTitle")}</h3>
            <ul className="space-y-2" data-testid="contact-requests">
              {work.contactRequests.map((r) => (
                <li
                  key={r.requestId}
                  className={`border-s-4 p-3 ${r.overdue ? "border-warning bg-warning-light" : "border-info bg-info-light"}`}
                >
                  <Link href={`/staff/citizens/${r.citizenId}`} className="font-semibold">
                    {r.citizenName}
                  </Link>
                  {r.asker && (
                    <span>
                      {" "}
                      ·{" "}
                      {t(r.asker.about === "ASKER" ? "contactRelativeOwn" : "contactRelative", {
                        name: r.asker.name ?? t("aRelative"),
                      })}
                    </span>
                  )}
                  <span> · {t(r.overdue ? "contactOverdue" : "contactDue", { date: day(r.dueDay) })}</span>
                </li>
              ))}
            </ul>
          </div>
        )}
        {work.agreementsDue.length > 0 && (
          <div className="space-y-2">
            <h3>{t("agreementsTitle")}</h3>
            <ul className="space-y-2" data-testid="agreements-due">
              {work.agreementsDue.map((a, i) => (
                <li key={i} className={`border-s-4 p-3 ${a.overdue ? "border-warning bg-warning-light" : "border-gray-300"}`}>
                  <Link href={`/staff/citizens/${a.citizenId}`} className="font-semibold">
                    {a.citizenName}
                  </Link>
                  <span>
                    {" "}
                    · {a.what} · {area(a.areaKey)} · {t(a.overdue ? "agreementOverdue" : "agreementDue", { date: day(a.dueOn) })}
                  </span>
                </li>
              ))}
            </ul>
          </div>
        )}
      </section>
      <section aria-labelledby="caseload-title" className="space-y-3">
        <h2 id="caseload-title">{t("caseloadTitle")}</h2>
        {caseload.length === 0 ? (
          <p className="text-gray-600">{t("caseloadEmpty")}</p>
        ) : (
          <ul className="space-y-2" data-testid="caseload">
            {caseload.map((c) => (
              <li key={c.citizenId} className="flex flex-wrap items-center justify-between gap-3 border border-gray-300 p-3">
                <p>
                  <Link href={`/staff/citizens/${c.citizenId}`} className="font-semibold">
                    {c.name}
                  </Link>
                  <span className="text-gray-600"> · {c.areaKeys.map(area).join(", ")}</span>
                  {c.coordinator && <span className="ms-2 font-semibold">{t("coordinator")}</span>}
                </p>
                <p className="text-sm">{t(`access.${c.access}`)}</p>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="find-title" className="space-y-3 border-t border-gray-300 pt-6">
        <h2 id="find-title">{t("findTitle")}</h2>
        <FindCitizenForm action={findCitizenAction} />
      </section>
      <section aria-labelledby="cpr-title" className="space-y-3 border-t border-gray-300 pt-6">
        <h2 id="cpr-title">{tCpr("title")}</h2>
        <p>{tCpr("intro")}</p>
        <CprLookupForm
          action={cprLookupAction}
          askAction={askConsentAction}
          areas={areas.map((a) => ({ id: a.id, name: area(a.key) }))}
          partNames={Object.fromEntries(CONSENTABLE_PARTS.map((p) => [p, tParts(p)]))}
        />
      </section>
    </div>
  );
}

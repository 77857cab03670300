import { notFound, redirect } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { getActor } from "@/lib/auth/actor";
import { isStaff } from "@/lib/staff/caseload";
import { leadAreas, OVERSIGHT_DAYS, readTeam } from "@/lib/staff/team";
import { readNotice } from "@/lib/i18n/notice";
import { getAreaName, getMomentFormat } from "@/lib/i18n/format";
import { titleFrom } from "@/lib/i18n/metadata";
import { Link } from "@/lib/i18n/navigation";
import { Notice } from "@/components/forms/Notice";
import { OneClickForm } from "@/components/forms/OneClickForm";
import { AssignForm } from "@/components/staff/TeamForms";
import { assignCaseworkerAction, endAssignmentAction } from "./actions";

export const dynamic = "force-dynamic";
export const generateMetadata = titleFrom("StaffTeam");

type Props = { params: Promise<{ locale: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

/** An area lead's team, per area they lead: the caseworkers, the area's citizens and who works with whom; assign and end. */
export default async function StaffTeamPage({ params, searchParams }: Props) {
  const { locale } = await params;
  setRequestLocale(locale);
  const actor = await getActor();
  if (!isStaff(actor)) redirect(`/${locale}/me`);
  const areas = await leadAreas(actor);
  // a caseworker who leads no area has no team page: it does not exist for them
  if (areas.length === 0) notFound();
  const [t, tForms, tLookup, moment, area, notice, teams] = await Promise.all([
    getTranslations("StaffTeam"),
    getTranslations("StaffForms"),
    getTranslations("CprLookup"),
    getMomentFormat(),
    getAreaName(),
    readNotice(searchParams, ["ended", "handOverFirst", "failed"] as const),
    Promise.all(areas.map((a) => readTeam(actor, a.id))),
  ]);

  return (
    <div className="max-w-4xl space-y-8">
      <p>
        <Link href="/staff">{t("back")}</Link>
      </p>
      <div>
        <h1>{t("title")}</h1>
        <p className="mt-3 text-lg">{t("intro")}</p>
      </div>
      {notice && <Notice kind={notice === "ended" ? "success" : "warning"} text={t(`notice.${notice}`)} />}
      {teams.map((team) => {
        if (!team) return null;
        const areaName = area(team.area.key);
        const prefix = `team-${team.area.key}`;
        return (
          <section
            key={team.area.id}
            aria-labelledby={`${prefix}-title`}
            className="space-y-6 border-t border-gray-300 pt-6"
            data-testid={prefix}
          >
            <h2 id={`${prefix}-title`}>{areaName}</h2>

            <div className="space-y-2">
              <h3 id={`${prefix}-caseworkers`}>{t("caseworkersTitle")}</h3>
              <ul className="list-disc space-y-1 ps-5" aria-labelledby={`${prefix}-caseworkers`} data-testid="caseworkers">
                {team.caseworkers.map((c) => (
                  <li key={c.staffId}>
                    <span className="font-semibold">{c.name}</span>
                    {c.isLead && <span> · {t("lead")}</span>}
                    <span className="text-gray-600"> · {t("citizenCount", { count: c.citizens })}</span>
                  </li>
                ))}
              </ul>
            </div>

            <div className="space-y-2">
              <h3 id={`${prefix}-citizens`}>{t("citizensTitle")}</h3>
              {team.citizens.length === 0 ? (
                <p className="text-gray-600">{t("citizensEmpty")}</p>
              ) : (
                <ul className="space-y-2" aria-labelledby={`${prefix}-citizens`} data-testid="team-citizens">
                  {team.citizens.map((c) => (
                    <li key={c.citizenId} className="space-y-2 border border-gray-300 p-3">
                      <p className="font-semibold">{c.name}</p>
                      {c.assigned.length === 0 ? (
                        <p className="text-sm">{t("nobodyAssigned")}</p>
                      ) : (
                        <ul className="space-y-2">
                          {c.assigned.map((a) => (
                            <li key={a.assignmentId} className="flex flex-wrap items-center justify-between gap-3" data-testid="assignment">
                              <p>
                                {a.name}
                                {a.coordinator && <span className="ms-2 font-semibold">{t("coordinator")}</span>}
                              </p>
                              <OneClickForm
                                action={endAssignmentAction}
                                fields={{ assignmentId: a.assignmentId }}
                                label={t("end")}
                                ariaLabel={t("endFull", { caseworker: a.name, citizen: c.name })}
                              />
                            </li>
                          ))}
                        </ul>
                      )}
                    </li>
                  ))}
                </ul>
              )}
            </div>

            {/* how the area's people look where they do not work (decisions 029 and 033) */}
            <div className="space-y-2">
              <h3 id={`${prefix}-looked`}>{t("lookedTitle")}</h3>
              <p className="text-gray-600">{t("lookedIntro", { days: OVERSIGHT_DAYS })}</p>
              {team.looked.length === 0 ? (
                <p>{t("lookedNone")}</p>
              ) : (
                <ul className="list-disc space-y-1 ps-5" aria-labelledby={`${prefix}-looked`} data-testid="looked">
                  {team.looked.map((l) => (
                    <li key={l.id}>
                      {t("lookedEntry", {
                        caseworker: l.staffName,
                        citizen: l.citizenName,
                        when: moment(l.at.toISOString()),
                        reason: tForms(`lookReasons.${l.reason}`),
                      })}
                    </li>
                  ))}
                </ul>
              )}
            </div>

            <div className="space-y-2">
              <h3 id={`${prefix}-misses`}>{t("missesTitle")}</h3>
              <p className="text-gray-600">{t("missesIntro", { days: OVERSIGHT_DAYS })}</p>
              {team.misses.length === 0 ? (
                <p>{t("missesNone")}</p>
              ) : (
                <ul className="list-disc space-y-1 ps-5" aria-labelledby={`${prefix}-misses`} data-testid="misses">
                  {team.misses.map((m) => (
                    <li key={m.id}>
                      {t("missEntry", {
                        caseworker: m.staffName,
                        when: moment(m.at.toISOString()),
                        purpose: tLookup(`purposes.${m.purpose}`),
                      })}
                    </li>
                  ))}
                </ul>
              )}
            </div>

            <div className="space-y-3">
              <h3>{t("assignTitle")}</h3>
              {team.citizens.length === 0 ? (
                <p className="text-gray-600">{t("assignNone")}</p>
              ) : (
                <AssignForm
                  areaId={team.area.id}
                  idPrefix={prefix}
                  citizens={team.citizens.map((c) => ({ id: c.citizenId, name: c.name }))}
                  caseworkers={team.caseworkers.map((c) => ({ id: c.staffId, name: c.name }))}
                  action={assignCaseworkerAction}
                />
              )}
            </div>
          </section>
        );
      })}
    </div>
  );
}

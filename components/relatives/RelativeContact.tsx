import type { ComponentProps } from "react";
import { getTranslations } from "next-intl/server";
import type { OwnRequestDto } from "@/lib/relatives/contact";
import { getDayFormat } from "@/lib/i18n/format";
import { ContactRequestForm } from "@/components/contact-requests/ContactRequestForm";

/**
 * A relative asks the coordinator to get in touch: about their own situation
 * (always theirs to ask), or about the citizen's (when the citizen allows it).
 * One open request at a time, with the day the answer is due; then what was
 * agreed, for their own situation.
 */
export async function RelativeContact({
  citizenId,
  first,
  coordinator,
  own,
  mayAskAboutCitizen,
  action,
}: {
  citizenId: string;
  first: string;
  coordinator: string | null;
  own: OwnRequestDto[];
  mayAskAboutCitizen: boolean;
  action: ComponentProps<typeof ContactRequestForm>["action"];
}) {
  const [t, day] = await Promise.all([getTranslations("RelativeContact"), getDayFormat()]);
  const open = own.find((r) => !r.answeredDay && !r.closedDay);
  const answered = own.filter((r) => r.answeredDay || r.closedDay);
  const who = coordinator ?? t("someone");
  return (
    <div className="space-y-3 border-t border-gray-300 pt-3" data-testid="relative-contact">
      <h3>{t("title")}</h3>
      {open ? (
        <p className={`border-s-4 p-3 ${open.overdue ? "border-warning bg-warning-light" : "border-info bg-info-light"}`}>
          {t(open.about === "ASKER" ? "openOwn" : "openCitizen", { who, name: first, date: day(open.dueDay) })}
        </p>
      ) : (
        <>
          <p>{t(mayAskAboutCitizen ? "intro" : "introOwnOnly", { who, name: first })}</p>
          {!mayAskAboutCitizen && <p>{t("aboutMeMeans", { name: first })}</p>}
          <p>{t("reachNote")}</p>
          <ContactRequestForm
            citizenId={citizenId}
            asked={own.length}
            channel="PHONE"
            about={{
              legend: t("aboutLegend"),
              options: [
                ...(mayAskAboutCitizen
                  ? [{ value: "CITIZEN", label: t("aboutCitizen", { name: first }), detail: t("aboutCitizenMeans", { name: first }) }]
                  : []),
                { value: "ASKER", label: t("aboutMe"), detail: t("aboutMeMeans", { name: first }) },
              ],
            }}
            action={action}
          />
        </>
      )}
      {answered.length > 0 && (
        <ul className="list-disc space-y-1 ps-5">
          {answered.map((r) => (
            <li key={r.id}>
              {r.closedDay ? (
                t("closedWithoutAnswer", { asked: day(r.askedDay), closed: day(r.closedDay) })
              ) : (
                <>
                  {t("answered", { asked: day(r.askedDay), answered: day(r.answeredDay!) })}
                  {r.answer && <span className="whitespace-pre-wrap"> {t("agreed", { what: r.answer })}</span>}
                  {r.about === "CITIZEN" && <span> {t("answeredCitizen", { name: first })}</span>}
                </>
              )}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

import type { ComponentProps } from "react";
import type { ContactRequestDto, ContactRequestsDto } from "@/lib/contact-requests/dto";
import { getTranslations } from "next-intl/server";
import { getDayFormat } from "@/lib/i18n/format";
import { CloseContactRequestForm } from "@/components/staff/PlanForms";
import { RelativeReach } from "./RelativeReach";

/**
 * "Contact me": the open request with its deadline, what the citizen wrote and
 * how they want to be contacted; the coordinator answers it by writing down the
 * agreement. Then the ones answered before. Nothing at all when there are none.
 */
export async function ContactRequestSection({
  requests,
  close,
}: {
  requests: ContactRequestsDto;
  close: ComponentProps<typeof CloseContactRequestForm>["action"];
}) {
  const { open, fromRelatives, answered } = requests;
  const opens = [...(open ? [open] : []), ...fromRelatives];
  if (opens.length === 0 && answered.length === 0) return null;
  const [t, tChannels, day] = await Promise.all([getTranslations("StaffCitizen"), getTranslations("ContactForm.channel"), getDayFormat()]);
  const who = (r: ContactRequestDto) =>
    !r.asker
      ? t("contactFromCitizen")
      : t(r.about === "ASKER" ? "contactFromRelativeOwn" : "contactFromRelative", {
          // as the citizen named them: "Mette (datter)"
          who: r.asker.name ? (r.asker.relation ? `${r.asker.name} (${r.asker.relation})` : r.asker.name) : t("aRelative"),
        });
  return (
    <section aria-labelledby="staff-contact" className="space-y-3" data-testid="contact-request">
      <h2 id="staff-contact">{t("contactTitle")}</h2>
      <p role="status" className={opens.length ? "sr-only" : "text-gray-600"}>
        {opens.length ? t("contactOpen") : t("contactNoneOpen")}
      </p>
      {opens.map((r) => (
        <div
          key={r.id}
          className={`space-y-2 border-2 p-4 ${r.overdue ? "border-warning bg-warning-light" : "border-gray-300"}`}
          data-testid="open-contact-request"
        >
          <h3 className="text-lg">{who(r)}</h3>
          <p className="font-semibold">{t(r.overdue ? "contactOverdue" : "contactDue", { date: day(r.dueDay) })}</p>
          {r.asker ? (
            <>
              <p>{r.text ? t("relativeWrites", { text: r.text }) : t("relativeWroteNothing")}</p>
              {r.channel && <p>{t("contactChannel", { channel: tChannels(r.channel) })}</p>}
              {/* how to reach them: for whoever answers, as the relative was told */}
              {requests.mayAnswer && <RelativeReach reach={r.asker.reach} />}
            </>
          ) : (
            <>
              <p>{r.text ? t("contactText", { text: r.text }) : t("contactNoText")}</p>
              {r.channel && <p>{t("contactChannel", { channel: tChannels(r.channel) })}</p>}
            </>
          )}
          {requests.mayAnswer ? (
            <div className="no-print space-y-3 border-t border-gray-300 pt-3">
              <h4 className="font-semibold">{t("contactAnswerTitle")}</h4>
              <p>{t(r.asker ? "contactAnswerIntroRelative" : "contactAnswerIntro")}</p>
              <CloseContactRequestForm requestId={r.id} action={close} />
            </div>
          ) : (
            <p>{t("contactCoordinatorAnswers")}</p>
          )}
        </div>
      ))}
      {answered.length > 0 && (
        <ul className="list-disc space-y-1 ps-5">
          {answered.map((a) => (
            <li key={a.id}>{t("contactAnswered", { asked: day(a.askedDay), answered: day(a.answeredDay) })}</li>
          ))}
        </ul>
      )}
    </section>
  );
}

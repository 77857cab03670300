import type { ComponentProps } from "react";
import type { ContactRequestsDto } from "@/lib/contact-requests/dto";
import { getTranslations } from "next-intl/server";
import { getDayFormat } from "@/lib/i18n/format";
import { CloseContactRequestForm } from "@/components/staff/PlanForms";

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
  const { open, answered } = requests;
  if (!open && answered.length === 0) return null;
  const [t, tChannels, day] = await Promise.all([getTranslations("StaffCitizen"), getTranslations("ContactForm.channel"), getDayFormat()]);
  return (
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
          {requests.mayAnswer ? (
            <div className="no-print space-y-3 border-t border-gray-300 pt-3">
              <h3>{t("contactAnswerTitle")}</h3>
              <p>{t("contactAnswerIntro")}</p>
              <CloseContactRequestForm requestId={open.id} action={close} />
            </div>
          ) : (
            <p>{t("contactCoordinatorAnswers")}</p>
          )}
        </div>
      ) : null}
      {answered.length > 0 && (
        <ul className="list-disc space-y-1 pl-5">
          {answered.map((a) => (
            <li key={a.id}>{t("contactAnswered", { asked: day(a.askedDay), answered: day(a.answeredDay) })}</li>
          ))}
        </ul>
      )}
    </section>
  );
}

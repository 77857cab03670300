import type { ComponentProps } from "react";
import { getTranslations } from "next-intl/server";
import type { RelativeOwnRequestDto } from "@/lib/relatives/contact";
import { getDayFormat } from "@/lib/i18n/format";
import { CloseContactRequestForm } from "@/components/staff/PlanForms";
import { RelativeReach } from "./RelativeReach";

/**
 * Relatives who asked to talk about their own situation (a break, how they are managing): for whoever answers
 * "contact me" for the citizen. Theirs, not the citizen's: answered with what was agreed, which only the
 * relative sees; nothing of it goes into the citizen's plan.
 */
export async function RelativeOwnRequestsSection({
  requests,
  answer,
}: {
  requests: RelativeOwnRequestDto[];
  answer: ComponentProps<typeof CloseContactRequestForm>["action"];
}) {
  if (requests.length === 0) return null;
  const [t, tChannels, day] = await Promise.all([getTranslations("StaffCitizen"), getTranslations("ContactForm.channel"), getDayFormat()]);
  return (
    <section aria-labelledby="relative-own" className="space-y-3" data-testid="relative-own-requests">
      <h2 id="relative-own">{t("relativeOwnTitle")}</h2>
      <p>{t("relativeOwnIntro")}</p>
      {requests.map((r) => (
        <div key={r.id} className={`space-y-2 border-2 p-4 ${r.overdue ? "border-warning bg-warning-light" : "border-gray-300"}`}>
          <h3 className="text-lg">{r.name ? (r.relation ? `${r.name} (${r.relation})` : r.name) : t("aRelative")}</h3>
          <p className="font-semibold">{t(r.overdue ? "contactOverdue" : "contactDue", { date: day(r.dueDay) })}</p>
          <p>{r.text ? t("relativeWrites", { text: r.text }) : t("relativeWroteNothing")}</p>
          {r.channel && <p>{t("contactChannel", { channel: tChannels(r.channel) })}</p>}
          <RelativeReach reach={r.reach} />
          <div className="no-print space-y-3 border-t border-gray-300 pt-3">
            <h4 className="font-semibold">{t("contactAnswerTitle")}</h4>
            <p>{t("contactAnswerIntroOwn")}</p>
            <CloseContactRequestForm requestId={r.id} action={answer} withDate={false} />
          </div>
        </div>
      ))}
    </section>
  );
}

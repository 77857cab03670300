import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { requireSignedIn } from "@/lib/auth/citizen";
import { readContactRequests } from "@/lib/contact-requests/queries";
import { readContactPreferences } from "@/lib/contact/queries";
import { getDayFormat, getMomentFormat } from "@/lib/i18n/format";
import { titleFrom } from "@/lib/i18n/metadata";
import { Link } from "@/lib/i18n/navigation";
import { NoPlan } from "@/components/plan/NoPlan";
import { PageIntro } from "@/components/plan/PageIntro";
import { ContactRequestForm } from "@/components/contact-requests/ContactRequestForm";
import { askForContactAction } from "./actions";

export const dynamic = "force-dynamic";
export const generateMetadata = titleFrom("ContactRequest");

/**
 * "I am unsure, contact me": the citizen asks, and sees when they will hear
 * from their coordinator; once it is answered, the agreement that was made.
 */
export default async function ContactRequestPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const { actor, citizenId } = await requireSignedIn(locale);
  if (!citizenId) return <NoPlan />;
  const [t, tChannel, day, moment, requests, contact] = await Promise.all([
    getTranslations("ContactRequest"),
    getTranslations("ContactForm.channel"),
    getDayFormat(),
    getMomentFormat(),
    readContactRequests(actor, citizenId),
    readContactPreferences(actor, citizenId),
  ]);
  if (!requests.ok) notFound();
  const { open, answered, coordinator, answerable, asked } = requests.value;
  const who = coordinator ?? t("someone");

  return (
    <div className="max-w-3xl space-y-8">
      <PageIntro back={t("back")} title={t("title")} intro={t("intro")} />
      {open ? (
        <section
          aria-labelledby="open-title"
          className="space-y-2 border-s-4 border-success bg-success-light p-4"
          data-testid="contact-open"
        >
          <h2 id="open-title">{t("openTitle")}</h2>
          <p>{t("openText", { who, date: day(open.dueDay) })}</p>
          {open.channel && <p>{t("openChannel", { channel: tChannel(open.channel) })}</p>}
          {open.text && <p className="whitespace-pre-wrap">{t("openWords", { text: open.text })}</p>}
          <p data-testid="contact-told">{open.toldAt ? t("openTold", { who, when: moment(open.toldAt) }) : t("openOnWorkList", { who })}</p>
          {open.overdue && (
            <p className="font-semibold" data-testid="contact-overdue">
              {open.overdueToldAt ? t("openOverdueTold", { who, when: moment(open.overdueToldAt) }) : t("openOverdue")}
            </p>
          )}
        </section>
      ) : (
        <section aria-labelledby="ask-title" className="space-y-3">
          <h2 id="ask-title">{t("askTitle", { who })}</h2>
          {answerable ? (
            <ContactRequestForm
              citizenId={citizenId}
              asked={asked}
              channel={contact.ok ? contact.value.channel : "PHONE"}
              action={askForContactAction}
            />
          ) : (
            <div className="space-y-2 border-s-4 border-warning bg-warning-light p-4" data-testid="nobody-can-answer">
              <p>{t("nobodyCanAnswer")}</p>
              <p>
                <Link href="/plan/consents">{t("toConsents")}</Link>
              </p>
            </div>
          )}
        </section>
      )}
      {answered.length > 0 && (
        <section aria-labelledby="answered-title" className="space-y-2">
          <h2 id="answered-title">{t("answeredTitle")}</h2>
          <ul className="space-y-2" data-testid="contact-answered">
            {answered.map((a) => (
              <li key={a.id} className="border border-gray-300 p-3">
                <p className="text-sm text-gray-600">{t("answeredOn", { asked: day(a.askedDay), answered: day(a.answeredDay) })}</p>
                {a.agreement && <p className="font-semibold">{t("agreed", { what: a.agreement })}</p>}
              </li>
            ))}
          </ul>
          <p>
            <Link href="/plan/agreements">{t("seeAgreements")}</Link>
          </p>
        </section>
      )}
    </div>
  );
}

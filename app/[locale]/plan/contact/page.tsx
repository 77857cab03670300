import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { requireSignedIn } from "@/lib/auth/citizen";
import { readContactPreferences } from "@/lib/contact/queries";
import { NoPlan } from "@/components/plan/NoPlan";
import { ContactForm } from "@/components/contact/ContactForm";
import { PageIntro } from "@/components/plan/PageIntro";
import { WhoSees } from "@/components/plan/WhoSees";
import { readWhoSees } from "@/lib/consents/who-sees";
import { titleFrom } from "@/lib/i18n/metadata";
import { saveContactPreferences } from "./actions";

export const dynamic = "force-dynamic";

export const generateMetadata = titleFrom("Contact");

/** How to contact me: channel, times, "ring the doorbell", language, interpreter, someone present. */
export default async function ContactPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const { actor, citizenId } = await requireSignedIn(locale);
  if (!citizenId) return <NoPlan />;
  const [t, contact, who] = await Promise.all([
    getTranslations("Contact"),
    readContactPreferences(actor, citizenId),
    readWhoSees(actor, citizenId, "CONTACT"),
  ]);
  if (!contact.ok || !who.ok) notFound();
  return (
    <div className="max-w-2xl space-y-6">
      <PageIntro back={t("back")} title={t("title")} intro={t("intro")} />
      <ContactForm initial={contact.value} action={saveContactPreferences} />
      <WhoSees who={who.value} what="CONTACT" />
    </div>
  );
}

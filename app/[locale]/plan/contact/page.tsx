import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { requireSignedIn } from "@/lib/auth/citizen";
import { readContactPreferences } from "@/lib/contact/queries";
import { NoPlan } from "@/components/plan/NoPlan";
import { ContactForm } from "@/components/contact/ContactForm";
import { Link } from "@/lib/i18n/navigation";
import { saveContactPreferences } from "./actions";

export const dynamic = "force-dynamic";

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }) {
  const t = await getTranslations({ locale: (await params).locale, namespace: "Contact" });
  return { title: t("title") };
}

/** How to contact me: channel, times, "ring the doorbell", language, interpreter, someone present. */
export default async function ContactPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const { actor, citizenId } = await requireSignedIn(locale);
  if (!citizenId) return <NoPlan />;
  const [t, contact] = await Promise.all([getTranslations("Contact"), readContactPreferences(actor, citizenId)]);
  if (!contact.ok) notFound();
  return (
    <div className="max-w-2xl space-y-6">
      <p>
        <Link href="/plan">{t("back")}</Link>
      </p>
      <div>
        <h1>{t("title")}</h1>
        <p className="mt-3 text-lg">{t("intro")}</p>
      </div>
      <ContactForm initial={contact.value} action={saveContactPreferences} />
    </div>
  );
}

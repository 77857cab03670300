import { getTranslations } from "next-intl/server";
import type { ContactPreferencesDto } from "@/lib/contact/schema";

/**
 * How and when the citizen wants to be contacted, as someone they share it
 * with reads it (a caseworker, a relative): told once, never asked again. Only
 * what the citizen said; "no wishes yet" when they have said nothing.
 */
export async function ContactWishes({ contact }: { contact: ContactPreferencesDto }) {
  const [t, tChannel] = await Promise.all([getTranslations("ContactWishes"), getTranslations("ContactForm.channel")]);
  if (contact.version === 0) return <p className="mt-2 text-gray-600">{t("none")}</p>;
  const rows: [string, string][] = [
    [t("channel"), tChannel(contact.channel)],
    ...(contact.times ? [[t("times"), contact.times] as [string, string]] : []),
    [t("visit"), t(`visitValue.${contact.visit}`)],
    ...(contact.language ? [[t("language"), contact.language] as [string, string]] : []),
    [t("interpreter"), t(`interpreterValue.${contact.interpreter}`)],
    ...(contact.someonePresent ? [[t("someonePresent"), contact.someonePresent] as [string, string]] : []),
  ];
  return (
    <dl className="mt-2 space-y-1" data-testid="contact-wishes">
      {rows.map(([label, value]) => (
        <div key={label}>
          <dt className="inline font-semibold">{label}:</dt> <dd className="inline whitespace-pre-wrap">{value}</dd>
        </div>
      ))}
    </dl>
  );
}

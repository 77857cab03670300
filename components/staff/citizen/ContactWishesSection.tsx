import { getTranslations } from "next-intl/server";
import type { ContactPreferencesDto } from "@/lib/contact/schema";
import { ContactWishes } from "@/components/plan/ContactWishes";

/** The citizen's contact wishes, for the caseworker: "ring the doorbell and wait", told once. */
export async function ContactWishesSection({ contact }: { contact: ContactPreferencesDto }) {
  const t = await getTranslations("StaffCitizen");
  return (
    <section aria-labelledby="staff-contact-wishes" className="break-inside-avoid">
      <h2 id="staff-contact-wishes">{t("contactWishesTitle")}</h2>
      <ContactWishes contact={contact} />
    </section>
  );
}

import { redirect } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { getActor } from "@/lib/auth/actor";
import { isStaff } from "@/lib/staff/caseload";
import { readOwnProfile } from "@/lib/staff/profile";
import { titleFrom } from "@/lib/i18n/metadata";
import { Link } from "@/lib/i18n/navigation";
import { StaffProfileForm } from "@/components/staff/StaffProfileForm";
import { saveStaffProfileAction } from "../actions";

export const dynamic = "force-dynamic";
export const generateMetadata = titleFrom("StaffProfile");

/** A caseworker's direct line, for the citizens (and allowed relatives) whose red thread they hold. */
export default async function StaffProfilePage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const actor = await getActor();
  if (!isStaff(actor)) redirect(`/${locale}/me`);
  const [t, profile] = await Promise.all([getTranslations("StaffProfile"), readOwnProfile(actor)]);
  if (!profile) redirect(`/${locale}/me`);
  return (
    <div className="max-w-2xl space-y-6">
      <p>
        <Link href="/staff">{t("back")}</Link>
      </p>
      <h1>{t("title")}</h1>
      <p>{t("intro", { name: profile.name })}</p>
      <StaffProfileForm phone={profile.phone} hours={profile.hours} action={saveStaffProfileAction} />
    </div>
  );
}

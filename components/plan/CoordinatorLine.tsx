import { getTranslations } from "next-intl/server";
import { showPhone } from "@/lib/staff/profile-schema";

/**
 * The coordinator's direct line, as they wrote it on their staff profile: a
 * phone number to tap and when they answer it. Nothing when they gave none
 * (the page then offers "contact me", which always reaches them).
 */
export async function CoordinatorLine({ name, line }: { name: string; line: { phone: string; hours: string } }) {
  if (!line.phone) return null;
  const t = await getTranslations("Coordinator");
  return (
    <p className="mt-2" data-testid="coordinator-line">
      {t("phone", { name })}{" "}
      <a href={`tel:${line.phone}`} className="font-semibold whitespace-nowrap">
        {showPhone(line.phone)}
      </a>
      {line.hours && <> · {t("hours", { hours: line.hours })}</>}
    </p>
  );
}

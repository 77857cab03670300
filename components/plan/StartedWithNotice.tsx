import { getFormatter, getTranslations } from "next-intl/server";
import type { StartedWithDto } from "@/lib/plan/started-with";
import { getAreaName } from "@/lib/i18n/format";
import { Link } from "@/lib/i18n/navigation";

/**
 * The first thing a citizen sees on a plan a caseworker started with them: who wrote what down, when, and how
 * they said yes; they keep it, or change it where each thing lives. Words on screen that are true: every line
 * here is read from the record.
 */
export async function StartedWithNotice({
  started,
  keepAction,
}: {
  started: StartedWithDto;
  keepAction: (formData: FormData) => Promise<void>;
}) {
  const [t, tParts, tChannels, area, format] = await Promise.all([
    getTranslations("StartedWith"),
    // the parts as the citizen's own pages name them ("din historie")
    getTranslations("AccessLog.parts"),
    getTranslations("StartPlan.channels"),
    getAreaName(),
    getFormatter(),
  ]);
  const day = (iso: string) => format.dateTime(new Date(iso), { dateStyle: "long" });
  return (
    <section aria-labelledby="started-title" className="space-y-3 border-4 border-primary p-4" data-testid="started-with">
      <h2 id="started-title">{t("title")}</h2>
      <p>{t("who", { staff: started.staffName, date: day(started.startedAt) })}</p>
      <ul className="list-disc space-y-1 ps-5">
        <li>{t("name", { name: started.name })}</li>
        {started.channel && <li>{t("channel", { channel: tChannels(started.channel) })}</li>}
        {started.consents.map((c, i) => (
          <li key={`name-${i}`}>{t("nameAlways", { area: area(c.areaKey) })}</li>
        ))}
        {started.consents.map((c, i) => (
          <li key={`consent-${i}`}>
            {t(c.givenHow === "PAPER" ? "consentPaper" : "consentConversation", {
              area: area(c.areaKey),
              parts: c.parts.map((p) => tParts(p)).join(", "),
              staff: c.recordedBy ?? started.staffName,
            })}{" "}
            {c.validUntil ? t("until", { date: day(c.validUntil) }) : null}
          </li>
        ))}
      </ul>
      <p>{t("choice")}</p>
      <div className="flex flex-wrap items-center gap-4">
        <form action={keepAction}>
          <button type="submit" className="min-h-11 bg-primary px-5 py-2 font-semibold text-white hover:bg-primary-dark">
            {t("keep")}
          </button>
        </form>
        <Link href="/plan/consents">{t("changeConsent")}</Link>
        <Link href="/plan/contact">{t("changeContact")}</Link>
      </div>
    </section>
  );
}

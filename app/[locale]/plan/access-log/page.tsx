import { notFound } from "next/navigation";
import { z } from "zod";
import { getFormatter, getTranslations, setRequestLocale } from "next-intl/server";
import { requireSignedIn } from "@/lib/auth/citizen";
import { readAccessLog } from "@/lib/access-log/queries";
import { NoPlan } from "@/components/plan/NoPlan";
import { AccessLogList } from "@/components/plan/AccessLogList";
import { Link } from "@/lib/i18n/navigation";
import { PageIntro } from "@/components/plan/PageIntro";
import { titleFrom } from "@/lib/i18n/metadata";
import { getAreaName } from "@/lib/i18n/format";

export const dynamic = "force-dynamic";

const querySchema = z.object({
  page: z.coerce.number().int().min(1).max(10_000).catch(1),
  area: z.uuid().optional().catch(undefined),
});

export const generateMetadata = titleFrom("AccessLog");

/**
 * Why, in plain words, for an access that happened. Not for a refusal (it did
 * not happen, whatever it was for), nor where the sentence already says it
 * (asking, "told once") or the purpose only repeats it (to see it, to change it).
 * A lookup by CPR number is an ASK that does say why: the caseworker chose the purpose.
 */
const PLAIN_ALREADY = new Set(["view", "edit", "told-once"]);
const saysWhy = (e: { outcome: string; action: string; purpose: string }) =>
  e.outcome === "ALLOWED" && (e.action !== "ASK" || e.purpose.startsWith("cpr-lookup-")) && !PLAIN_ALREADY.has(e.purpose);

/** The sentence for a caseworker's ASK, by its purpose; any other ASK is asking for consent. */
const ASKED = {
  "cpr-lookup": "cprLookup",
  "cpr-lookup-contacted": "cprLookup",
  "cpr-lookup-referral": "cprLookup",
  "cpr-lookup-meeting": "cprLookup",
  "start-plan-with": "startedWith",
  "record-consent": "recordedConsent",
  "record-withdrawal": "recordedWithdrawal",
  "record-power": "recordedPower",
  "record-power-end": "recordedPowerEnd",
  "view-powers": "viewedPowers",
} as const;
const sentenceOf = (e: { outcome: string; action: string; purpose: string }) =>
  e.outcome === "DENIED"
    ? e.purpose.startsWith("cpr-lookup")
      ? "deniedLookup"
      : "denied"
    : e.purpose.startsWith("look-")
      ? "looked"
      : e.action === "ASK"
        ? (ASKED[e.purpose as keyof typeof ASKED] ?? "asked")
        : "entry";

/** "Who has seen my plan": the citizen's own access log, in plain words. */
export default async function AccessLogPage({
  params,
  searchParams,
}: {
  params: Promise<{ locale: string }>;
  searchParams: Promise<Record<string, string | string[]>>;
}) {
  const { locale } = await params;
  setRequestLocale(locale);
  const { actor, citizenId } = await requireSignedIn(locale);
  if (!citizenId) return <NoPlan />;
  const query = querySchema.parse(await searchParams);
  const [t, areaName, format, log] = await Promise.all([
    getTranslations("AccessLog"),
    getAreaName(),
    getFormatter(),
    readAccessLog(actor, citizenId, { page: query.page, serviceAreaId: query.area }),
  ]);
  if (!log.ok) notFound();
  const { entries, hasMore, page, areas } = log.value;
  const whyOf = (e: (typeof entries)[number]) =>
    saysWhy(e) && t.has(`purposes.${e.purpose}`) ? t("why", { purpose: t(`purposes.${e.purpose}`) }) : null;
  const link = (p: number) => ({ pathname: "/plan/access-log" as const, query: { ...(query.area ? { area: query.area } : {}), page: p } });

  return (
    <div className="max-w-3xl space-y-6">
      <PageIntro back={t("back")} title={t("title")} intro={t("intro")} />
      <form method="get" className="flex flex-wrap items-end gap-3">
        {/* may be narrower than the longest area's name (a 320 px phone at the largest text): the list then wraps it */}
        <div className="min-w-0">
          <label htmlFor="area" className="block font-semibold">
            {t("filterLabel")}
          </label>
          <select id="area" name="area" defaultValue={query.area ?? ""} className="mt-1 min-h-11 border-2 border-gray-600 bg-white px-3">
            <option value="">{t("allAreas")}</option>
            {areas.map((a) => (
              <option key={a.id} value={a.id}>
                {areaName(a.key)}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="min-h-11 border-2 border-gray-600 bg-white px-4 font-semibold hover:bg-gray-100">
          {t("filterButton")}
        </button>
      </form>
      <AccessLogList
        empty={t("empty")}
        entries={entries.map((e) => ({
          id: e.id,
          when: format.dateTime(new Date(e.at), {
            weekday: "long",
            day: "numeric",
            month: "long",
            hour: "2-digit",
            minute: "2-digit",
            timeZone: "Europe/Copenhagen",
          }),
          sentence: t(sentenceOf(e), {
            // a member of staff refused with no area of theirs in the matter: not "someone from ."
            role: e.outcome === "DENIED" && e.actorRole === "STAFF" && !e.areaKey ? "STAFF_NO_AREA" : e.actorRole,
            name: e.actorName ?? "",
            area: e.areaKey ? areaName(e.areaKey) : "",
            action: e.action,
            part: t(`parts.${e.part}`),
            count: e.count,
          }),
          toldOnce: e.purpose === "told-once",
          why: whyOf(e),
          denied: e.outcome === "DENIED",
        }))}
        toldOnceNote={t("toldOnce")}
      />
      <nav aria-label={t("pages")} className="flex flex-wrap justify-between gap-3">
        {page > 1 ? <Link href={link(page - 1)}>{t("newer")}</Link> : <span />}
        {hasMore && <Link href={link(page + 1)}>{t("older")}</Link>}
      </nav>
    </div>
  );
}

import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { requireSignedIn } from "@/lib/auth/citizen";
import { readNotice } from "@/lib/i18n/notice";
import { readNetwork } from "@/lib/network/queries";
import { CLOSENESS } from "@/lib/network/schema";
import { titleFrom } from "@/lib/i18n/metadata";
import { Link } from "@/lib/i18n/navigation";
import { NoPlan } from "@/components/plan/NoPlan";
import { PageIntro } from "@/components/plan/PageIntro";
import { WhoSees } from "@/components/plan/WhoSees";
import { readWhoSees } from "@/lib/consents/who-sees";
import { Notice } from "@/components/forms/Notice";
import { NetworkMap } from "@/components/network/NetworkMap";
import { NetworkMemberForm } from "@/components/network/NetworkMemberForm";
import { addPersonAction } from "./actions";

export const dynamic = "force-dynamic";
export const generateMetadata = titleFrom("Network");

/** My people and communities: rings around me, and the same in a list. */
export default async function PeoplePage({
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
  const notice = await readNotice(searchParams, ["removed", "conflict", "failed"] as const);
  const [t, tPlan, network, who] = await Promise.all([
    getTranslations("Network"),
    getTranslations("Plan"),
    readNetwork(actor, citizenId),
    readWhoSees(actor, citizenId, "NETWORK"),
  ]);
  if (!network.ok || !who.ok) notFound();
  const members = network.value;
  const rings = Object.fromEntries(CLOSENESS.map((c) => [c, t(`rings.${c}`)])) as Record<(typeof CLOSENESS)[number], string>;

  return (
    <div className="max-w-4xl space-y-8">
      <PageIntro back={t("back")} title={t("title")} intro={t("intro")} />
      {/* "My people" is one destination: the people in my life, and the relatives I share my plan with */}
      <p>
        <Link href="/plan/relatives" className="inline-flex min-h-11 items-center font-semibold">
          {tPlan("relativesLink")}
        </Link>
      </p>
      {notice && <Notice kind={notice === "removed" ? "success" : "warning"} text={t(`notice.${notice}`)} />}
      <div className="grid gap-8 md:grid-cols-2">
        {members.length > 0 && <NetworkMap members={members} me={t("me")} ringLabels={rings} />}
        <div className="space-y-6">
          {members.length === 0 && <p className="text-gray-600">{t("empty")}</p>}
          {CLOSENESS.map((ring) => {
            const inRing = members.filter((m) => m.closeness === ring);
            if (inRing.length === 0) return null;
            return (
              <section key={ring} aria-labelledby={`ring-${ring}`}>
                <h2 id={`ring-${ring}`} className="text-xl">
                  {t(`ringsTitle.${ring}`)}
                </h2>
                <ul className="mt-2 space-y-2">
                  {inRing.map((m) => (
                    <li key={m.id} className="border border-gray-300 p-3" data-testid="person">
                      <p className="font-semibold">
                        <Link href={`/plan/network/${m.id}`}>{m.name}</Link>
                        <span className="font-normal text-gray-600"> · {m.relation || t(`kinds.${m.kind}`)}</span>
                      </p>
                      {m.helpsWith && <p className="text-sm">{t("helpsWith", { what: m.helpsWith })}</p>}
                      {m.goals.length > 0 && (
                        <p className="text-sm">{t("helpsWithGoals", { goals: m.goals.map((g) => g.title).join(", ") })}</p>
                      )}
                      {m.contact && <p className="text-sm text-gray-600">{m.contact}</p>}
                      {m.addedByRelative && <p className="text-sm text-gray-600">{t("addedByRelative")}</p>}
                    </li>
                  ))}
                </ul>
              </section>
            );
          })}
        </div>
      </div>
      <WhoSees who={who.value} what="NETWORK" />
      <section aria-labelledby="add-person" className="no-print max-w-3xl space-y-3 border-t border-gray-300 pt-6">
        <h2 id="add-person">{t("addTitle")}</h2>
        <NetworkMemberForm action={addPersonAction} />
      </section>
    </div>
  );
}

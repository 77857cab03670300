import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { requireSignedIn } from "@/lib/auth/citizen";
import { readRelatives } from "@/lib/relatives/queries";
import { readNotice } from "@/lib/i18n/notice";
import { getDayFormat } from "@/lib/i18n/format";
import { titleFrom } from "@/lib/i18n/metadata";
import { todayInDenmark } from "@/lib/validation/fields";
import { readPowers } from "@/lib/attorney/queries";
import { PowersSection } from "@/components/relatives/PowersSection";
import { NoPlan } from "@/components/plan/NoPlan";
import { PageIntro } from "@/components/plan/PageIntro";
import { Notice } from "@/components/forms/Notice";
import { OneClickForm } from "@/components/forms/OneClickForm";
import { InviteForm } from "@/components/relatives/InviteForm";
import { JoinedAs, RelativeCard } from "@/components/relatives/RelativeCard";
import { z } from "zod";
import { changeRelativeAction, endRelativeAction, inviteAction, revokeInvitationAction, grantPowerAction, endPowerAction } from "./actions";

export const dynamic = "force-dynamic";
export const generateMetadata = titleFrom("Relatives");

/** `?joined=<relationship>`: where the "someone used your link" message leads. */
const joinedSchema = z.object({ joined: z.uuid().optional().catch(undefined) });

/** My relatives: who may see what of my plan, invitations on their way, and inviting someone new. */
export default async function RelativesPage({
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
  const notice = await readNotice(searchParams, ["changed", "conflict", "invalid", "failed", "power-ended"] as const);
  const [t, day, result, powers] = await Promise.all([
    getTranslations("Relatives"),
    getDayFormat(),
    readRelatives(actor, citizenId),
    readPowers(actor, citizenId),
  ]);
  if (!result.ok || !powers.ok) notFound();
  const { relatives, invitations, invitable } = result.value;
  const active = relatives.filter((r) => r.active);
  const { joined: joinedId } = joinedSchema.parse(await searchParams);
  const joined = active.find((r) => r.id === joinedId);

  return (
    <div className="max-w-3xl space-y-8">
      <PageIntro back={t("back")} title={t("title")} intro={t("intro")} />
      {notice && <Notice kind={notice === "changed" || notice === "power-ended" ? "success" : "warning"} text={t(`notice.${notice}`)} />}
      {joined && (
        <section aria-labelledby="joined-title" className="space-y-3 border-s-4 border-primary bg-white p-4">
          <h2 id="joined-title">{t("joinedTitle", { name: joined.name })}</h2>
          <p>{t("joinedCheck")}</p>
          <JoinedAs joinedAs={joined.joinedAs} />
          <p>{t("notThem", { name: joined.name })}</p>
          <OneClickForm
            action={endRelativeAction}
            fields={{ relationshipId: joined.id }}
            label={t("endNotThem", { name: joined.name })}
            look="danger"
          />
        </section>
      )}
      <section aria-labelledby="relatives-title" className="space-y-3">
        <h2 id="relatives-title">{t("activeTitle")}</h2>
        {active.length === 0 ? (
          <p className="text-gray-600">{t("activeEmpty")}</p>
        ) : (
          <ul className="space-y-4">
            {active.map((r) => (
              <RelativeCard key={r.id} relative={r} change={changeRelativeAction} end={endRelativeAction} />
            ))}
          </ul>
        )}
      </section>
      <PowersSection
        powers={powers.value}
        relatives={active.map((r) => ({ id: r.id, name: r.name }))}
        end={endPowerAction}
        grant={grantPowerAction}
      />
      <section aria-labelledby="invite-title" className="no-print space-y-3 border-t border-gray-300 pt-6">
        <h2 id="invite-title">{t("inviteTitle")}</h2>
        <p>{t("inviteIntro")}</p>
        <InviteForm invitable={invitable} action={inviteAction} />
      </section>
      {invitations.length > 0 && (
        <section aria-labelledby="invitations-title" className="space-y-3 border-t border-gray-300 pt-6">
          <h2 id="invitations-title">{t("invitationsTitle")}</h2>
          <ul className="space-y-2">
            {invitations.map((i) => (
              <li
                key={i.id}
                className="flex flex-wrap items-center justify-between gap-3 border border-gray-300 p-3"
                data-testid="invitation"
              >
                <p>
                  <span className="font-semibold">{i.name ?? t("someone")}</span> ·{" "}
                  {t(`state.${i.state}`, { date: day(todayInDenmark(new Date(i.expiresAt))) })}
                </p>
                {i.state === "PENDING" && (
                  <OneClickForm
                    action={revokeInvitationAction}
                    fields={{ invitationId: i.id }}
                    label={t("revoke")}
                    ariaLabel={t("revokeFor", { name: i.name ?? t("someone") })}
                  />
                )}
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}

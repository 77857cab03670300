import { getFormatter, getTranslations } from "next-intl/server";
import type { RelativeSpaceDto } from "@/lib/relatives/dto";

/** What a relative shared of their own space: how they want to help (or not), what they need, how they have been. */
export async function RelativeSpaceSummary({ name, space }: { name: string; space: RelativeSpaceDto }) {
  const [t, format] = await Promise.all([getTranslations("RelativeSpace"), getFormatter()]);
  const needs = (["needsRespite", "wantsPeers", "wantsCoordinator"] as const).filter((k) => space[k]);
  return (
    <div className="border-s-4 border-info bg-info-light p-3" data-testid="relative-space">
      <p className="font-semibold">{t("sharedTitle", { name })}</p>
      {space.helpWish && <p>{t(`wish.${space.helpWish}`)}</p>}
      {space.canDo && <p className="whitespace-pre-wrap">{space.canDo}</p>}
      {needs.length > 0 && (
        <ul className="mt-1 list-disc ps-5">
          {needs.map((k) => (
            <li key={k}>{t(`need.${k}`)}</li>
          ))}
        </ul>
      )}
      {space.checkIns[0] && (
        <p className="mt-1">
          {t("latestCheckIn", {
            date: format.dateTime(new Date(space.checkIns[0].at), { day: "numeric", month: "long", timeZone: "Europe/Copenhagen" }),
            feeling: t(`feeling.${space.checkIns[0].feeling}`),
          })}
          {space.checkIns[0].note && <> – “{space.checkIns[0].note}”</>}
        </p>
      )}
    </div>
  );
}

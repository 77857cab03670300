import type { ComponentProps } from "react";
import type { RedThreadDto } from "@/lib/red-thread/dto";
import { getTranslations } from "next-intl/server";
import { getAreaName } from "@/lib/i18n/format";
import { OneClickForm } from "@/components/forms/OneClickForm";
import { AcceptHandoverForm, OfferHandoverForm } from "@/components/staff/PlanForms";

type Click = ComponentProps<typeof OneClickForm>["action"];

/**
 * Who holds the red thread; taking it up when nobody holds it in force; a
 * handover on offer (accept or decline it, or withdraw one's own offer); and,
 * for the coordinator with nothing pending, offering it to a colleague.
 */
export async function RedThreadSection({
  citizenId,
  thread,
  take,
  accept,
  decline,
  withdraw,
  offer,
}: {
  citizenId: string;
  thread: RedThreadDto;
  take: Click;
  accept: ComponentProps<typeof AcceptHandoverForm>["action"];
  decline: Click;
  withdraw: Click;
  offer: ComponentProps<typeof OfferHandoverForm>["action"];
}) {
  const [t, area] = await Promise.all([getTranslations("StaffCitizen"), getAreaName()]);
  const { holder, pending } = thread;
  return (
    <section aria-labelledby="staff-thread" className="space-y-3 border-2 border-gray-300 p-4" data-testid="red-thread">
      <h2 id="staff-thread">{t("threadTitle")}</h2>
      <p role="status">
        {holder
          ? !holder.inForce
            ? t("threadLapsed", { name: holder.name })
            : holder.isMe
              ? t("threadMine")
              : t("thread", { name: holder.name, area: holder.areaKey ? area(holder.areaKey) : "" })
          : t("threadNobody")}
      </p>
      {thread.mayTake && <OneClickForm action={take} fields={{}} label={t("takeThread")} look="primary" />}
      {pending && (
        <div className="space-y-3 border-s-4 border-info bg-info-light p-3" data-testid="handover-pending">
          <p className="font-semibold">
            {pending.toMe
              ? t("handoverToMe", { from: pending.fromName })
              : t("handoverPending", { from: pending.fromName, to: pending.toName })}
          </p>
          {pending.note && <p className="whitespace-pre-wrap">{t("handoverNoteShown", { note: pending.note })}</p>}
          {pending.toMe && (
            <>
              <p>{t("handoverReadFirst")}</p>
              <AcceptHandoverForm handoverId={pending.id} action={accept} />
              <OneClickForm action={decline} fields={{ handoverId: pending.id }} label={t("declineHandover")} />
            </>
          )}
          {pending.fromMe && <OneClickForm action={withdraw} fields={{ handoverId: pending.id }} label={t("withdrawHandover")} />}
        </div>
      )}
      {holder?.isMe && holder.inForce && !pending && (
        <div className="no-print space-y-3 border-t border-gray-300 pt-3">
          <h3>{t("handOverTitle")}</h3>
          <p>{t("handOverIntro")}</p>
          {thread.colleagues.length === 0 ? (
            <p className="text-gray-600">{t("noColleagues")}</p>
          ) : (
            <OfferHandoverForm
              citizenId={citizenId}
              offers={thread.offers}
              colleagues={thread.colleagues.map((c) => ({ id: c.id, label: `${c.name} (${c.areaKeys.map(area).join(", ")})` }))}
              action={offer}
            />
          )}
        </div>
      )}
    </section>
  );
}

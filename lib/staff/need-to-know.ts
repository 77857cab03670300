import "server-only";
import { z } from "zod";
import { command, staffOf } from "@/lib/record/command";
import { endOfDanishDay, id, todayInDenmark } from "@/lib/validation/fields";
import type { OneOperationName } from "@/lib/access/operations";
import { LOOK_REASONS, type LookReason } from "./look-reasons";

/**
 * Need to know (docs/decisions/029-need-to-know.md): a caseworker of an area the citizen said yes to reads the
 * plan when they are assigned to the citizen, hold the red thread, are being handed it, or asked for the consent
 * themselves. Anyone else of the area states why first, from a short list: the reason is in force for the rest
 * of the day, logged in the citizen's access log under that reason, and told to the area's leads.
 */

const OPERATION: Record<LookReason, OneOperationName> = {
  CITIZEN_ASKED: "look.citizen-asked",
  COVERING: "look.covering",
  URGENT: "look.urgent",
};

export const stateReasonSchema = z.object({
  citizenId: id,
  reason: z.enum(LOOK_REASONS, { error: "Validation.chooseOne" }),
});

export const stateReason = command(
  (input) => OPERATION[input.reason],
  stateReasonSchema,
  async (ctx, { citizenId, reason }) => {
    const staffId = staffOf(ctx);
    const serviceAreaId = ctx.serviceAreaId!;
    const until = endOfDanishDay(todayInDenmark(ctx.now));
    await ctx.tx.statedReason.create({ data: { citizenId, staffId, serviceAreaId, reason, until } });
    // the area's leads are told (never who the citizen is: their team page shows it, behind sign-in)
    const leads = await ctx.tx.staffArea.findMany({
      where: { serviceAreaId, isLead: true, staffId: { not: staffId }, staff: { userId: { not: null } } },
      select: { staff: { select: { userId: true } } },
    });
    const to = leads.flatMap((l) => (l.staff.userId ? [l.staff.userId] : []));
    if (to.length) ctx.tell({ to, kind: "looked-without-assignment", path: "/staff/team", subjectId: citizenId });
    return { until };
  },
);

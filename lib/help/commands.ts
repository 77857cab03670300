import "server-only";
import { command, staffOf } from "@/lib/record/command";
import { toDbDate } from "@/lib/validation/fields";
import { addHelpSchema } from "./schema";

/**
 * A caseworker writes down their area's help in plain words. Only staff, for
 * the area whose consent allows writing help; marked with the area and person.
 */
export const addAreaHelp = command("help.add", addHelpSchema, async (ctx, { citizenId, what, howOften, until }) => {
  const { tx, changed, serviceAreaId } = ctx;
  const help = await tx.areaHelp.create({
    data: { citizenId, serviceAreaId: serviceAreaId!, staffId: staffOf(ctx), what, howOften, until: toDbDate(until) },
  });
  changed({ entity: "AreaHelp", entityId: help.id, before: null, after: { what, howOften, until } });
  return { helpId: help.id };
});

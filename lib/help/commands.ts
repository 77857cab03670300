import "server-only";
import { throughGate } from "@/lib/record/gate";
import type { Actor } from "@/lib/record/actor";
import { fieldErrors, type Result } from "@/lib/validation/result";
import { toDbDate } from "@/lib/validation/fields";
import { addHelpSchema } from "./schema";

/**
 * A caseworker writes down their area's help in plain words. Only staff, for
 * the area whose consent allows writing help; marked with the area and person.
 */
export async function addAreaHelp(actor: Actor, input: unknown): Promise<Result<{ helpId: string }>> {
  const parsed = addHelpSchema.safeParse(input);
  if (!parsed.success) return { ok: false, error: "invalid", fieldErrors: fieldErrors(parsed.error) };
  const { citizenId, what, howOften, until } = parsed.data;
  if (actor.kind !== "user" || !actor.staff) return { ok: false, error: "not-found" };
  const staffId = actor.staff.staffId;
  return throughGate(
    actor,
    citizenId,
    { part: "HELP", action: "WRITE", purpose: "add-help", roles: ["STAFF"] },
    async ({ tx, changed, serviceAreaId }) => {
      const help = await tx.areaHelp.create({
        data: { citizenId, serviceAreaId: serviceAreaId!, staffId, what, howOften, until: toDbDate(until) },
      });
      changed({ entity: "AreaHelp", entityId: help.id, before: null, after: { what, howOften, until } });
      return { helpId: help.id };
    },
  );
}

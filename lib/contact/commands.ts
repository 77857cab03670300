import "server-only";
import { StaleWrite, throughGate } from "@/lib/record/gate";
import type { Actor } from "@/lib/record/actor";
import { fieldErrors, type Result } from "@/lib/validation/result";
import { updateContactSchema, type ContactPreferencesDto } from "./schema";

const dto = (row: ContactPreferencesDto & Record<string, unknown>): ContactPreferencesDto => ({
  channel: row.channel,
  times: row.times,
  visit: row.visit,
  language: row.language,
  interpreter: row.interpreter,
  someonePresent: row.someonePresent,
  version: row.version,
});

/** Saves how the citizen wants to be contacted. A stale version is refused with the current copy. */
export async function updateContactPreferences(actor: Actor, input: unknown): Promise<Result<ContactPreferencesDto>> {
  const parsed = updateContactSchema.safeParse(input);
  if (!parsed.success) return { ok: false, error: "invalid", fieldErrors: fieldErrors(parsed.error) };
  const { citizenId, version, ...fields } = parsed.data;

  return throughGate(actor, citizenId, { part: "CONTACT", action: "WRITE", purpose: "edit" }, async ({ tx, changed }) => {
    const before = await tx.contactPreferences.findUnique({ where: { citizenId } });
    if ((before?.version ?? 0) !== version) throw new StaleWrite(before ? dto(before) : null);
    if (!before) {
      const { count } = await tx.contactPreferences.createMany({ data: [{ citizenId, ...fields }], skipDuplicates: true });
      const now = await tx.contactPreferences.findUniqueOrThrow({ where: { citizenId } });
      if (count === 0) throw new StaleWrite(dto(now));
      changed({ entity: "ContactPreferences", entityId: citizenId, before: null, after: dto(now) });
      return dto(now);
    }
    const { count } = await tx.contactPreferences.updateMany({
      where: { citizenId, version },
      data: { ...fields, version: { increment: 1 } },
    });
    const now = await tx.contactPreferences.findUniqueOrThrow({ where: { citizenId } });
    if (count === 0) throw new StaleWrite(dto(now));
    changed({ entity: "ContactPreferences", entityId: citizenId, before: dto(before), after: dto(now) });
    return dto(now);
  });
}

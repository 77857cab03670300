import "server-only";
import { StaleWrite, throughGate } from "@/lib/record/gate";
import type { Actor } from "@/lib/record/actor";
import { fieldErrors, type Result } from "@/lib/validation/result";
import { updateSettingsSchema, type SettingsDto } from "./schema";
import { toSettings } from "./queries";

const select = { preferredLocale: true, plainLanguage: true, version: true } as const;

/** Saves the citizen's language and easy-read preference. A stale version is refused with the current copy. */
export async function updateSettings(actor: Actor, input: unknown): Promise<Result<SettingsDto>> {
  const parsed = updateSettingsSchema.safeParse(input);
  if (!parsed.success) return { ok: false, error: "invalid", fieldErrors: fieldErrors(parsed.error) };
  const { citizenId, version, preferredLocale, plainLanguage } = parsed.data;
  return throughGate(actor, citizenId, { part: "PROFILE", action: "WRITE", purpose: "edit" }, async ({ tx, changed }) => {
    const before = await tx.citizen.findUniqueOrThrow({ where: { id: citizenId }, select });
    const { count } = await tx.citizen.updateMany({
      where: { id: citizenId, version },
      data: { preferredLocale, plainLanguage, version: { increment: 1 } },
    });
    const after = await tx.citizen.findUniqueOrThrow({ where: { id: citizenId }, select });
    if (count === 0) throw new StaleWrite(toSettings(after));
    changed({ entity: "Citizen", entityId: citizenId, before: toSettings(before), after: toSettings(after) });
    return toSettings(after);
  });
}

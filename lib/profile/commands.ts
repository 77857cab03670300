import "server-only";
import { command } from "@/lib/record/command";
import { StaleWrite } from "@/lib/record/gate";
import { updateSettingsSchema, type SettingsDto } from "./schema";
import { toSettings } from "./queries";

const select = { preferredLocale: true, plainLanguage: true, version: true } as const;

/** Saves the citizen's language and easy-read preference. A stale version is refused with the current copy. */
export const updateSettings = command(
  "profile.edit",
  updateSettingsSchema,
  async ({ tx, changed }, { citizenId, version, preferredLocale, plainLanguage }): Promise<SettingsDto> => {
    const before = await tx.citizen.findUniqueOrThrow({ where: { id: citizenId }, select });
    const { count } = await tx.citizen.updateMany({
      where: { id: citizenId, version },
      data: { preferredLocale, plainLanguage, version: { increment: 1 } },
    });
    const after = await tx.citizen.findUniqueOrThrow({ where: { id: citizenId }, select });
    if (count === 0) throw new StaleWrite(toSettings(after));
    changed({ entity: "Citizen", entityId: citizenId, before: toSettings(before), after: toSettings(after) });
    return toSettings(after);
  },
);

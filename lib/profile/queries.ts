import "server-only";
import { throughGate } from "@/lib/record/gate";
import type { Result } from "@/lib/validation/result";
import type { Actor } from "@/lib/record/actor";
import { routing } from "@/lib/i18n/routing";
import type { SettingsDto } from "./schema";

export const toSettings = (row: { preferredLocale: string; plainLanguage: boolean; version: number }): SettingsDto => ({
  preferredLocale: routing.locales.find((l) => l === row.preferredLocale) ?? routing.defaultLocale,
  plainLanguage: row.plainLanguage,
  version: row.version,
});

/** The citizen's settings: their language and whether they want easy-read wording. */
export async function readSettings(actor: Actor, citizenId: string): Promise<Result<SettingsDto>> {
  return throughGate(actor, citizenId, "profile.read", async ({ tx }) =>
    toSettings(
      await tx.citizen.findUniqueOrThrow({
        where: { id: citizenId },
        select: { preferredLocale: true, plainLanguage: true, version: true },
      }),
    ),
  );
}

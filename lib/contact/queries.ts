import "server-only";
import { throughGate } from "@/lib/record/gate";
import type { Result } from "@/lib/validation/result";
import type { Actor } from "@/lib/record/actor";
import type { ContactPreferencesDto } from "./schema";

export const DEFAULT_CONTACT: ContactPreferencesDto = {
  channel: "PHONE",
  times: "",
  visit: "NO_PREFERENCE",
  language: "",
  interpreter: "NONE",
  someonePresent: "",
  version: 0,
};

type ContactRow = Omit<ContactPreferencesDto, "version"> & { version: number };

/** A row as readers see it; the defaults (version 0) until the citizen says. */
export const contactDto = (row: ContactRow | null): ContactPreferencesDto => {
  if (!row) return DEFAULT_CONTACT;
  const { channel, times, visit, language, interpreter, someonePresent, version } = row;
  return { channel, times, visit, language, interpreter, someonePresent, version };
};

/** How and when the citizen wants to be contacted; the defaults (version 0) until they say. */
export async function readContactPreferences(actor: Actor, citizenId: string): Promise<Result<ContactPreferencesDto>> {
  return throughGate(actor, citizenId, "contact.read", async ({ tx }) =>
    contactDto(await tx.contactPreferences.findUnique({ where: { citizenId } })),
  );
}

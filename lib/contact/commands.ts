import "server-only";
import { command } from "@/lib/record/command";
import { StaleWrite } from "@/lib/record/gate";
import { updateContactSchema, type ContactPreferencesDto } from "./schema";
import { followContactWishes } from "@/lib/notify/settings";

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
export const updateContactPreferences = command(
  "contact.edit",
  updateContactSchema,
  async ({ tx, changed, role, userId }, { citizenId, version, ...fields }): Promise<ContactPreferencesDto> => {
    // how the citizen wants to be contacted also sets how they are told, until they choose that themselves
    const citizenUser =
      role === "CITIZEN" ? userId : (await tx.citizen.findUnique({ where: { id: citizenId }, select: { userId: true } }))?.userId;
    if (citizenUser) await followContactWishes(tx, citizenUser, fields);
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
      data: { ...fields, version: { increment: 1 }, writtenWithId: null, writtenWithAt: null },
    });
    const now = await tx.contactPreferences.findUniqueOrThrow({ where: { citizenId } });
    if (count === 0) throw new StaleWrite(dto(now));
    changed({ entity: "ContactPreferences", entityId: citizenId, before: dto(before), after: dto(now) });
    return dto(now);
  },
);

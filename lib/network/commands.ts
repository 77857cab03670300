import "server-only";
import { command } from "@/lib/record/command";
import { InvalidInput, StaleWrite } from "@/lib/record/gate";
import { addPersonSchema, removePersonSchema, updatePersonSchema } from "./schema";

/**
 * Adds a person or a community to the citizen's network: the citizen, or a
 * relative allowed to add people (marked as theirs). Staff do not write the
 * citizen's network.
 */
export const addNetworkMember = command(
  "network.add-person",
  addPersonSchema,
  async ({ tx, changed, role, userId }, { citizenId, ...fields }): Promise<{ memberId: string }> => {
    const member = await tx.networkMember.create({
      data: { citizenId, ...fields, authorRole: role === "RELATIVE" || role === "PROXY" ? "RELATIVE" : "CITIZEN", authorUserId: userId },
    });
    changed({
      entity: "NetworkMember",
      entityId: member.id,
      before: null,
      after: { name: fields.name, kind: fields.kind, closeness: fields.closeness },
    });
    return { memberId: member.id };
  },
);

/** The citizen changes what the plan says about someone. */
export const updateNetworkMember = command(
  "network.edit-person",
  updatePersonSchema,
  async ({ tx, changed }, { citizenId, memberId, version, ...fields }): Promise<{ version: number }> => {
    const before = await tx.networkMember.findFirst({
      where: { id: memberId, citizenId, removedAt: null },
      select: { name: true, relation: true, closeness: true, kind: true, version: true },
    });
    if (!before) throw new InvalidInput({ memberId: ["Validation.invalid"] });
    const { count } = await tx.networkMember.updateMany({
      where: { id: memberId, citizenId, version, removedAt: null },
      data: { ...fields, version: { increment: 1 } },
    });
    if (count === 0) throw new StaleWrite(before);
    changed({
      entity: "NetworkMember",
      entityId: memberId,
      before,
      after: { name: fields.name, relation: fields.relation, closeness: fields.closeness, kind: fields.kind },
    });
    return { version: version + 1 };
  },
);

/**
 * Takes someone off the map. The row stays (removedAt), so agreements they had
 * and the history still say who; they no longer help with goals.
 */
export const removeNetworkMember = command(
  "network.remove-person",
  removePersonSchema,
  async ({ tx, changed, now }, { citizenId, memberId, version }): Promise<{ memberId: string }> => {
    const before = await tx.networkMember.findFirst({
      where: { id: memberId, citizenId, removedAt: null },
      select: { name: true, version: true },
    });
    if (!before) throw new InvalidInput({ memberId: ["Validation.invalid"] });
    const { count } = await tx.networkMember.updateMany({
      where: { id: memberId, citizenId, version, removedAt: null },
      data: { removedAt: now, version: { increment: 1 } },
    });
    if (count === 0) throw new StaleWrite(before);
    await tx.goalSupporter.deleteMany({ where: { citizenId, networkMemberId: memberId } });
    changed({ entity: "NetworkMember", entityId: memberId, before: { name: before.name }, after: { removed: true } });
    return { memberId };
  },
);

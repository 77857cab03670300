import "server-only";
import { InvalidInput, StaleWrite, throughGate } from "@/lib/record/gate";
import type { Actor } from "@/lib/record/actor";
import { fieldErrors, type Result } from "@/lib/validation/result";
import { addPersonSchema, removePersonSchema, updatePersonSchema } from "./schema";

/**
 * Adds a person or a community to the citizen's network: the citizen, or a
 * relative allowed to add people (marked as theirs). Staff do not write the
 * citizen's network.
 */
export async function addNetworkMember(actor: Actor, input: unknown): Promise<Result<{ memberId: string }>> {
  const parsed = addPersonSchema.safeParse(input);
  if (!parsed.success) return { ok: false, error: "invalid", fieldErrors: fieldErrors(parsed.error) };
  const { citizenId, ...fields } = parsed.data;
  return throughGate(
    actor,
    citizenId,
    { part: "NETWORK", action: "WRITE", purpose: "add-person", roles: ["CITIZEN", "RELATIVE"] },
    async ({ tx, changed, role, userId }) => {
      const member = await tx.networkMember.create({
        data: { citizenId, ...fields, authorRole: role === "RELATIVE" ? "RELATIVE" : "CITIZEN", authorUserId: userId },
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
}

/** The citizen changes what the plan says about someone. */
export async function updateNetworkMember(actor: Actor, input: unknown): Promise<Result<{ version: number }>> {
  const parsed = updatePersonSchema.safeParse(input);
  if (!parsed.success) return { ok: false, error: "invalid", fieldErrors: fieldErrors(parsed.error) };
  const { citizenId, memberId, version, ...fields } = parsed.data;
  return throughGate(
    actor,
    citizenId,
    { part: "NETWORK", action: "WRITE", purpose: "edit-person", roles: ["CITIZEN"] },
    async ({ tx, changed }) => {
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
}

/**
 * Takes someone off the map. The row stays (removedAt), so agreements they had
 * and the history still say who; they no longer help with goals.
 */
export async function removeNetworkMember(actor: Actor, input: unknown): Promise<Result<{ memberId: string }>> {
  const parsed = removePersonSchema.safeParse(input);
  if (!parsed.success) return { ok: false, error: "invalid", fieldErrors: fieldErrors(parsed.error) };
  const { citizenId, memberId, version } = parsed.data;
  return throughGate(
    actor,
    citizenId,
    { part: "NETWORK", action: "WRITE", purpose: "remove-person", roles: ["CITIZEN"] },
    async ({ tx, changed, now }) => {
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
}

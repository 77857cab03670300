import "server-only";
import { InvalidInput, StaleWrite, throughGate } from "@/lib/record/gate";
import type { Actor } from "@/lib/record/actor";
import { relationshipActive } from "@/lib/access/policy";
import { fieldErrors, type Result } from "@/lib/validation/result";
import { endOfDanishDay } from "@/lib/validation/fields";
import { changeRelativeSchema, createInvitationSchema, endRelativeSchema, INVITE_DAYS, revokeInvitationSchema } from "./schema";
import { hashToken, newToken } from "./tokens";

// The citizen decides who joins and what they may see: only the citizen invites,
// changes a relative's permissions, revokes an invitation or ends access.
const OWN = { part: "RELATIVES", action: "WRITE", roles: ["CITIZEN"] } as const;

/**
 * An invitation for someone in the network, or someone new (then added to the
 * network). Returns the plain token once, for the citizen to hand over; only its
 * hash is kept. Expires after INVITE_DAYS.
 */
export async function createInvitation(
  actor: Actor,
  input: unknown,
): Promise<Result<{ invitationId: string; token: string; expiresAt: Date }>> {
  const parsed = createInvitationSchema.safeParse(input);
  if (!parsed.success) return { ok: false, error: "invalid", fieldErrors: fieldErrors(parsed.error) };
  const { citizenId, networkMemberId, newName, newRelation, permissions, accessUntil } = parsed.data;

  return throughGate(actor, citizenId, { ...OWN, purpose: "invite-relative" }, async ({ tx, changed, now, userId }) => {
    let memberId = networkMemberId;
    if (memberId) {
      const member = await tx.networkMember.findFirst({
        where: { id: memberId, citizenId, removedAt: null, kind: "PERSON" },
        select: { relationship: { select: { endedAt: true, validUntil: true } } },
      });
      if (!member) throw new InvalidInput({ who: ["Validation.chooseOne"] });
      const r = member.relationship;
      if (r && relationshipActive(r, now)) throw new InvalidInput({ who: ["Validation.alreadyJoined"] });
    } else {
      const member = await tx.networkMember.create({
        data: { citizenId, name: newName, relation: newRelation, closeness: "CLOSE", authorRole: "CITIZEN", authorUserId: userId },
      });
      changed({ entity: "NetworkMember", entityId: member.id, before: null, after: { name: newName } });
      memberId = member.id;
    }
    const token = newToken();
    const expiresAt = new Date(now.getTime() + INVITE_DAYS * 86_400_000);
    const invitation = await tx.invitation.create({
      data: {
        citizenId,
        networkMemberId: memberId,
        tokenHash: hashToken(token),
        permissions,
        accessUntil: accessUntil ? endOfDanishDay(accessUntil) : null,
        expiresAt,
      },
    });
    // the log says who was invited and to what, never the token
    changed({
      entity: "Invitation",
      entityId: invitation.id,
      before: null,
      after: { networkMemberId: memberId, permissions, accessUntil, expiresAt },
    });
    return { invitationId: invitation.id, token, expiresAt };
  });
}

/** A pending invitation stops working at once. */
export async function revokeInvitation(actor: Actor, input: unknown): Promise<Result<{ invitationId: string }>> {
  const parsed = revokeInvitationSchema.safeParse(input);
  if (!parsed.success) return { ok: false, error: "invalid", fieldErrors: fieldErrors(parsed.error) };
  const { citizenId, invitationId } = parsed.data;
  return throughGate(actor, citizenId, { ...OWN, purpose: "revoke-invitation" }, async ({ tx, changed, now }) => {
    const { count } = await tx.invitation.updateMany({
      where: { id: invitationId, citizenId, usedAt: null, revokedAt: null },
      data: { revokedAt: now },
    });
    if (count === 0) throw new InvalidInput({ invitationId: ["Validation.invalid"] });
    changed({ entity: "Invitation", entityId: invitationId, before: { revokedAt: null }, after: { revokedAt: now } });
    return { invitationId };
  });
}

/** What a relative may see and do, and until when: changed at any time, in effect on their next click. */
export async function changeRelativePermissions(actor: Actor, input: unknown): Promise<Result<{ version: number }>> {
  const parsed = changeRelativeSchema.safeParse(input);
  if (!parsed.success) return { ok: false, error: "invalid", fieldErrors: fieldErrors(parsed.error) };
  const { citizenId, relationshipId, permissions, accessUntil, version } = parsed.data;
  return throughGate(actor, citizenId, { ...OWN, purpose: "change-relative" }, async ({ tx, changed }) => {
    const before = await tx.relationship.findFirst({
      where: { id: relationshipId, citizenId, endedAt: null },
      select: { permissions: true, validUntil: true, version: true },
    });
    if (!before) throw new InvalidInput({ relationshipId: ["Validation.invalid"] });
    const { count } = await tx.relationship.updateMany({
      where: { id: relationshipId, citizenId, version, endedAt: null },
      data: { permissions, validUntil: accessUntil ? endOfDanishDay(accessUntil) : null, version: { increment: 1 } },
    });
    if (count === 0) throw new StaleWrite(before);
    changed({ entity: "Relationship", entityId: relationshipId, before, after: { permissions, validUntil: accessUntil } });
    return { version: version + 1 };
  });
}

/** The citizen ends a relative's access; the relative's next click says it is no longer shared. */
export async function endRelative(actor: Actor, input: unknown): Promise<Result<{ relationshipId: string }>> {
  const parsed = endRelativeSchema.safeParse(input);
  if (!parsed.success) return { ok: false, error: "invalid", fieldErrors: fieldErrors(parsed.error) };
  const { citizenId, relationshipId } = parsed.data;
  return throughGate(actor, citizenId, { ...OWN, purpose: "end-relative" }, async ({ tx, changed, now }) => {
    const { count } = await tx.relationship.updateMany({
      where: { id: relationshipId, citizenId, endedAt: null },
      data: { endedAt: now, version: { increment: 1 } },
    });
    if (count === 0) throw new InvalidInput({ relationshipId: ["Validation.invalid"] });
    changed({ entity: "Relationship", entityId: relationshipId, before: { endedAt: null }, after: { endedAt: now } });
    return { relationshipId };
  });
}

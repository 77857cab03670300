import "server-only";
import type { Tx } from "@/lib/record/tx";
import { command } from "@/lib/record/command";
import { InvalidInput, StaleWrite } from "@/lib/record/gate";
import { relationshipActive } from "@/lib/access/policy";
import { endOfDanishDay } from "@/lib/validation/fields";
import { changeRelativeSchema, createInvitationSchema, endRelativeSchema, INVITE_DAYS, revokeInvitationSchema } from "./schema";
import { hashToken, newToken } from "./tokens";

// The citizen decides who joins and what they may see: only the citizen invites,
// changes a relative's permissions, revokes an invitation or ends access (relative.*
// in lib/access/operations.ts).

/**
 * An invitation for someone in the network, or someone new (then added to the
 * network). Returns the plain token once, for the citizen to hand over; only its
 * hash is kept. Expires after INVITE_DAYS.
 */
export const createInvitation = command(
  "relative.invite",
  createInvitationSchema,
  async ({ tx, changed, now, userId }, { citizenId, networkMemberId, newName, newRelation, permissions, accessUntil }) => {
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
  },
);

/** A pending invitation stops working at once. */
export const revokeInvitation = command(
  "relative.revoke-invitation",
  revokeInvitationSchema,
  async ({ tx, changed, now }, { citizenId, invitationId }): Promise<{ invitationId: string }> => {
    const { count } = await tx.invitation.updateMany({
      where: { id: invitationId, citizenId, usedAt: null, revokedAt: null },
      data: { revokedAt: now },
    });
    if (count === 0) throw new InvalidInput({ invitationId: ["Validation.invalid"] });
    changed({ entity: "Invitation", entityId: invitationId, before: { revokedAt: null }, after: { revokedAt: now } });
    return { invitationId };
  },
);

/** What a relative may see and do, and until when: changed at any time, in effect on their next click. */
export const changeRelativePermissions = command(
  "relative.change",
  changeRelativeSchema,
  async ({ tx, changed, now }, { citizenId, relationshipId, permissions, accessUntil, version }): Promise<{ version: number }> => {
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
    // no longer allowed to reach the coordinator about the citizen: what they asked about the citizen is closed
    if (!permissions.includes("CONTACT_COORDINATOR")) await closeRelativeRequests(tx, citizenId, relationshipId, now, "CITIZEN");
    changed({ entity: "Relationship", entityId: relationshipId, before, after: { permissions, validUntil: accessUntil } });
    return { version: version + 1 };
  },
);

/** The citizen ends a relative's access; the relative's next click says it is no longer shared. */
export const endRelative = command(
  "relative.end",
  endRelativeSchema,
  async ({ tx, changed, now }, { citizenId, relationshipId }): Promise<{ relationshipId: string }> => {
    const { count } = await tx.relationship.updateMany({
      where: { id: relationshipId, citizenId, endedAt: null },
      data: { endedAt: now, version: { increment: 1 } },
    });
    if (count === 0) throw new InvalidInput({ relationshipId: ["Validation.invalid"] });
    // their open requests for contact end with their access: nobody acts on, or answers, someone the citizen cut off
    await closeRelativeRequests(tx, citizenId, relationshipId, now);
    // and a power of attorney the citizen gave them in the app ends with it
    const { userId, networkMemberId } = await tx.relationship.findUniqueOrThrow({
      where: { id: relationshipId },
      select: { userId: true, networkMemberId: true },
    });
    // links still waiting for the same person are withdrawn: whoever holds one must be invited anew. The person is
    // the network member the relationship stands for, or, when that member was already someone else's, the one
    // the link they opened was sent to
    const opened = await tx.invitation.findMany({ where: { citizenId, usedByUserId: userId }, select: { networkMemberId: true } });
    const members = [...new Set([networkMemberId, ...opened.map((i) => i.networkMemberId)].filter((m): m is string => Boolean(m)))];
    if (members.length)
      await tx.invitation.updateMany({
        where: { citizenId, networkMemberId: { in: members }, usedAt: null, revokedAt: null },
        data: { revokedAt: now },
      });
    await tx.powerOfAttorney.updateMany({
      where: { citizenId, holderUserId: userId, source: "CITIZEN", endedAt: null },
      data: { endedAt: now },
    });
    changed({ entity: "Relationship", entityId: relationshipId, before: { endedAt: null }, after: { endedAt: now } });
    return { relationshipId };
  },
);

/** Closes, without an answer, the open requests for contact the relative of `relationshipId` made (of one kind, or all). */
async function closeRelativeRequests(tx: Tx, citizenId: string, relationshipId: string, now: Date, about?: "CITIZEN") {
  const { userId } = await tx.relationship.findUniqueOrThrow({ where: { id: relationshipId }, select: { userId: true } });
  await tx.contactRequest.updateMany({
    where: { citizenId, askedByUserId: userId, closedAt: null, ...(about ? { about } : {}) },
    data: { closedAt: now },
  });
}

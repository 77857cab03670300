import "server-only";
import { pathFor } from "@/lib/notify/kinds";
import { writeOutbox } from "@/lib/notify/outbox";
import { directoryDb } from "@/lib/db/directory";
import { env } from "@/lib/env";
import type { Actor } from "@/lib/record/actor";
import { forgive, tryCounted, type Limit } from "@/lib/security/attempts";
import { firstName } from "@/lib/i18n/names";
import { hashToken, looksLikeToken } from "./tokens";

/**
 * The invite link as a capability. Whoever holds a valid token may, once
 * signed in, become the relative it names; nothing else is needed, so guessing
 * is throttled per client (in PostgreSQL: every try counted before it is made,
 * a good one given back) and every kind of unusable link — wrong, used,
 * expired, revoked — answers the same "invalid".
 */
export type InviteLookup = { state: "valid"; citizenFirstName: string } | { state: "invalid" } | { state: "throttled" };
export type Redemption = { ok: true; citizenId: string } | { ok: false; error: "invalid" | "throttled" };

const limitFor = (client: string): Limit => ({ key: `invite:${client}`, max: env().INVITE_ATTEMPTS_PER_WINDOW, windowSeconds: 15 * 60 });

/** What the landing page may say about a link: valid (and from whom), or not. */
export async function lookupInvitation(token: unknown, client: string, now = new Date()): Promise<InviteLookup> {
  const limit = limitFor(client);
  if (!(await tryCounted(limit, now))) return { state: "throttled" };
  const invitation = looksLikeToken(token)
    ? await directoryDb().invitation.findFirst({
        where: {
          tokenHash: hashToken(token),
          usedAt: null,
          revokedAt: null,
          expiresAt: { gt: now },
          OR: [{ accessUntil: null }, { accessUntil: { gt: now } }],
        },
        select: { citizen: { select: { name: true } } },
      })
    : null;
  if (!invitation) return { state: "invalid" };
  await forgive(limit, now);
  return { state: "valid", citizenFirstName: firstName(invitation.citizen.name) };
}

class NotRedeemable extends Error {}

/**
 * The signed-in person accepts the invitation: in one transaction the link is
 * used up (exactly one of two simultaneous tries wins: the row is locked and
 * re-checked), the relationship is created or renewed with the permissions the
 * citizen chose, and the citizen's change log says who joined.
 */
export async function redeemInvitation(actor: Actor, token: unknown, client: string, now = new Date()): Promise<Redemption> {
  const limit = limitFor(client);
  if (actor.kind !== "user") return { ok: false, error: "invalid" };
  if (!(await tryCounted(limit, now))) return { ok: false, error: "throttled" };
  try {
    if (!looksLikeToken(token)) throw new NotRedeemable();
    const tokenHash = hashToken(token);
    const citizenId = await directoryDb().$transaction(async (tx) => {
      const { count } = await tx.invitation.updateMany({
        // usable: not used, not withdrawn, not expired, and the access it gives not already over
        where: {
          tokenHash,
          usedAt: null,
          revokedAt: null,
          expiresAt: { gt: now },
          OR: [{ accessUntil: null }, { accessUntil: { gt: now } }],
        },
        data: { usedAt: now, usedByUserId: actor.userId },
      });
      if (count === 0) throw new NotRedeemable();
      const invitation = await tx.invitation.findUniqueOrThrow({
        where: { tokenHash },
        select: { citizenId: true, networkMemberId: true, permissions: true, accessUntil: true, createdAt: true },
      });
      // one's own invitation is not for oneself
      if (actor.citizenId === invitation.citizenId) throw new NotRedeemable();
      const { citizenId, permissions, accessUntil } = invitation;
      // access the citizen ended comes back only through a link sent after they ended it, never an older one
      const before = await tx.relationship.findUnique({
        where: { citizenId_userId: { citizenId, userId: actor.userId } },
        select: { endedAt: true },
      });
      if (before?.endedAt && invitation.createdAt <= before.endedAt) throw new NotRedeemable();
      // the person in the network is linked to this relationship, unless someone else already is
      const memberTaken = invitation.networkMemberId
        ? await tx.relationship.count({ where: { citizenId, networkMemberId: invitation.networkMemberId, NOT: { userId: actor.userId } } })
        : 1;
      const networkMemberId = memberTaken ? undefined : invitation.networkMemberId;
      const relationship = await tx.relationship.upsert({
        where: { citizenId_userId: { citizenId, userId: actor.userId } },
        create: { citizenId, userId: actor.userId, permissions, validUntil: accessUntil, networkMemberId, startedAt: now },
        update: { permissions, validUntil: accessUntil, endedAt: null, startedAt: now, networkMemberId, version: { increment: 1 } },
      });
      await tx.relativeSpace.upsert({
        where: { relationshipId: relationship.id },
        create: { relationshipId: relationship.id, citizenId },
        update: {},
      });
      // the citizen is told at once; with the joiner's name only when MitID vouched for it (an email account's
      // name is whatever was typed), never the name the citizen gave the link
      const joined = await tx.user.findUniqueOrThrow({
        where: { id: actor.userId },
        select: { name: true, accounts: { where: { providerId: { startsWith: "mitid-" } }, select: { id: true }, take: 1 } },
      });
      const citizen = await tx.citizen.findUniqueOrThrow({ where: { id: citizenId }, select: { userId: true } });
      await writeOutbox(
        tx,
        [
          {
            to: [citizen.userId],
            kind: "relative-joined",
            path: pathFor("relative-joined", { citizenId, relationshipId: relationship.id }),
            citizenId,
            subjectId: relationship.id,
            detail: joined.accounts.length ? joined.name : null,
          },
        ],
        actor.userId,
      );
      const member = relationship.networkMemberId
        ? await tx.networkMember.findUnique({ where: { id: relationship.networkMemberId }, select: { name: true } })
        : null;
      await tx.changeLog.create({
        data: {
          citizenId,
          actorUserId: actor.userId,
          actorName: member?.name || joined.name || null,
          actorRole: "RELATIVE",
          part: "RELATIVES",
          entity: "Relationship",
          entityId: relationship.id,
          after: { permissions, validUntil: accessUntil },
        },
      });
      return citizenId;
    });
    await forgive(limit, now);
    return { ok: true, citizenId };
  } catch (e) {
    if (!(e instanceof NotRedeemable)) throw e;
    return { ok: false, error: "invalid" };
  }
}

import "server-only";
import { directoryDb } from "@/lib/db/directory";
import { throughGate } from "@/lib/record/gate";
import type { Result } from "@/lib/validation/result";
import type { Actor } from "@/lib/record/actor";
import { decide, relationshipActive, type Part, type RelativePermission } from "@/lib/access/policy";
import { firstName } from "@/lib/i18n/names";
import { relationshipActiveWhere } from "@/lib/access/in-force";
import { isId, lastDanishDay } from "@/lib/validation/fields";
import type { InvitationDto, InvitationState, JoinedAsDto, RelativeDto, RelativeSpaceDto } from "./dto";
import { isMitidAddress } from "@/lib/mitid/enrol";

const CHECK_INS_SHOWN = 10;

export const invitationState = (i: { usedAt: Date | null; revokedAt: Date | null; expiresAt: Date }, now: Date): InvitationState =>
  i.usedAt ? "ACCEPTED" : i.revokedAt ? "REVOKED" : i.expiresAt <= now ? "EXPIRED" : "PENDING";

/** What the joining account proves about who it is (never the name typed at sign-up, which proves nothing). */
export function joinedAs(user: { name: string; email: string; accounts: unknown[] }): JoinedAsDto {
  if (user.accounts.length) return { by: "mitid", name: user.name };
  if (!isMitidAddress(user.email)) return { by: "email", email: user.email };
  return { by: "unknown" };
}

type SpaceRow = Omit<RelativeSpaceDto, "checkIns"> & { relationshipId: string };
export const spaceDto = (
  s: SpaceRow,
  checkIns: { id: string; feeling: "GOOD" | "OK" | "HARD"; note: string; createdAt: Date }[],
): RelativeSpaceDto => ({
  helpWish: s.helpWish,
  canDo: s.canDo,
  needsRespite: s.needsRespite,
  wantsPeers: s.wantsPeers,
  wantsCoordinator: s.wantsCoordinator,
  sharedWithCitizen: s.sharedWithCitizen,
  sharedWithStaff: s.sharedWithStaff,
  version: s.version,
  checkIns: checkIns.map((c) => ({ id: c.id, feeling: c.feeling, note: c.note, at: c.createdAt.toISOString() })),
});

/**
 * The citizen's relatives: who has joined (and what they may see, until when),
 * who has been invited (pending, accepted, expired, revoked), what each added,
 * and what each chose to share of their own space. The people who can still be
 * invited from the network come along for the form.
 */
export async function readRelatives(
  actor: Actor,
  citizenId: string,
): Promise<Result<{ relatives: RelativeDto[]; invitations: InvitationDto[]; invitable: { id: string; name: string }[] }>> {
  return throughGate(actor, citizenId, "relative.list", async ({ tx, now }) => {
    const relationships = await tx.relationship.findMany({
      where: { citizenId },
      orderBy: { startedAt: "asc" },
      select: {
        id: true,
        userId: true,
        permissions: true,
        validUntil: true,
        endedAt: true,
        startedAt: true,
        version: true,
        user: {
          select: { name: true, email: true, accounts: { where: { providerId: { startsWith: "mitid-" } }, select: { id: true }, take: 1 } },
        },
        networkMember: { select: { name: true } },
        space: true,
      },
    });
    const invitations = await tx.invitation.findMany({
      where: { citizenId },
      orderBy: { createdAt: "desc" },
      take: 50,
      select: {
        id: true,
        permissions: true,
        usedAt: true,
        revokedAt: true,
        expiresAt: true,
        accessUntil: true,
        createdAt: true,
        networkMember: { select: { name: true } },
      },
    });
    const userIds = relationships.map((r) => r.userId);
    const agreements = await tx.agreement.groupBy({
      by: ["authorUserId"],
      where: { citizenId, authorRole: "RELATIVE", authorUserId: { in: userIds } },
      _count: true,
    });
    const people = await tx.networkMember.groupBy({
      by: ["authorUserId"],
      where: { citizenId, authorRole: "RELATIVE", authorUserId: { in: userIds }, removedAt: null },
      _count: true,
    });
    const sharedIds = relationships.filter((r) => r.space?.sharedWithCitizen).map((r) => r.id);
    const checkIns = sharedIds.length
      ? await tx.relativeCheckIn.findMany({
          where: { relationshipId: { in: sharedIds } },
          orderBy: { createdAt: "desc" },
          take: CHECK_INS_SHOWN * sharedIds.length,
        })
      : [];
    const members = await tx.networkMember.findMany({
      where: { citizenId, removedAt: null, kind: "PERSON" },
      orderBy: [{ closeness: "asc" }, { name: "asc" }],
      select: { id: true, name: true, relationship: { select: { endedAt: true, validUntil: true } } },
    });
    const isActive = (r: { endedAt: Date | null; validUntil: Date | null }) => relationshipActive(r, now);
    return {
      relatives: relationships.map((r) => ({
        id: r.id,
        // the name the citizen knows them by, else their own
        name: r.networkMember?.name || r.user.name || r.user.email,
        joinedAs: joinedAs(r.user),
        permissions: r.permissions as RelativePermission[],
        accessUntil: lastDanishDay(r.validUntil),
        since: r.startedAt.toISOString(),
        active: isActive(r),
        version: r.version,
        space: r.space?.sharedWithCitizen
          ? spaceDto(r.space, checkIns.filter((c) => c.relationshipId === r.id).slice(0, CHECK_INS_SHOWN))
          : null,
        added: {
          agreements: agreements.find((a) => a.authorUserId === r.userId)?._count ?? 0,
          people: people.find((p) => p.authorUserId === r.userId)?._count ?? 0,
        },
      })),
      invitations: invitations.map((i) => ({
        id: i.id,
        name: i.networkMember?.name ?? null,
        permissions: i.permissions as RelativePermission[],
        state: invitationState(i, now),
        expiresAt: i.expiresAt.toISOString(),
        accessUntil: lastDanishDay(i.accessUntil),
        createdAt: i.createdAt.toISOString(),
      })),
      invitable: members.filter((m) => !m.relationship || !isActive(m.relationship)).map((m) => ({ id: m.id, name: m.name })),
    };
  });
}

/**
 * The plans shared with this user as a relative, for their switcher: the
 * relationships the citizens gave them, with the citizen's name. The user's
 * own data (the citizen put it there for them); no part of the record is read.
 */
export async function sharedWithMe(userId: string, now = new Date()): Promise<{ citizenId: string; name: string }[]> {
  const rows = await directoryDb().relationship.findMany({
    where: { userId, ...relationshipActiveWhere(now) },
    orderBy: { startedAt: "asc" },
    select: { citizenId: true, citizen: { select: { name: true } } },
  });
  return rows.map((r) => ({ citizenId: r.citizenId, name: r.citizen.name }));
}

/** Whether this user's access to this plan has ended (for the kind "no longer shared" page), and whose plan it was. */
export async function endedRelationship(userId: string, citizenId: string, now = new Date()): Promise<{ firstName: string } | null> {
  if (!isId(citizenId)) return null;
  const r = await directoryDb().relationship.findUnique({
    where: { citizenId_userId: { citizenId, userId } },
    select: { endedAt: true, validUntil: true, citizen: { select: { name: true } } },
  });
  if (!r) return null;
  return relationshipActive(r, now) ? null : { firstName: firstName(r.citizen.name) };
}

/**
 * This user's own, active relationship to this plan: what the citizen lets
 * them see and do, and — asked of the policy, so pages never map permissions
 * themselves — which parts they may read and add to.
 */
export async function myRelationship(
  userId: string,
  citizenId: string,
  now = new Date(),
): Promise<{
  permissions: RelativePermission[];
  accessUntil: string | null;
  may: { read: (part: Part) => boolean; write: (part: Part) => boolean };
} | null> {
  if (!isId(citizenId)) return null;
  const r = await directoryDb().relationship.findFirst({
    where: { citizenId, userId, ...relationshipActiveWhere(now) },
    select: { permissions: true, validUntil: true, endedAt: true },
  });
  if (!r) return null;
  const standing = {
    kind: "relative" as const,
    permissions: r.permissions as RelativePermission[],
    validUntil: r.validUntil,
    endedAt: r.endedAt,
  };
  return {
    permissions: standing.permissions,
    accessUntil: lastDanishDay(r.validUntil),
    may: { read: (part) => decide(standing, "READ", part, now).allow, write: (part) => decide(standing, "WRITE", part, now).allow },
  };
}

/**
 * For a caseworker whose area has consent to the citizen's relatives: what each
 * relative chose to share with caseworkers of their own space (how they want to
 * help, what they need, how they have been). Nothing of a space they keep to themselves.
 */
export async function readRelativeSpacesForStaff(
  actor: Actor,
  citizenId: string,
): Promise<Result<{ name: string; space: RelativeSpaceDto }[]>> {
  return throughGate(actor, citizenId, "relative.read-spaces", async ({ tx, now }) => {
    const rows = await tx.relationship.findMany({
      where: { citizenId, ...relationshipActiveWhere(now), space: { sharedWithStaff: true } },
      orderBy: { startedAt: "asc" },
      select: { id: true, user: { select: { name: true, email: true } }, networkMember: { select: { name: true } }, space: true },
    });
    const ids = rows.map((r) => r.id);
    const checkIns = ids.length
      ? await tx.relativeCheckIn.findMany({
          where: { relationshipId: { in: ids } },
          orderBy: { createdAt: "desc" },
          take: CHECK_INS_SHOWN * ids.length,
        })
      : [];
    return rows.map((r) => ({
      name: r.networkMember?.name || r.user.name || r.user.email,
      space: spaceDto(r.space!, checkIns.filter((c) => c.relationshipId === r.id).slice(0, CHECK_INS_SHOWN)),
    }));
  });
}

import "server-only";
import { directoryDb } from "@/lib/db/directory";
import { consentInForceWhere, relationshipActiveWhere } from "@/lib/access/in-force";
import { decide, relationshipActive, type RelativePermission } from "@/lib/access/policy";
import { KINDS, isKind } from "./kinds";

/**
 * Whether each recipient may still know of what happened, now: a relative whose
 * access ended, or a caseworker whose area lost the citizen's consent, is told
 * nothing more (a mail held for the morning is not sent; "Nyt til dig" no
 * longer lists it). The citizen always may. Read through the directory door:
 * links and states, never the plan.
 */
export type Told = { recipientId: string; kind: string; citizenId: string | null };

export async function stillMayKnow(items: readonly Told[], now = new Date()): Promise<boolean[]> {
  const db = directoryDb();
  const citizenIds = [...new Set(items.map((i) => i.citizenId).filter((c): c is string => Boolean(c)))];
  const users = [...new Set(items.map((i) => i.recipientId))];
  const needRelatives = items.some((i) => isKind(i.kind) && KINDS[i.kind].audience === "relative");
  const needStaff = items.some((i) => isKind(i.kind) && KINDS[i.kind].audience === "staff");
  const [relationships, staff, consents] = await Promise.all([
    needRelatives
      ? db.relationship.findMany({
          where: { citizenId: { in: citizenIds }, userId: { in: users }, ...relationshipActiveWhere(now) },
          select: { citizenId: true, userId: true, permissions: true, validUntil: true, endedAt: true },
        })
      : [],
    needStaff
      ? db.staffMember.findMany({ where: { userId: { in: users } }, select: { userId: true, areas: { select: { serviceAreaId: true } } } })
      : [],
    needStaff
      ? db.consent.findMany({
          where: { citizenId: { in: citizenIds }, ...consentInForceWhere(now) },
          select: { citizenId: true, serviceAreaId: true },
        })
      : [],
  ]);
  return items.map((i) => {
    if (!isKind(i.kind) || !i.citizenId) return isKind(i.kind);
    const audience = KINDS[i.kind].audience;
    if (audience === "citizen") return true;
    if (audience === "relative") {
      const r = relationships.find((x) => x.citizenId === i.citizenId && x.userId === i.recipientId);
      // an answer to their own request for contact: theirs while they are still the citizen's relative
      if (i.kind === "relative-contact-answered") return Boolean(r && relationshipActive(r, now));
      // what they were told of must still be theirs to see (agreements)
      return Boolean(
        r &&
        decide(
          { kind: "relative", permissions: r.permissions as RelativePermission[], validUntil: r.validUntil, endedAt: r.endedAt },
          "READ",
          "AGREEMENTS",
          now,
        ).allow,
      );
    }
    const areas = staff.find((s) => s.userId === i.recipientId)?.areas.map((a) => a.serviceAreaId) ?? [];
    return consents.some((c) => c.citizenId === i.citizenId && areas.includes(c.serviceAreaId));
  });
}

import "server-only";
import { throughGate } from "@/lib/record/gate";
import type { Result } from "@/lib/validation/result";
import type { Actor } from "@/lib/record/actor";
import { decide, type AttorneyRight, type Part, type RelativePermission } from "@/lib/access/policy";
import { consentInForceWhere, relationshipActiveWhere } from "@/lib/access/in-force";
import { lastDanishDay } from "@/lib/validation/fields";

/** Who besides the citizen may read a part now: each area with a consent in force to it, and each relative allowed. */
export type WhoSeesDto = {
  areas: { areaKey: string; until: string | null }[];
  relatives: { name: string | null; relation: string | null }[];
  /** Who may act for the citizen and read it under a power of attorney, named as the power names them. */
  holders: string[];
};

/**
 * "Who can see this", said truthfully on the page of a part (contact wishes,
 * my people): from the same consents and permissions the policy decides by,
 * at this moment. For the citizen.
 */
export async function readWhoSees(actor: Actor, citizenId: string, part: Part): Promise<Result<WhoSeesDto>> {
  return throughGate(actor, citizenId, "sharing.read", async ({ tx, now }) => {
    const consents = await tx.consent.findMany({
      where: { citizenId, parts: { has: part }, ...consentInForceWhere(now) },
      orderBy: { validFrom: "asc" },
      select: { validUntil: true, serviceArea: { select: { key: true } } },
    });
    const relationships = await tx.relationship.findMany({
      where: { citizenId, ...relationshipActiveWhere(now) },
      orderBy: { startedAt: "asc" },
      select: { permissions: true, validUntil: true, endedAt: true, networkMember: { select: { name: true, relation: true } } },
    });
    const powers = await tx.powerOfAttorney.findMany({
      where: { citizenId, endedAt: null },
      select: { holderName: true, rights: true, validFrom: true, validUntil: true, endedAt: true },
    });
    // one line per area, until the latest of its consents in force (none: until taken back)
    const areas = new Map<string, string | null>();
    for (const c of consents) {
      const until = c.validUntil ? lastDanishDay(c.validUntil)! : null;
      const before = areas.get(c.serviceArea.key);
      areas.set(
        c.serviceArea.key,
        before === undefined ? until : before === null || until === null ? null : before > until ? before : until,
      );
    }
    return {
      areas: [...areas].map(([areaKey, until]) => ({ areaKey, until })),
      relatives: relationships
        .filter(
          (r) =>
            decide(
              { kind: "relative", permissions: r.permissions as RelativePermission[], validUntil: r.validUntil, endedAt: r.endedAt },
              "READ",
              part,
              now,
            ).allow,
        )
        .map((r) => ({ name: r.networkMember?.name ?? null, relation: r.networkMember?.relation || null })),
      holders: powers
        .filter((p) => decide({ kind: "attorney", grants: [{ ...p, rights: p.rights as AttorneyRight[] }] }, "READ", part, now).allow)
        .map((p) => p.holderName),
    };
  });
}

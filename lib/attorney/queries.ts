import "server-only";
import { directoryDb } from "@/lib/db/directory";
import { throughGate } from "@/lib/record/gate";
import type { Actor } from "@/lib/record/actor";
import type { Result } from "@/lib/validation/result";
import { decide, powerInForce, type AttorneyGrant, type AttorneyRight, type Part } from "@/lib/access/policy";
import { isId } from "@/lib/validation/fields";
import { NotFound } from "@/lib/record/gate";
import { powerDto, type PowerDto } from "./commands";

export type { PowerDto };

/** What a power's row gives its DTO (`powerDto`), the same for the citizen's page and the caseworker's. */
const POWER_FIELDS = {
  id: true,
  holderName: true,
  rights: true,
  source: true,
  validFrom: true,
  validUntil: true,
  endedAt: true,
  recordedBy: { select: { name: true } },
} as const;

/** Who may act for me, and the relatives I could let act for me: for the citizen's page of their relatives. */
export async function readPowers(actor: Actor, citizenId: string): Promise<Result<PowerDto[]>> {
  return throughGate(actor, citizenId, "attorney.list", async ({ tx, now }) => {
    const rows = await tx.powerOfAttorney.findMany({
      where: { citizenId, OR: [{ endedAt: null }, { endedAt: { gt: now } }] },
      orderBy: { createdAt: "asc" },
      select: POWER_FIELDS,
    });
    // only what holds now (or is yet to start): an ended or run-out power is nobody's to act on
    return rows.map((r) => powerDto(r, now)).filter((p) => p.inForce || new Date(p.validFrom) > now);
  });
}

export type HeldPowerDto = { citizenId: string; name: string; rights: AttorneyRight[] };

/**
 * The people this user may act for now, under a power of attorney in force: for their own page (Min side) and
 * the plan they open. The user's own links, like the plans shared with them; no part of a record is read here.
 */
export async function powersIHold(userId: string, now = new Date()): Promise<HeldPowerDto[]> {
  const rows = await directoryDb().powerOfAttorney.findMany({
    where: { holderUserId: userId, endedAt: null, validFrom: { lte: now }, OR: [{ validUntil: null }, { validUntil: { gt: now } }] },
    orderBy: { createdAt: "asc" },
    select: { citizenId: true, rights: true, validUntil: true, citizen: { select: { name: true } } },
  });
  const byCitizen = new Map<string, HeldPowerDto>();
  for (const r of rows) {
    const held = byCitizen.get(r.citizenId) ?? { citizenId: r.citizenId, name: r.citizen.name, rights: [] as AttorneyRight[] };
    held.rights = [...new Set([...held.rights, ...(r.rights as AttorneyRight[])])];
    byCitizen.set(r.citizenId, held);
  }
  return [...byCitizen.values()];
}

/** This user's powers for this citizen, as the policy reads them: what they may read and write for them. */
export async function myPower(
  userId: string,
  citizenId: string,
  now = new Date(),
): Promise<{ rights: AttorneyRight[]; may: { read: (part: Part) => boolean; write: (part: Part) => boolean } } | null> {
  if (!isId(citizenId)) return null;
  const rows = await directoryDb().powerOfAttorney.findMany({
    where: { citizenId, holderUserId: userId },
    select: { rights: true, validFrom: true, validUntil: true, endedAt: true },
  });
  const grants: AttorneyGrant[] = rows.map((r) => ({ ...r, rights: r.rights as AttorneyRight[] })).filter((g) => powerInForce(g, now));
  if (grants.length === 0) return null;
  const standing = { kind: "attorney" as const, grants };
  return {
    rights: [...new Set(grants.flatMap((g) => g.rights))],
    may: { read: (part) => decide(standing, "READ", part, now).allow, write: (part) => decide(standing, "WRITE", part, now).allow },
  };
}

/**
 * For a caseworker who works with the citizen: the powers of attorney in force, so that one recorded wrongly,
 * or a guardianship the authorities lifted, can be written down as ended. Logged for the citizen.
 */
export async function readPowersForStaff(actor: Actor, citizenId: string): Promise<Result<PowerDto[]>> {
  const staffId = actor.kind === "user" ? actor.staff?.staffId : undefined;
  return throughGate(actor, citizenId, "attorney.staff-list", async ({ tx, now }) => {
    if (!staffId || (await tx.assignment.count({ where: { citizenId, staffId, endedAt: null } })) === 0) throw new NotFound();
    const rows = await tx.powerOfAttorney.findMany({
      where: { citizenId, endedAt: null },
      orderBy: { createdAt: "asc" },
      select: POWER_FIELDS,
    });
    return rows.map((r) => powerDto(r, now)).filter((p) => p.inForce);
  });
}

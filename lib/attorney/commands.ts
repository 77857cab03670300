import "server-only";
import { env } from "@/lib/env";
import { command, staffOf } from "@/lib/record/command";
import { InvalidInput, NotFound } from "@/lib/record/gate";
import { relationshipActiveWhere } from "@/lib/access/in-force";
import { powerInForce, type AttorneyRight } from "@/lib/access/policy";
import { cprHash, normaliseCpr } from "@/lib/staff/cpr";
import { endOfDanishDay, todayInDenmark } from "@/lib/validation/fields";
import { endPowerSchema, grantPowerSchema, recordPowerSchema } from "./schema";
import { pathFor } from "@/lib/notify/kinds";
import { citizenUser } from "@/lib/notify/recipients";
import type { PowerDto } from "./dto";

export type { PowerDto };

/**
 * Power of attorney (issue 14, decision 026): someone acts for the citizen — answers consent requests, writes
 * in the plan — with the rights given, from a start to an end. The citizen grants one to a relative of theirs
 * and ends it; a caseworker who works with the citizen records one from a signed paper or a guardianship
 * (værgemål) appointed by the authorities, which the citizen cannot end: the authorities decide. The state's
 * Digital Fuldmagt arrives with a NemLog-in sign-in (lib/attorney/digital.ts). Everything done under a power is
 * done from the PROXY position, logged and shown as "Mette, for Inge".
 */

export const grantPower = command(
  "attorney.grant",
  grantPowerSchema,
  async ({ tx, changed, now, citizenId }, { relationshipId, rights, until }) => {
    const relationship = await tx.relationship.findFirst({
      where: { id: relationshipId, citizenId, ...relationshipActiveWhere(now) },
      select: { userId: true, validUntil: true, networkMember: { select: { name: true } } },
    });
    if (!relationship) throw new InvalidInput({ relationshipId: ["Validation.invalid"] });
    // a power given to a relative holds no longer than their access to the plan
    const asked = until ? endOfDanishDay(until) : null;
    const ends = relationship.validUntil && (!asked || relationship.validUntil < asked) ? relationship.validUntil : asked;
    const power = await tx.powerOfAttorney.create({
      data: {
        citizenId,
        holderUserId: relationship.userId,
        // named as the citizen named them, never by a name they could change
        holderName: relationship.networkMember?.name ?? "",
        rights,
        source: "CITIZEN",
        validFrom: now,
        validUntil: ends,
      },
    });
    changed({ entity: "PowerOfAttorney", entityId: power.id, before: null, after: { rights, until, source: "CITIZEN" } });
    return { powerId: power.id };
  },
);

/** The citizen ends a power they granted, a paper one or a Digital Fuldmagt in this service; never a guardianship. */
export const endPower = command("attorney.end", endPowerSchema, async ({ tx, changed, now, citizenId }, { powerId }) => {
  const power = await tx.powerOfAttorney.findFirst({ where: { id: powerId, citizenId, endedAt: null }, select: { source: true } });
  if (!power) throw new NotFound();
  if (power.source === "GUARDIANSHIP") throw new InvalidInput({ _form: ["Validation.guardianshipByAuthorities"] });
  // a Digital Fuldmagt is the state's: withdrawn on borger.dk, or it comes back with the holder's next sign-in
  if (power.source === "DIGITAL") throw new InvalidInput({ _form: ["Validation.digitalPowerOnBorgerDk"] });
  await tx.powerOfAttorney.update({ where: { id: powerId }, data: { endedAt: now, version: { increment: 1 } } });
  changed({ entity: "PowerOfAttorney", entityId: powerId, before: { endedAt: null }, after: { endedAt: now } });
  return { powerId };
});

/** Only a caseworker who works with the citizen records, or ends, a power for them. */
async function worksWith(tx: Parameters<Parameters<typeof command>[2]>[0]["tx"], citizenId: string, staffId: string) {
  if ((await tx.assignment.count({ where: { citizenId, staffId, endedAt: null } })) === 0) throw new NotFound();
}

export const recordPower = command("attorney.record", recordPowerSchema, async (ctx, { holderCpr, holderName, rights, source, until }) => {
  const { tx, changed, now, citizenId } = ctx;
  const me = staffOf(ctx);
  await worksWith(tx, citizenId, me);
  const holderHash = cprHash(normaliseCpr(holderCpr)!, env().CPR_HASH_KEY);
  const citizen = await tx.citizen.findUniqueOrThrow({ where: { id: citizenId }, select: { cprHash: true, municipalityId: true } });
  if (citizen.cprHash === holderHash) throw new InvalidInput({ holderCpr: ["Validation.notOwnPower"] });
  // the holder is bound now if MitID already knows them here, else at their first MitID sign-in
  const holder = await tx.citizen.findUnique({
    where: { municipalityId_cprHash: { municipalityId: citizen.municipalityId, cprHash: holderHash } },
    select: { userId: true },
  });
  const account = holder?.userId ? null : await tx.account.findFirst({ where: { cprHash: holderHash }, select: { userId: true } });
  const power = await tx.powerOfAttorney.create({
    data: {
      citizenId,
      holderUserId: holder?.userId ?? account?.userId ?? null,
      holderCprHash: holderHash,
      holderName,
      rights,
      source,
      validFrom: now,
      validUntil: until ? endOfDanishDay(until) : null,
      recordedById: me,
    },
  });
  changed({ entity: "PowerOfAttorney", entityId: power.id, before: null, after: { holderName, rights, until, source } });
  ctx.tell({
    to: [await citizenUser(tx, citizenId)],
    kind: "power-recorded",
    path: pathFor("power-recorded", { citizenId }),
    subjectId: power.id,
  });
  return { powerId: power.id };
});

/** A caseworker records that a power ended (a guardianship lifted, a paper revoked). */
export const recordPowerEnd = command("attorney.record-end", endPowerSchema, async (ctx, { powerId }) => {
  const { tx, changed, now, citizenId } = ctx;
  await worksWith(tx, citizenId, staffOf(ctx));
  const { count } = await tx.powerOfAttorney.updateMany({
    where: { id: powerId, citizenId, endedAt: null, source: { in: ["PAPER", "GUARDIANSHIP"] } },
    data: { endedAt: now, version: { increment: 1 } },
  });
  if (count === 0) throw new NotFound();
  changed({ entity: "PowerOfAttorney", entityId: powerId, before: { endedAt: null }, after: { endedAt: now } });
  return { powerId };
});

export const powerDto = (
  p: {
    id: string;
    holderName: string;
    rights: string[];
    source: PowerDto["source"];
    validFrom: Date;
    validUntil: Date | null;
    endedAt: Date | null;
    recordedBy?: { name: string } | null;
  },
  now: Date,
): PowerDto => ({
  id: p.id,
  holderName: p.holderName,
  rights: p.rights as AttorneyRight[],
  source: p.source,
  validFrom: todayInDenmark(p.validFrom),
  until: p.validUntil ? todayInDenmark(new Date(p.validUntil.getTime() - 1)) : null,
  inForce: powerInForce(p, now),
  recordedBy: p.recordedBy?.name ?? null,
});

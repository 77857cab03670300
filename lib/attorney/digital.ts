import "server-only";
import { env } from "@/lib/env";
import { cprHash } from "@/lib/staff/cpr";
import type { Tx } from "@/lib/record/tx";
import { mapPowers, parsePrivileges } from "@/lib/mitid/privileges";

/** A Digital Fuldmagt shown at a sign-in holds for the day: the next sign-in renews it, or ends it. */
export const DIGITAL_POWER_HOURS = 12;

/**
 * At a MitID sign-in through NemLog-in: the Digital Fuldmagt the person holds, as the login carries it (the
 * privilege attribute; there is no query API: the service enforces what the login says). Each principal found
 * in the municipality by their CPR hash gets the same power of attorney a citizen grants in the app, with the
 * rights the municipality registered; a power the login no longer carries is ended. Powers recorded from paper
 * under this person's CPR hash before they ever signed in are bound to them. Through the directory door: links
 * between a person and a record, like enrolment (lib/mitid/enrol.ts).
 */
export async function applyDigitalPowers(
  tx: Tx,
  r: { userId: string; holderCpr: string; name: string; privileges: string | undefined; municipalityId: string; now: Date },
): Promise<number> {
  const key = env().CPR_HASH_KEY;
  const holderHash = cprHash(r.holderCpr, key);
  await tx.powerOfAttorney.updateMany({ where: { holderCprHash: holderHash, holderUserId: null }, data: { holderUserId: r.userId } });

  const parsed = r.privileges ? parsePrivileges(r.privileges) : { ok: false as const };
  const e = env();
  const powers = parsed.ok
    ? mapPowers(parsed.groups, {
        seePlan: e.MITID_PRIVILEGE_SEE_PLAN,
        writePlan: e.MITID_PRIVILEGE_WRITE_PLAN,
        answerConsents: e.MITID_PRIVILEGE_ANSWER_CONSENTS,
      })
    : [];
  if (r.privileges && !parsed.ok) console.warn("[mitid] a privilege attribute could not be read; it gives no rights");
  const validUntil = new Date(r.now.getTime() + DIGITAL_POWER_HOURS * 3_600_000);
  const held: string[] = [];
  for (const power of powers) {
    const hash = cprHash(power.principalCpr, key);
    // nobody holds a power over themselves
    if (hash === holderHash) continue;
    const principal = await tx.citizen.findUnique({
      where: { municipalityId_cprHash: { municipalityId: r.municipalityId, cprHash: hash } },
      select: { id: true },
    });
    if (!principal) continue;
    held.push(principal.id);
    const current = await tx.powerOfAttorney.findFirst({
      where: { citizenId: principal.id, holderUserId: r.userId, source: "DIGITAL", endedAt: null },
      select: { id: true },
    });
    if (current)
      await tx.powerOfAttorney.update({
        where: { id: current.id },
        data: { rights: power.rights, validUntil, holderName: r.name, version: { increment: 1 } },
      });
    else
      await tx.powerOfAttorney.create({
        data: {
          citizenId: principal.id,
          holderUserId: r.userId,
          holderCprHash: holderHash,
          holderName: r.name,
          rights: power.rights,
          source: "DIGITAL",
          validFrom: r.now,
          validUntil,
        },
      });
  }
  // what this login no longer carries has ended
  await tx.powerOfAttorney.updateMany({
    where: { holderUserId: r.userId, source: "DIGITAL", endedAt: null, citizenId: { notIn: held } },
    data: { endedAt: r.now },
  });
  return held.length;
}

import "server-only";
import { randomUUID } from "node:crypto";
import { directoryDb } from "@/lib/db/directory";
import { env } from "@/lib/env";
import { cprHash } from "@/lib/staff/cpr";
import { applyDigitalPowers } from "@/lib/attorney/digital";
import { relationshipActiveWhere } from "@/lib/access/in-force";
import { isUniqueViolation } from "@/lib/record/tx";
import type { MitidIdentity } from "./identity";

/** MitID accounts have no mailbox: their address is made up, in a domain that can never receive mail. */
export const MITID_ADDRESS_DOMAIN = "mitid.invalid";
export const isMitidAddress = (email: string) => email.toLowerCase().endsWith(`@${MITID_ADDRESS_DOMAIN}`);

/** Where a person goes after signing in by MitID. */
export type Destination = "first-visit" | "plan" | "me";

export class NotSetUp extends Error {}

/**
 * The account and the record of a person MitID has just vouched for:
 * - the account is found by the persistent identity (provider and subject), never by an address;
 * - their record is found by the keyed hash of their CPR number. A record a caseworker made with them
 *   (no account yet) becomes theirs; a record already theirs is kept, and learns its hash if it lacked it;
 * - a person with no record gets one and the gentle first visit, unless they came by an invite link or
 *   are a relative already: nobody is given a plan they did not ask for (they can start one from Min side).
 * Through the directory door: these are links between an account and a record, not the plan's content.
 */
export async function enrol(
  identity: MitidIdentity,
  { invite }: { invite: boolean },
): Promise<{ userId: string; destination: Destination }> {
  const hash = cprHash(identity.cpr, env().CPR_HASH_KEY);
  const providerId = `mitid-${identity.protocol}`;
  return directoryDb().$transaction(async (tx) => {
    const municipality = await tx.municipality.findFirst({ orderBy: { createdAt: "asc" }, select: { id: true } });
    if (!municipality) throw new NotSetUp("no municipality: npm run admin -- municipality");
    const record = await tx.citizen.findUnique({
      where: { municipalityId_cprHash: { municipalityId: municipality.id, cprHash: hash } },
      select: { id: true, userId: true },
    });
    const account = await tx.account.findFirst({ where: { providerId, accountId: identity.subject }, select: { id: true, userId: true } });
    let userId: string;
    if (account) {
      userId = account.userId;
      await tx.account.update({ where: { id: account.id }, data: { cprHash: hash } });
    } else {
      // MitID proved the CPR number: the owner of the record kept under it is this person
      userId =
        record?.userId ??
        (
          await tx.user.create({
            data: { id: randomUUID(), name: identity.name, email: `${randomUUID()}@${MITID_ADDRESS_DOMAIN}`, emailVerified: false },
          })
        ).id;
      await tx.account.create({ data: { id: randomUUID(), userId, providerId, accountId: identity.subject, cprHash: hash } });
    }

    // a Digital Fuldmagt the login carries, and powers recorded from paper under this number, are this person's
    const powers = await applyDigitalPowers(tx, {
      userId,
      holderCpr: identity.cpr,
      name: identity.name,
      privileges: identity.privileges,
      municipalityId: municipality.id,
      now: new Date(),
    });
    const own = await tx.citizen.findUnique({ where: { userId }, select: { id: true, cprHash: true } });
    if (record) {
      if (record.userId === userId) return { userId, destination: "plan" };
      if (record.userId === null && !own) {
        await tx.citizen.update({ where: { id: record.id }, data: { userId } });
        return { userId, destination: "plan" };
      }
      // the number's record belongs to another account, or this account has another record: touch neither
      console.warn("[mitid] a sign-in found a record under another account; nothing was joined");
      return { userId, destination: "me" };
    }
    if (own) {
      if (!own.cprHash) await tx.citizen.update({ where: { id: own.id }, data: { cprHash: hash } });
      return { userId, destination: "plan" };
    }
    // someone here to act for another, or by an invite link, is not given a plan they did not ask for
    if (invite || powers > 0) return { userId, destination: "me" };
    if ((await tx.relationship.count({ where: { userId, ...relationshipActiveWhere(new Date()) } })) > 0)
      return { userId, destination: "me" };
    await tx.citizen.create({ data: { municipalityId: municipality.id, userId, name: identity.name, cprHash: hash } });
    return { userId, destination: "first-visit" };
  });
}

/**
 * A person MitID knows (a relative so far) asks for a plan of their own, from Min side: the record kept
 * under their CPR hash if one waits for them, else a new one. Null when they have no MitID account, or
 * the number's record belongs to someone else's account.
 */
export async function startOwnPlan(userId: string): Promise<"started" | "bound" | "had-one" | null> {
  return startOwnPlanOnce(userId).catch((e) => {
    // pressed twice: the other press made the plan
    if (isUniqueViolation(e)) return "had-one" as const;
    throw e;
  });
}

async function startOwnPlanOnce(userId: string): Promise<"started" | "bound" | "had-one" | null> {
  return directoryDb().$transaction(async (tx) => {
    if (await tx.citizen.findUnique({ where: { userId }, select: { id: true } })) return "had-one";
    const account = await tx.account.findFirst({
      where: { userId, providerId: { startsWith: "mitid-" }, cprHash: { not: null } },
      orderBy: { updatedAt: "desc" },
      select: { cprHash: true },
    });
    const municipality = await tx.municipality.findFirst({ orderBy: { createdAt: "asc" }, select: { id: true } });
    if (!account?.cprHash || !municipality) return null;
    const record = await tx.citizen.findUnique({
      where: { municipalityId_cprHash: { municipalityId: municipality.id, cprHash: account.cprHash } },
      select: { id: true, userId: true },
    });
    if (record) {
      if (record.userId !== null) return null;
      await tx.citizen.update({ where: { id: record.id }, data: { userId } });
      return "bound";
    }
    const user = await tx.user.findUniqueOrThrow({ where: { id: userId }, select: { name: true } });
    await tx.citizen.create({ data: { municipalityId: municipality.id, userId, name: user.name, cprHash: account.cprHash } });
    return "started";
  });
}

/** Whether this account can start a plan of its own: MitID vouched for its CPR number, and it has no record yet. */
export async function mayStartOwnPlan(userId: string): Promise<boolean> {
  const db = directoryDb();
  const [record, account] = await Promise.all([
    db.citizen.findUnique({ where: { userId }, select: { id: true } }),
    db.account.findFirst({ where: { userId, providerId: { startsWith: "mitid-" }, cprHash: { not: null } }, select: { id: true } }),
  ]);
  return !record && Boolean(account);
}

import "server-only";
import { systemDb } from "@/lib/db/system";
import { env } from "@/lib/env";

import { STAFF_PROVIDER, staffIssuerFrom } from "./staff-issuer";

export { STAFF_PROVIDER };
const staffIssuer = () => staffIssuerFrom(env().STAFF_OIDC_ISSUER);

/**
 * The staff powers a session made by the staff sign-in carries: the staff member bound to this
 * provider's (issuer, subject), where subject is the account the provider just signed in. A staff
 * member provisioned without an account is bound to this one at their first sign-in; one already
 * bound to another account gives nothing. Never by email. docs/decisions/020-staff-powers-from-the-staff-sign-in.md
 */
export async function staffForSignIn(userId: string): Promise<string | null> {
  const db = systemDb();
  const account = await db.account.findFirst({
    where: { userId, providerId: STAFF_PROVIDER },
    orderBy: { updatedAt: "desc" },
    select: { accountId: true },
  });
  if (!account) return null;
  const staff = await db.staffMember.findUnique({
    where: { issuer_subject: { issuer: staffIssuer(), subject: account.accountId } },
    select: { id: true, userId: true },
  });
  if (!staff) return null;
  if (staff.userId === userId) return staff.id;
  if (staff.userId !== null) return null;
  // first sign-in: bind, unless this account already holds another staff member's powers
  const bound = await db.staffMember.updateMany({ where: { id: staff.id, userId: null }, data: { userId } }).catch(() => ({ count: 0 }));
  if (bound.count === 1) return staff.id;
  // a sign-in of the same account at the same moment may have bound it first: then it is theirs all the same
  const now = await db.staffMember.findUnique({ where: { id: staff.id }, select: { userId: true } });
  return now?.userId === userId ? staff.id : null;
}

/** When a session made by the staff sign-in ends: a working day after it began. */
export function staffSessionEnds(createdAt: Date): Date {
  return new Date(createdAt.getTime() + env().STAFF_SESSION_HOURS * 3600_000);
}

/**
 * A staff session's expiry as the sign-in library would extend it, held to the end of its working day:
 * the library extends a session as it is used, like a citizen's week.
 */
export async function heldToWorkingDay(sessionToken: string, expiresAt: Date): Promise<Date> {
  const session = await systemDb().session.findUnique({ where: { token: sessionToken }, select: { staffId: true, createdAt: true } });
  if (!session?.staffId) return expiresAt;
  const end = staffSessionEnds(session.createdAt);
  return end < expiresAt ? end : expiresAt;
}

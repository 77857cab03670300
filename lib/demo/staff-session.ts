import "server-only";
import { systemDb } from "@/lib/db/system";
import { demoMode } from "@/lib/env-public";
import { staffSessionEnds } from "@/lib/auth/staff-binding";

/**
 * The demo build only: the persona picker stands in for the municipality's identity provider, so a
 * made-up caseworker picked there gets a staff session (a working day), as the staff sign-in would
 * give. Outside the demo build only the staff sign-in sets staff powers (decision 020).
 */
export async function demoStaffSession(sessionToken: string): Promise<void> {
  if (!demoMode) return;
  const session = await systemDb().session.findUnique({ where: { token: sessionToken }, select: { userId: true, expiresAt: true } });
  const staff = session && (await systemDb().staffMember.findUnique({ where: { userId: session.userId }, select: { id: true } }));
  if (!staff) return;
  // a working day at most: a shorter end (a shared computer's) stays
  const ends = staffSessionEnds(new Date());
  const expiresAt = session.expiresAt < ends ? session.expiresAt : ends;
  await systemDb().session.update({ where: { token: sessionToken }, data: { staffId: staff.id, expiresAt } });
}

import "server-only";
import { directoryDb } from "@/lib/db/directory";
import { besideCommand } from "@/lib/record/command";
import type { Actor } from "@/lib/record/actor";
import { staffProfileSchema } from "./profile-schema";

export type StaffProfileDto = { name: string; phone: string; hours: string };

/**
 * A caseworker's own profile: the direct phone and hours a citizen whose red
 * thread they hold is shown (lib/red-thread/holder.ts). Their name comes from
 * the municipality's identity provider and is not theirs to change here.
 */
export async function readOwnProfile(actor: Actor): Promise<StaffProfileDto | null> {
  if (actor.kind !== "user" || !actor.staff) return null;
  return directoryDb().staffMember.findUnique({ where: { id: actor.staff.staffId }, select: { name: true, phone: true, hours: true } });
}

export const saveOwnProfile = besideCommand("staff-profile.save", staffProfileSchema, async (actor, { phone, hours }) => {
  if (!actor.staff) return { ok: false, error: "not-found" };
  await directoryDb().staffMember.update({ where: { id: actor.staff.staffId }, data: { phone, hours } });
  return { ok: true, value: null };
});

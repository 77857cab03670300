import "server-only";
import { cache } from "react";
import { headers } from "next/headers";
import { systemDb } from "@/lib/db/system";
import { ANONYMOUS, type Actor } from "@/lib/record/actor";
import { auth } from "./server";
import { relationshipActiveWhere } from "@/lib/access/in-force";

/** Turns a signed-in user into an Actor: their own record, and their staff scope. */
export async function actorForUser(userId: string): Promise<Actor> {
  const user = await systemDb().user.findUnique({
    where: { id: userId },
    select: {
      citizen: { select: { id: true } },
      staff: { select: { id: true, municipalityId: true, areas: { select: { serviceAreaId: true } } } },
    },
  });
  if (!user) return ANONYMOUS;
  return {
    kind: "user",
    userId,
    citizenId: user.citizen?.id ?? null,
    staff: user.staff
      ? { staffId: user.staff.id, municipalityId: user.staff.municipalityId, serviceAreaIds: user.staff.areas.map((a) => a.serviceAreaId) }
      : null,
  };
}

/** The Actor of this request, from the session cookie; once per request. */
export const getActor = cache(async (): Promise<Actor> => {
  const session = await auth().api.getSession({ headers: await headers() });
  return session ? actorForUser(session.user.id) : ANONYMOUS;
});

/** The signed-in user's own account facts (not citizen data), or null. */
export const getAccount = cache(async () => {
  const session = await auth().api.getSession({ headers: await headers() });
  if (!session) return null;
  const user = await systemDb().user.findUnique({
    where: { id: session.user.id },
    select: {
      name: true,
      email: true,
      citizen: { select: { id: true } },
      staff: { select: { areas: { select: { serviceArea: { select: { key: true, nameDa: true, nameEn: true } } } } } },
      _count: { select: { passkeys: true, relationships: { where: relationshipActiveWhere(new Date()) } } },
    },
  });
  if (!user) return null;
  return {
    id: session.user.id,
    name: user.name,
    email: user.email,
    isCitizen: Boolean(user.citizen),
    staffAreas: user.staff?.areas.map((a) => a.serviceArea) ?? [],
    relativeOf: user._count.relationships,
    passkeys: user._count.passkeys,
  };
});

import "server-only";
import { redirect } from "next/navigation";
import type { Actor } from "@/lib/record/actor";
import { getActor } from "./actor";

type UserActor = Extract<Actor, { kind: "user" }>;

/** For the citizen's own pages: the signed-in Actor and their record, or off to sign-in. `citizenId` is null for a user without a plan. */
export async function requireSignedIn(locale: string): Promise<{ actor: UserActor; citizenId: string | null }> {
  const actor = await getActor();
  if (actor.kind !== "user") redirect(`/${locale}/sign-in`);
  return { actor, citizenId: actor.citizenId };
}

/** For the citizen's own server actions: the signed-in citizen and their record, or null. Identity comes from the session, never the form. */
export async function citizenFromSession(): Promise<{ actor: UserActor; citizenId: string } | null> {
  const actor = await getActor();
  if (actor.kind !== "user" || !actor.citizenId) return null;
  return { actor, citizenId: actor.citizenId };
}

import "server-only";
import { redirect } from "next/navigation";
import type { Actor } from "@/lib/record/actor";
import { getActor } from "./actor";

/** For the citizen's own pages: the signed-in Actor and their record, or off to sign-in. `citizenId` is null for a user without a plan. */
export async function requireSignedIn(locale: string): Promise<{ actor: Extract<Actor, { kind: "user" }>; citizenId: string | null }> {
  const actor = await getActor();
  if (actor.kind !== "user") redirect(`/${locale}/sign-in`);
  return { actor, citizenId: actor.citizenId };
}

"use server";

import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { getLocale } from "next-intl/server";
import { getActor } from "@/lib/auth/actor";
import { redeemInvitation } from "@/lib/relatives/invitations";
import { INVITE_COOKIE } from "@/lib/relatives/cookie";
import { clientKey } from "@/lib/security/client";

// Not buttonAction: redeeming is no record command (no plan yet, a cookie, a rate limit), and it goes on to the plan it opens.
/** The signed-in person accepts the invitation waiting in their cookie; then on to the shared plan. */
export async function acceptInvitation(): Promise<void> {
  const locale = await getLocale();
  const jar = await cookies();
  const actor = await getActor();
  if (actor.kind !== "user") redirect(`/${locale}/sign-in`);
  const result = await redeemInvitation(actor, jar.get(INVITE_COOKIE)?.value, clientKey(await headers()));
  if (result.ok) {
    jar.delete(INVITE_COOKIE);
    redirect(`/${locale}/relative/${result.citizenId}?notice=joined`);
  }
  if (result.error === "invalid") jar.delete(INVITE_COOKIE);
  redirect(`/${locale}/invite${result.error === "throttled" ? "?wait=1" : ""}`);
}

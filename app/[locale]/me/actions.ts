"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { getLocale } from "next-intl/server";
import { z } from "zod";
import { getActor } from "@/lib/auth/actor";
import { auth } from "@/lib/auth/server";
import { startOwnPlan } from "@/lib/mitid/enrol";

const passkeyInput = z.object({ id: z.string().min(1).max(200) });

/** Removes one of the signed-in person's passkeys (the library checks it is theirs). Not a command: it is the account, not the record. */
export async function removePasskey(formData: FormData) {
  const locale = await getLocale();
  const parsed = passkeyInput.safeParse({ id: formData.get("id") });
  if (!parsed.success) redirect(`/${locale}/me?passkey=failed#passkey-title`);
  const removed = await auth()
    .api.deletePasskey({ body: { id: parsed.data.id }, headers: await headers() })
    .then(() => true)
    .catch(() => false);
  redirect(`/${locale}/me?passkey=${removed ? "removed" : "failed"}#passkey-title`);
}

/** A person MitID vouched for, a relative so far, starts a plan of their own (lib/mitid/enrol.ts). */
export async function startMyPlan() {
  const locale = await getLocale();
  const actor = await getActor();
  if (actor.kind !== "user") redirect(`/${locale}/sign-in`);
  const started = await startOwnPlan(actor.userId);
  if (started === "started") redirect(`/${locale}/plan/start`);
  // a plan that was theirs already, or one a caseworker started with them: the plan, with what was written down
  if (started === "had-one" || started === "bound") redirect(`/${locale}/plan`);
  redirect(`/${locale}/me?plan=unavailable`);
}

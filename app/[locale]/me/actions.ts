"use server";

import { headers } from "next/headers";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getLocale } from "next-intl/server";
import { z } from "zod";
import { getActor } from "@/lib/auth/actor";
import { auth } from "@/lib/auth/server";
import { startOwnPlan } from "@/lib/mitid/enrol";
import { saveTextSize } from "@/lib/auth/reading";

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

/** The pages the text-size form is on: the answer goes back to the one it came from. */
const TEXT_SIZE_PAGES = { me: "/me", settings: "/plan/settings" } as const;
const textSizePage = z.enum(["me", "settings"]).catch("me");

/**
 * The signed-in person's text size (decision 036): their own account, not a record. A size changed elsewhere since
 * the form was shown is refused, and the page shows the size as it is now.
 */
export async function saveTextSizeAction(formData: FormData) {
  const locale = await getLocale();
  const actor = await getActor();
  if (actor.kind !== "user") redirect(`/${locale}/sign-in`);
  const page = `/${locale}${TEXT_SIZE_PAGES[textSizePage.parse(formData.get("back"))]}`;
  const saved = await saveTextSize(actor.userId, { textSize: formData.get("textSize"), was: formData.get("was") });
  // every page's <html> carries the size: the next one drawn, here or after a client navigation, must have the new one
  // also when refused: the page then shows the size saved elsewhere, and <html> must carry that one
  revalidatePath("/", "layout");
  redirect(`${page}?size=${saved.ok ? "saved" : saved.error}#text-size`);
}

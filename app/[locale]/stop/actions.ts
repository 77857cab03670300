"use server";

import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { getLocale } from "next-intl/server";
import { CONFIRM_DONE, confirmAddress, doneCookie, STOP_DONE, stop } from "@/lib/notify/stop";

/**
 * Stop and confirm, without signing in. What was done is handed to the answer
 * page in a short-lived cookie of this browser, never in the address: a page
 * must not say "you will get no more mails" because someone wrote ?done=EMAIL.
 */
async function hand(name: string, what: string | null) {
  const jar = await cookies();
  if (what) jar.set(name, what, doneCookie());
  else jar.delete(name);
}

export async function stopAction(formData: FormData) {
  const locale = await getLocale();
  await hand(STOP_DONE, await stop(formData.get("t")));
  redirect(`/${locale}/stop?done=1`);
}

export async function confirmAction(formData: FormData) {
  const locale = await getLocale();
  await hand(CONFIRM_DONE, await confirmAddress(formData.get("t")));
  redirect(`/${locale}/confirm?done=1`);
}

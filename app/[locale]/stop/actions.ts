"use server";

import { redirect } from "next/navigation";
import { getLocale } from "next-intl/server";
import { confirmAddress, stop } from "@/lib/notify/stop";

/** Stops what the link's token says, without signing in; the answer page says what happened (never the token in the address). */
export async function stopAction(formData: FormData) {
  const locale = await getLocale();
  const what = await stop(formData.get("t"));
  redirect(`/${locale}/stop?done=${what ?? "failed"}`);
}

export async function confirmAction(formData: FormData) {
  const locale = await getLocale();
  const what = await confirmAddress(formData.get("t"));
  redirect(`/${locale}/confirm?done=${what ?? "failed"}`);
}

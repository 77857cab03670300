"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getLocale } from "next-intl/server";
import { z } from "zod";
import { getActor } from "@/lib/auth/actor";
import { markRead } from "@/lib/notify/inbox";

/** Where a "mark as read" button may send the person back to: their own pages only, never an address from outside. */
const BACK = ["/news", "/plan", "/staff", "/me"] as const;
const input = z.object({ id: z.uuid().optional(), back: z.enum(BACK).catch("/news") });

async function done(formData: FormData, which: "one" | "all") {
  const locale = await getLocale();
  const actor = await getActor();
  if (actor.kind !== "user") redirect(`/${locale}/sign-in`);
  const parsed = input.safeParse({ id: formData.get("id") ?? undefined, back: formData.get("back") });
  if (!parsed.success || (which === "one" && !parsed.data.id)) redirect(`/${locale}/news?notice=failed`);
  // "mark all" on a home marks what that home shows: the citizen's, or the caseworker's
  const audiences =
    parsed.data.back === "/plan" ? (["citizen"] as const) : parsed.data.back === "/staff" ? (["staff"] as const) : undefined;
  await markRead(actor.userId, which === "all" ? "all" : { id: parsed.data.id! }, audiences);
  // the home it came from, fresh: its list and its count change
  revalidatePath(`/${locale}${parsed.data.back}`);
  redirect(`/${locale}${parsed.data.back}#for-you-title`);
}

/** Marks one of my notifications read. Not a command: the notification is the person's own, not the record. */
export async function markReadAction(formData: FormData) {
  await done(formData, "one");
}

export async function markAllReadAction(formData: FormData) {
  await done(formData, "all");
}

import "server-only";
import { z } from "zod";
import { readStopToken, type StopWhat } from "./tokens";
import { env } from "@/lib/env";
import { confirm, stopChannel } from "./settings";

/** The cookies that tell the answer pages what was done (app/[locale]/stop/actions.ts), for two minutes. */
export const STOP_DONE = "tio_stop_done";
export const CONFIRM_DONE = "tio_confirm_done";
export const doneCookie = () =>
  ({ maxAge: 120, httpOnly: true, sameSite: "lax", secure: env().APP_URL.startsWith("https://"), path: "/" }) as const;

/**
 * The two links a message carries that work without signing in: stop (this
 * channel, or all) and confirm an address. Both only show a button on GET; the
 * change happens on POST, so a mail program or virus scanner that opens links
 * changes nothing.
 */
const token = z.string().min(10).max(300);

/** What a stop link would stop, for the page to say before the person presses the button. */
export function stopping(raw: unknown): StopWhat | null {
  const parsed = token.safeParse(raw);
  return parsed.success ? (readStopToken(parsed.data)?.what ?? null) : null;
}

export async function stop(raw: unknown): Promise<StopWhat | null> {
  const parsed = token.safeParse(raw);
  const read = parsed.success ? readStopToken(parsed.data) : null;
  if (!read) return null;
  return (await stopChannel(read.userId, read.what)) ? read.what : null;
}

export async function confirmAddress(raw: unknown): Promise<"EMAIL" | "SMS" | null> {
  const parsed = token.safeParse(raw);
  return parsed.success ? confirm(parsed.data) : null;
}

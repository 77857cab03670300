import "server-only";
import { env } from "@/lib/env";
import { systemDb } from "@/lib/db/system";

/**
 * "This is a shared computer" (a library, a care home's common room, a relative's laptop): chosen on the
 * sign-in page before any way in, and kept until the browser closes in this cookie. It only ever makes a
 * session stricter, so it needs no signature. The session made while it is set:
 * - lives in a browser-session cookie (no expiry date: closing the browser ends it),
 * - ends after SHARED_IDLE_MINUTES without use,
 * - and the browser keeps no drafts (components/forms/DraftOwner.tsx).
 * It survives the magic link and the MitID round trip because it is in this browser, not in a URL; a link
 * opened on another device makes an ordinary session there, on that device.
 */
export const SHARED_COMPUTER_COOKIE = "tio_shared_computer";
export const SHARED_IDLE_MINUTES = 30;

export const sharedComputerCookieOptions = () => ({
  httpOnly: true,
  sameSite: "lax" as const,
  secure: env().APP_URL.startsWith("https://"),
  path: "/",
});

/** Whether a request comes from a browser where "shared computer" was chosen. */
export function choseSharedComputer(headers: Headers | undefined | null): boolean {
  const cookie = headers?.get("cookie") ?? "";
  return cookie.split(";").some((part) => part.trim() === `${SHARED_COMPUTER_COOKIE}=1`);
}

/** When a shared computer's session ends if nobody uses it from `now`. */
export const sharedSessionEnds = (now: Date) => new Date(now.getTime() + SHARED_IDLE_MINUTES * 60_000);

/** How long before its end a shared computer's session is moved on by being used: at most one write per few minutes. */
const MOVE_ON_WITHIN_MINUTES = SHARED_IDLE_MINUTES - 5;

/**
 * A shared computer's session ends SHARED_IDLE_MINUTES after it was last used (the library does not extend it:
 * it carries the "don't remember me" mark). Used now, with less than MOVE_ON_WITHIN_MINUTES left, it is moved on.
 * A staff session still ends with its working day, whatever this says (lib/auth/actor.ts ends it).
 */
export async function keepSharedSessionAlive(sessionId: string, expiresAt: Date, now: Date): Promise<void> {
  if (expiresAt.getTime() - now.getTime() >= MOVE_ON_WITHIN_MINUTES * 60_000) return;
  await systemDb().session.updateMany({
    where: { id: sessionId, sharedDevice: true, expiresAt: { gt: now } },
    data: { expiresAt: sharedSessionEnds(now) },
  });
}

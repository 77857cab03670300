import "server-only";
import { browserFlag } from "@/lib/security/browser-flag";
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
const flag = browserFlag("tio_shared_computer");
export const sharedComputerCookie = flag.name;
export const SHARED_IDLE_MINUTES = 30;

export const sharedComputerCookieOptions = () => flag.options();

/**
 * Where a sign-in link lands when it was asked for on a shared computer: the link itself then carries the
 * choice, so it holds if a mail program opens it in another browser on the same computer.
 */
export const SHARED_LANDING = "device=shared";
export const landingFor = (path: string, shared: boolean) => (shared ? `${path}?${SHARED_LANDING}` : path);

/** Whether a sign-in link's landing page (its `callbackURL`) says it was asked for on a shared computer. */
export function landsShared(callbackURL: unknown): boolean {
  if (typeof callbackURL !== "string") return false;
  try {
    return new URL(callbackURL, "http://landing.invalid").searchParams.get("device") === "shared";
  } catch {
    return false;
  }
}

/** Whether a request comes from a browser where "shared computer" was chosen. */
export const choseSharedComputer = flag.isSetIn;

/** When a shared computer's session ends if nobody uses it from `now`. */
export const sharedSessionEnds = (now: Date) => new Date(now.getTime() + SHARED_IDLE_MINUTES * 60_000);

/** How long before its end a shared computer's session is moved on by being used: at most one write a minute. */
const MOVE_ON_WITHIN_MINUTES = SHARED_IDLE_MINUTES - 1;

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

import "server-only";
import { env } from "@/lib/env";
import { SHARED_IDLE_MINUTES } from "@/lib/auth/shared-computer";

/**
 * Easy-read for someone without a plan of their own (docs/decisions/041): a visitor, or a relative signed
 * in. Chosen with the header's button on any page, kept in this browser until it closes (no expiry date;
 * on a shared computer at most SHARED_IDLE_MINUTES), and forgotten at sign-out. A citizen's own plan's
 * setting always decides for them. It says nothing about anyone, so it needs no signature.
 */
const secure = () => env().APP_URL.startsWith("https://");
/** On https with the `__Host-` prefix: only this host can set it, not a sibling subdomain. */
export const visitorEasyReadCookie = () => (secure() ? "__Host-tio_easy_read" : "tio_easy_read");

/**
 * Until the browser closes; on a computer others use too (lib/auth/shared-computer.ts), for at most as long as
 * a session there lasts unused, so a choice left behind does not greet the next person.
 */
export const visitorEasyReadCookieOptions = (shared = false) => ({
  httpOnly: true,
  sameSite: "lax" as const,
  secure: secure(),
  path: "/",
  ...(shared ? { maxAge: SHARED_IDLE_MINUTES * 60 } : {}),
});

/** Whether a request comes from a browser where a visitor chose easy-read. */
export function visitorChoseEasyRead(headers: Headers | undefined | null): boolean {
  const cookie = headers?.get("cookie") ?? "";
  // most requests have no such cookie: answered without reading the environment (a page drawn at build time has none)
  if (!cookie.includes("tio_easy_read=1")) return false;
  return cookie.split(";").some((part) => part.trim() === `${visitorEasyReadCookie()}=1`);
}

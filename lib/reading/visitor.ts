import "server-only";
import { env } from "@/lib/env";

/**
 * Easy-read for someone who is not signed in (docs/decisions/041): chosen with the header's button on
 * any page, kept in this browser until it closes (no expiry date), and forgotten at sign-out. It holds
 * only until the person signs in: then their own plan's setting decides. It says nothing about anyone,
 * so it needs no signature.
 */
const secure = () => env().APP_URL.startsWith("https://");
/** On https with the `__Host-` prefix: only this host can set it, not a sibling subdomain. */
export const visitorEasyReadCookie = () => (secure() ? "__Host-tio_easy_read" : "tio_easy_read");

export const visitorEasyReadCookieOptions = () => ({ httpOnly: true, sameSite: "lax" as const, secure: secure(), path: "/" });

/** Whether a request comes from a browser where a visitor chose easy-read. */
export function visitorChoseEasyRead(headers: Headers | undefined | null): boolean {
  const cookie = headers?.get("cookie") ?? "";
  // most requests have no such cookie: answered without reading the environment (a page drawn at build time has none)
  if (!cookie.includes("tio_easy_read=1")) return false;
  return cookie.split(";").some((part) => part.trim() === `${visitorEasyReadCookie()}=1`);
}

import "server-only";
import { env } from "@/lib/env";

/**
 * A yes kept in this browser, as the cookie `name=1`: until the browser closes (no expiry date) unless
 * given a lifetime. Read by the server only (httpOnly), sent on a link followed from elsewhere (SameSite=Lax),
 * and on https named with the `__Host-` prefix, so only this host can set it, not a sibling subdomain.
 * For choices that say nothing about anyone and only make a session stricter or its words plainer, so
 * they need no signature: "this is a shared computer" (lib/auth/shared-computer.ts) and a visitor's
 * easy-read (lib/reading/visitor.ts).
 */
export function browserFlag(base: string) {
  const secure = () => env().APP_URL.startsWith("https://");
  const name = () => (secure() ? `__Host-${base}` : base);
  return {
    name,
    /** The cookie's options; `maxAgeSeconds` ends it sooner than the browser's closing. */
    options: (maxAgeSeconds?: number) => ({
      httpOnly: true,
      sameSite: "lax" as const,
      secure: secure(),
      path: "/",
      ...(maxAgeSeconds ? { maxAge: maxAgeSeconds } : {}),
    }),
    /** Whether a request's headers carry the yes. */
    isSetIn(headers: Headers | undefined | null): boolean {
      const cookie = headers?.get("cookie") ?? "";
      // most requests have no such cookie: answered without reading the environment (a page drawn at build time has none)
      if (!cookie.includes(`${base}=1`)) return false;
      return cookie.split(";").some((part) => part.trim() === `${name()}=1`);
    },
  };
}

import "server-only";
import { env } from "@/lib/env";

/** Where an opened invite link waits while its holder signs in: an HttpOnly cookie, never the address bar. */
export const INVITE_COOKIE = "tio_invite";
/** An hour; on a shared computer (decision 032) only until the browser closes. */
export const inviteCookieOptions = (sharedComputer = false) => ({
  httpOnly: true,
  sameSite: "lax" as const,
  secure: env().APP_URL.startsWith("https://"),
  path: "/",
  ...(sharedComputer ? {} : { maxAge: 60 * 60 }),
});

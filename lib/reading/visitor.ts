import "server-only";
import { browserFlag } from "@/lib/security/browser-flag";
import { SHARED_IDLE_MINUTES } from "@/lib/auth/shared-computer";

/**
 * Easy-read for someone without a plan of their own (docs/decisions/041): a visitor, or a relative signed
 * in. Chosen with the header's button on any page, kept in this browser until it closes (no expiry date;
 * on a shared computer at most SHARED_IDLE_MINUTES), and forgotten at sign-out. A citizen's own plan's
 * setting always decides for them. It says nothing about anyone, so it needs no signature.
 */
const flag = browserFlag("tio_easy_read");
export const visitorEasyReadCookie = flag.name;

/**
 * Until the browser closes; on a computer others use too (lib/auth/shared-computer.ts), for at most as long as
 * a session there lasts unused, so a choice left behind does not greet the next person.
 */
export const visitorEasyReadCookieOptions = (shared = false) => flag.options(shared ? SHARED_IDLE_MINUTES * 60 : undefined);

/** Whether a request comes from a browser where a visitor chose easy-read. */
export const visitorChoseEasyRead = flag.isSetIn;

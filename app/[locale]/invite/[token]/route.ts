import { NextResponse, type NextRequest } from "next/server";
import { z } from "zod";
import { routing } from "@/lib/i18n/routing";
import { INVITE_COOKIE, inviteCookieOptions } from "@/lib/relatives/cookie";
import { looksLikeToken } from "@/lib/relatives/tokens";
import { choseSharedComputer } from "@/lib/auth/shared-computer";

const paramsSchema = z.object({ locale: z.enum(routing.locales).catch(routing.defaultLocale), token: z.string().max(200) });

/**
 * An invite link is opened. The token leaves the address bar at once: it goes
 * into a short-lived HttpOnly cookie and the browser is sent on to the landing
 * page, which never has the token in its URL. Nothing is looked up here (the
 * landing page does that, throttled); nothing is logged; no referrer leaves.
 */
export async function GET(request: NextRequest, { params }: { params: Promise<{ locale: string; token: string }> }) {
  const { locale, token } = paramsSchema.parse(await params);
  const response = NextResponse.redirect(new URL(`/${locale}/invite`, request.nextUrl.origin), 303);
  response.headers.set("Referrer-Policy", "no-referrer");
  response.headers.set("Cache-Control", "no-store");
  if (looksLikeToken(token)) response.cookies.set(INVITE_COOKIE, token, inviteCookieOptions(choseSharedComputer(request.headers)));
  else response.cookies.delete(INVITE_COOKIE);
  return response;
}

import { NextResponse, type NextRequest } from "next/server";
import { z } from "zod";
import { routing } from "@/lib/i18n/routing";
import { INVITE_COOKIE } from "@/lib/relatives/cookie";

const paramsSchema = z.object({ locale: z.enum(routing.locales).catch(routing.defaultLocale) });

/** An invite link that no longer works is forgotten, so it is neither shown as waiting nor tried again. */
export async function GET(request: NextRequest, { params }: { params: Promise<{ locale: string }> }) {
  const { locale } = paramsSchema.parse(await params);
  const response = NextResponse.redirect(new URL(`/${locale}/invite`, request.nextUrl.origin), 303);
  response.headers.set("Referrer-Policy", "no-referrer");
  response.headers.set("Cache-Control", "no-store");
  response.cookies.delete(INVITE_COOKIE);
  return response;
}

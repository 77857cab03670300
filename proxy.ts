import createMiddleware from "next-intl/middleware";
import type { NextRequest } from "next/server";
import { routing } from "./lib/i18n/routing";
import { contentSecurityPolicy, newNonce } from "./lib/security/headers";

const handleI18nRouting = createMiddleware(routing);
const production = process.env.NODE_ENV === "production";

// The proxy puts a locale in front of the path and gives each page its own
// script nonce (docs/decisions/028). It never decides who may see what: that is
// lib/access and lib/record, on every request.
export default function proxy(request: NextRequest) {
  const policy = contentSecurityPolicy({ production, nonce: newNonce() });
  // on the request: Next reads the nonce from it and puts it on its own scripts;
  // next-intl passes the request's headers on when it rewrites to the locale's page
  request.headers.set("Content-Security-Policy", policy);
  const response = handleI18nRouting(request);
  // on the response, redirects included: the browser holds the page to it
  response.headers.set("Content-Security-Policy", policy);
  return response;
}

export const config = {
  // not: API routes, Next's own files, the service worker, manifests, files with an extension
  // (next.config.ts gives those the policy without a nonce: NOT_PROXIED in lib/security/headers.ts is this path's complement)
  matcher: "/((?!api|_next|_vercel|serwist|manifest|.*\\..*).*)",
};

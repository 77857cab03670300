import createMiddleware from "next-intl/middleware";
import { routing } from "./lib/i18n/routing";

// The proxy only puts a locale in front of the path. It never decides who may
// see what: that is lib/access and lib/record, on every request.
export default createMiddleware(routing);

export const config = {
  // not: API routes, Next's own files, the service worker, manifests, files with an extension
  matcher: "/((?!api|_next|_vercel|serwist|manifest|.*\\..*).*)",
};

/**
 * Facts about the build that are safe for the browser (Next inlines NODE_ENV).
 * The server's own configuration lives in lib/env.ts.
 */
export const isProductionBuild = process.env.NODE_ENV === "production";

/** The service worker runs in production builds only: in `next dev` it would serve stale code. */
export const serviceWorkerEnabled = isProductionBuild;

/**
 * Facts about the build that are safe for the browser. Next inlines these at
 * build time, so a production build made without TIO_DEMO=1 carries no demo
 * code path at all, whatever the environment says later.
 * The server's own configuration lives in lib/env.ts.
 */
export const isProductionBuild = process.env.NODE_ENV === "production";

/** The demo build: demo outbox and persona picker. `npm run dev` and `npm run build:demo`; never `npm run build`. */
export const demoMode = process.env.TIO_DEMO === "1";

/** The service worker runs in production builds only: in `next dev` it would serve stale code. */
export const serviceWorkerEnabled = isProductionBuild;

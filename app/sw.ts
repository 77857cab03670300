/// <reference lib="webworker" />
// The service worker. It keeps the app shell and static files (scripts, styles,
// fonts, icons, the offline pages) so the app opens fast on a weak connection.
// It never stores pages or API answers: those may hold citizen data.
import type { PrecacheEntry, SerwistGlobalConfig } from "serwist";
import { CacheFirst, ExpirationPlugin, Serwist } from "serwist";

declare global {
  interface WorkerGlobalScope extends SerwistGlobalConfig {
    __SW_MANIFEST: (PrecacheEntry | string)[] | undefined;
  }
}
declare const self: ServiceWorkerGlobalScope;

const offlinePage = (url: URL) => (url.pathname === "/en" || url.pathname.startsWith("/en/") ? "/en/offline" : "/da/offline");

const serwist = new Serwist({
  precacheEntries: self.__SW_MANIFEST,
  skipWaiting: true,
  clientsClaim: true,
  navigationPreload: false,
  runtimeCaching: [
    {
      // Hashed build files and files from public/: safe to keep, they hold no personal data.
      matcher: ({ url, sameOrigin }) =>
        sameOrigin && (url.pathname.startsWith("/_next/static/") || /^\/(fonts|icons)\//.test(url.pathname)),
      handler: new CacheFirst({
        cacheName: "static-assets",
        plugins: [new ExpirationPlugin({ maxEntries: 200, maxAgeSeconds: 30 * 24 * 60 * 60 })],
      }),
    },
  ],
  fallbacks: {
    entries: [
      {
        url: "/da/offline",
        matcher: ({ request, url }) => request.destination === "document" && offlinePage(url) === "/da/offline",
      },
      {
        url: "/en/offline",
        matcher: ({ request, url }) => request.destination === "document" && offlinePage(url) === "/en/offline",
      },
    ],
  },
});

serwist.addEventListeners();

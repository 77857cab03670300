/// <reference lib="webworker" />
// The service worker. It keeps the app shell and static files (scripts, styles,
// fonts, icons, the offline pages) so the app opens fast on a weak connection.
// It never stores pages or API answers: those may hold citizen data.
import type { PrecacheEntry, SerwistGlobalConfig } from "serwist";
import { CacheFirst, ExpirationPlugin, NetworkOnly, Serwist } from "serwist";

declare global {
  interface WorkerGlobalScope extends SerwistGlobalConfig {
    __SW_MANIFEST: (PrecacheEntry | string)[] | undefined;
  }
}
declare const self: ServiceWorkerGlobalScope;

/** The offline page in the language of the page that could not load. */
const offlinePage = (request: Request) => {
  const { pathname } = new URL(request.url);
  return pathname === "/en" || pathname.startsWith("/en/") ? "/en/offline" : "/da/offline";
};

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
    {
      // Pages always come from the network, never from a cache. When the network
      // fails, the fallback below shows the offline page instead.
      matcher: ({ request }) => request.mode === "navigate",
      handler: new NetworkOnly(),
    },
  ],
  fallbacks: {
    entries: [
      {
        url: "/da/offline",
        matcher: ({ request }) => request.destination === "document" && offlinePage(request) === "/da/offline",
      },
      {
        url: "/en/offline",
        matcher: ({ request }) => request.destination === "document" && offlinePage(request) === "/en/offline",
      },
    ],
  },
});

serwist.addEventListeners();

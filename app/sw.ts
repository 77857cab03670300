/// <reference lib="webworker" />
// The service worker. It keeps the app shell and static files (scripts, styles,
// fonts, icons, the offline pages) so the app opens fast on a weak connection.
// It never stores pages or API answers: those may hold citizen data.
// It also shows push notifications (lib/notify/push.ts sends them) and opens their page on a click.
import type { PrecacheEntry, SerwistGlobalConfig } from "serwist";
import { CacheFirst, ExpirationPlugin, NetworkOnly, Serwist } from "serwist";

declare global {
  interface WorkerGlobalScope extends SerwistGlobalConfig {
    __SW_MANIFEST: (PrecacheEntry | string)[] | undefined;
  }
}
declare const self: ServiceWorkerGlobalScope;

/** The languages, each with an offline page: lib/i18n/routing.ts's (a unit test holds them equal); Danish first. */
const LOCALES = ["da", "en", "ar", "uk"] as const;

/** A page's language from its path: "/uk/..." is Ukrainian, anything unknown Danish. */
const languageOf = (pathname: string) => {
  const first = pathname.split("/")[1] ?? "";
  return (LOCALES as readonly string[]).includes(first) ? first : LOCALES[0];
};

/** The offline page in the language of the page that could not load. */
const offlinePage = (request: Request) => `/${languageOf(new URL(request.url).pathname)}/offline`;

const serwist = new Serwist({
  precacheEntries: self.__SW_MANIFEST,
  // Kept files are fetched without cookies: the offline pages are then nobody's, not drawn with the
  // settings (text size, easy-read) of whoever was signed in when the worker installed, which the
  // next person on a shared computer would see. Static files need no cookies either.
  precacheOptions: { fetchOptions: { credentials: "omit" } },
  skipWaiting: true,
  clientsClaim: true,
  navigationPreload: false,
  runtimeCaching: [
    {
      // Hashed build files (the fonts from next/font among them, each once a page has used it) and
      // the icons from public/: safe to keep, they hold no personal data.
      matcher: ({ url, sameOrigin }) => sameOrigin && (url.pathname.startsWith("/_next/static/") || url.pathname.startsWith("/icons/")),
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
    entries: LOCALES.map((l) => ({
      url: `/${l}/offline`,
      matcher: ({ request }: { request: Request }) => request.destination === "document" && offlinePage(request) === `/${l}/offline`,
    })),
  },
});

serwist.addEventListeners();

/** What a push message carries (lib/notify/push.ts): the words to show and the page to open. */
type Shown = { title: string; body: string; url: string; tag: string };

/** A path on this site ("/da/plan"), or null: a notification never opens another site. */
function pathOnThisSite(url: unknown): string | null {
  if (typeof url !== "string" || !url.startsWith("/")) return null;
  try {
    // "//elsewhere" and "/\elsewhere" start with a slash too: the origin decides
    const target = new URL(url, self.location.origin);
    return target.origin === self.location.origin ? target.pathname + target.search + target.hash : null;
  } catch {
    return null;
  }
}

/** The payload if it is one we sent; anything else (not JSON, other fields, another site) is ignored. */
function shown(data: PushMessageData | null): Shown | null {
  let value: unknown;
  try {
    value = data?.json();
  } catch {
    return null;
  }
  if (!value || typeof value !== "object") return null;
  const { title, body, url, tag } = value as Record<string, unknown>;
  const path = pathOnThisSite(url);
  if (typeof title !== "string" || !title || typeof body !== "string" || typeof tag !== "string" || !path) return null;
  return { title, body, url: path, tag };
}

self.addEventListener("push", (event) => {
  const message = shown(event.data);
  if (!message) return;
  const lang = languageOf(new URL(message.url, self.location.origin).pathname); // the page's language
  event.waitUntil(
    self.registration.showNotification(message.title, {
      body: message.body,
      tag: message.tag, // a newer notification with the same tag takes the older one's place
      data: { url: message.url },
      icon: "/icons/icon-192.png",
      lang,
      dir: lang === "ar" ? "rtl" : "ltr",
    }),
  );
});

self.addEventListener("notificationclick", (event) => {
  event.notification.close();
  const path = pathOnThisSite((event.notification.data as { url?: unknown } | null)?.url);
  if (path) event.waitUntil(openPage(path));
});

/** Brings a window already on the page to the front and loads it afresh (pages are never cached), else opens one. */
async function openPage(path: string) {
  const target = new URL(path, self.location.origin).href;
  const windows = await self.clients.matchAll({ type: "window", includeUncontrolled: true });
  const already = windows.find((client) => client.url === target);
  if (!already) {
    await self.clients.openWindow(target);
    return;
  }
  const focused = await already.focus();
  // navigate() works only on a window this worker controls; focused is still the right page then
  await focused.navigate(target).catch(() => null);
}

import { expect, test } from "@playwright/test";
import { expectAccessible } from "./support";
import { onDemoDb, signInAs } from "./citizen";

test.describe("the installable app", () => {
  test("has a manifest in Danish and in English, with icons that load", async ({ request }) => {
    const da = await (await request.get("/manifest/da")).json();
    const en = await (await request.get("/manifest/en")).json();
    expect(da).toMatchObject({ name: "Fortæl det én gang", lang: "da", start_url: "/da", display: "standalone" });
    expect(en).toMatchObject({ name: "Tell it once", lang: "en", start_url: "/en" });
    for (const icon of da.icons as { src: string; sizes: string }[]) {
      const res = await request.get(icon.src);
      expect(res.status(), icon.src).toBe(200);
    }
    expect((da.icons as { sizes: string }[]).map((i) => i.sizes)).toEqual(expect.arrayContaining(["192x192", "512x512"]));
  });

  test("the page links the manifest of its own language", async ({ page }) => {
    await page.goto("/en");
    await expect(page.locator('link[rel="manifest"]')).toHaveAttribute("href", "/manifest/en");
  });

  test("offline, a page that cannot load shows the offline page in the right language", async ({ page, context }) => {
    await page.goto("/da");
    await page.evaluate(async () => {
      const registration = await navigator.serviceWorker.ready;
      return registration.active?.state;
    });
    await page.reload(); // now controlled by the service worker
    await expect.poll(() => page.evaluate(() => Boolean(navigator.serviceWorker.controller))).toBe(true);
    // both offline pages are in the precache before the network goes
    await expect
      .poll(() =>
        page.evaluate(async () => {
          const paths: string[] = [];
          for (const name of await caches.keys())
            for (const req of await (await caches.open(name)).keys()) paths.push(new URL(req.url).pathname);
          return ["/da/offline", "/en/offline"].every((p) => paths.includes(p));
        }),
      )
      .toBe(true);

    await context.setOffline(true);
    await page.goto("/da/min-plan");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Du er offline");
    await expect(page.getByText("Hvis du var ved at skrive noget, er det ikke sendt.")).toBeVisible();
    await expectAccessible(page);
    await page.goto("/en/my-plan");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("You are offline");
    await expect(page.getByText("If you were writing something, it has not been sent.")).toBeVisible();
    await context.setOffline(false);
  });

  test("the offline page it keeps is nobody's: fetched without the signed-in person's cookies, it does not carry their settings", async ({
    browser,
  }) => {
    const INGE = "inge@demo.solbjerg.dk";
    const setSize = (size: string) =>
      onDemoDb((c) => c.query(`UPDATE "user" SET "textSize" = $1::"TextSize" WHERE email = $2`, [size, INGE]));
    await setSize("LARGEST");
    // Inge signs in first (no service worker yet), so the worker installs, and keeps the offline pages, while she is signed in
    const signingIn = await browser.newContext({ serviceWorkers: "block" });
    await signInAs(await signingIn.newPage(), /Inge Hansen/);
    const context = await browser.newContext({ storageState: await signingIn.storageState() });
    await signingIn.close();
    try {
      const page = await context.newPage();
      await page.goto("/da/plan");
      await expect(page.locator("html")).toHaveClass(/\btextsize-largest\b/);
      await page.evaluate(() => navigator.serviceWorker.ready);
      const kept = () =>
        page.evaluate(async () => {
          for (const name of await caches.keys()) {
            const cache = await caches.open(name);
            for (const req of await cache.keys()) if (new URL(req.url).pathname === "/da/offline") return (await cache.match(req))!.text();
          }
          return null;
        });
      await expect.poll(kept).not.toBeNull();
      const html = (await kept())!;
      expect(html).toContain("Du er offline");
      // whoever uses this browser next sees the offline page as anyone would, not at Inge's text size
      expect(html).not.toContain("textsize-largest");
    } finally {
      await context.close();
      await setSize("NORMAL");
    }
  });

  test("the service worker keeps static files only, never pages or API answers", async ({ page }) => {
    await page.goto("/da");
    await page.evaluate(() => navigator.serviceWorker.ready);
    await page.reload();
    await page.goto("/en");
    await page.request.get("/api/ready");
    const cached = await page.evaluate(async () => {
      const urls: string[] = [];
      for (const name of await caches.keys()) {
        const cache = await caches.open(name);
        for (const req of await cache.keys()) urls.push(new URL(req.url).pathname);
      }
      return urls;
    });
    expect(cached.length).toBeGreaterThan(0);
    const allowed = (p: string) => p.startsWith("/_next/static/") || /^\/icons\//.test(p) || /^\/(da|en|ar|uk)\/offline$/.test(p);
    expect(cached.filter((p) => !allowed(p))).toEqual([]);
    expect(cached).toEqual(expect.arrayContaining(["/da/offline", "/en/offline", "/ar/offline", "/uk/offline"]));
  });
});

import { expect, test, type Page } from "@playwright/test";
import { DEMO_URL, PROD_URL } from "./servers";

// The strict Content-Security-Policy (docs/decisions/028): a page's scripts run only with the
// nonce of its own response, so a script someone slips into a page does not run. Both builds
// enforce it, so every other browser test also shows the pages work under it.

type Violation = { directive: string; blocked: string; page: string };

/** Every securitypolicyviolation on every page this page opens, reported to the test (past any policy). */
async function watchViolations(page: Page): Promise<Violation[]> {
  const seen: Violation[] = [];
  await page.exposeFunction("__cspViolation", (v: Violation) => seen.push(v));
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) => {
      const report = (window as unknown as { __cspViolation: (v: Violation) => void }).__cspViolation;
      void report({ directive: e.effectiveDirective, blocked: e.blockedURI, page: location.pathname });
    });
  });
  return seen;
}

/** The directives of a policy, each with its sources. */
const directives = (policy: string) =>
  new Map(
    policy
      .split(";")
      .map((d) => d.trim().split(/\s+/) as [string, ...string[]])
      .map(([k, ...v]) => [k, v]),
  );
const nonceOf = (policy: string) => /'nonce-([A-Za-z0-9+/]+={0,2})'/.exec(directives(policy).get("script-src")?.join(" ") ?? "")?.[1];

/** The sign-in form answers an empty address without leaving the page: only a hydrated React form does that. */
async function expectHydratedSignIn(page: Page, base: string) {
  await page.goto(`${base}/da/sign-in`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Log ind");
  await page.evaluate(() => ((window as unknown as { __samePage: number }).__samePage = 1));
  await page.getByRole("button", { name: "Send mig et link" }).click();
  await expect(page.locator("[role=alert]").first()).toBeVisible();
  // no new document was loaded: the form's script sent it (a form without JavaScript posts and reloads the page)
  expect(await page.evaluate(() => (window as unknown as { __samePage?: number }).__samePage)).toBe(1);
}

for (const [build, base] of [
  ["the production build", PROD_URL],
  ["the demo build", DEMO_URL],
] as const) {
  test.describe(`${build} under a strict Content-Security-Policy`, () => {
    test("pages work, their scripts run, and nothing is refused", async ({ page }) => {
      const violations = await watchViolations(page);
      await expectHydratedSignIn(page, base);
      // the service worker is registered by the page's script (SerwistProvider)
      await page.goto(`${base}/da`);
      expect(await page.evaluate(async () => Boolean((await navigator.serviceWorker.ready).active))).toBe(true);
      for (const path of ["/en", "/da/offline", "/en/offline", "/da/no-such-page"]) {
        await page.goto(`${base}${path}`);
        await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
      }
      if (base === DEMO_URL) {
        // signed in, a link followed in the page (the client router loads the next page's scripts)
        await page.goto(`${base}/da/sign-in`);
        await page
          .getByTestId("persona-picker")
          .getByRole("button", { name: /Inge Hansen/ })
          .click();
        await expect(page).toHaveURL(/\/da\/me$/);
        await page.goto(`${base}/da/plan`);
        await page.evaluate(() => ((window as unknown as { __samePage: number }).__samePage = 1));
        await page.getByRole("navigation", { name: "Mine sider" }).getByRole("link", { name: "Mere" }).click();
        await expect(page).toHaveURL(/\/da\/plan\/more$/);
        expect(await page.evaluate(() => (window as unknown as { __samePage?: number }).__samePage)).toBe(1);
      }
      expect(violations).toEqual([]);
    });

    test("each page response has a nonce of its own, which is the one on its scripts", async ({ request }) => {
      const nonces: string[] = [];
      for (let i = 0; i < 3; i++) {
        const res = await request.get(`${base}/da/sign-in`);
        expect(res.status()).toBe(200);
        const policies = res.headersArray().filter((h) => h.name.toLowerCase() === "content-security-policy");
        expect(policies, "one policy, from one place").toHaveLength(1);
        const nonce = nonceOf(policies[0]!.value);
        expect(nonce).toMatch(/^[A-Za-z0-9+/]{22}==$/);
        const html = await res.text();
        const scriptNonces = [...html.matchAll(/<script\b[^>]*\bnonce="([^"]*)"/g)].map((m) => m[1]);
        expect(scriptNonces.length).toBeGreaterThan(0);
        expect(new Set(scriptNonces)).toEqual(new Set([nonce]));
        // and no script without it
        expect([...html.matchAll(/<script\b(?![^>]*\bnonce=)[^>]*>/g)].map((m) => m[0])).toEqual([]);
        nonces.push(nonce!);
      }
      expect(new Set(nonces).size).toBe(nonces.length);
    });

    test("a script slipped into the page does not run, with a wrong nonce neither", async ({ page }) => {
      const violations = await watchViolations(page);
      await page.route(`${base}/da/sign-in`, async (route) => {
        // the page itself, not what its form's script posts there
        if (route.request().resourceType() !== "document") return route.continue();
        const response = await route.fetch();
        const injected =
          "<script>window.__injected=1</script>" +
          '<script nonce="d3Jvbmcgbm9uY2Ugb2YgbWluZQ==">window.__wrongNonce=1</script>' +
          '<script src="/serwist/sw.js"></script>';
        const html = (await response.text()).replace(/<body[^>]*>/, (body) => body + injected);
        expect(html).toContain(injected);
        await route.fulfill({ response, body: html });
      });
      await expectHydratedSignIn(page, base);
      expect(await page.evaluate(() => (window as unknown as { __injected?: number }).__injected)).toBeUndefined();
      expect(await page.evaluate(() => (window as unknown as { __wrongNonce?: number }).__wrongNonce)).toBeUndefined();
      // the browser says why: two inline scripts and one file from our own site, none with the page's nonce
      const refused = violations.filter((v) => v.directive.startsWith("script-src"));
      expect(refused.filter((v) => v.blocked === "inline")).toHaveLength(2);
      expect(refused.filter((v) => v.blocked.endsWith("/serwist/sw.js"))).toHaveLength(1);
      expect(violations.filter((v) => !v.directive.startsWith("script-src"))).toEqual([]);
    });

    test("the policy: a nonce and 'strict-dynamic', never 'unsafe-inline' or 'unsafe-eval' for scripts", async ({ request }) => {
      const page = await request.get(`${base}/da/sign-in`);
      const scripts = directives(page.headers()["content-security-policy"]!).get("script-src")!;
      expect(scripts).toEqual(["'self'", expect.stringMatching(/^'nonce-/), "'strict-dynamic'"]);
      expect(scripts.join(" ")).not.toMatch(/unsafe-inline|unsafe-eval/);
      // next-intl's redirect to the language carries it too
      const root = await request.get(`${base}/`, { maxRedirects: 0 });
      expect(root.status()).toBe(307);
      expect(root.headers()["location"]).toMatch(/\/da$/);
      expect(nonceOf(root.headers()["content-security-policy"]!)).toBeTruthy();
      // what holds no page: the same policy without a nonce, so no inline script at all
      for (const path of ["/api/health", "/serwist/sw.js", "/manifest/da", "/icons/icon.svg"]) {
        const res = await request.get(`${base}${path}`);
        expect(res.status(), path).toBe(200);
        const policies = res.headersArray().filter((h) => h.name.toLowerCase() === "content-security-policy");
        expect(
          policies.map((h) => directives(h.value).get("script-src")),
          path,
        ).toEqual([["'self'"]]);
        expect(policies[0]!.value, path).toContain("frame-ancestors 'none'");
      }
    });
  });
}

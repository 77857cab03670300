import { expect, test } from "@playwright/test";
import { expectAccessible, expectNoHorizontalScroll } from "./support";

test.describe("the front page", () => {
  test("opens in Danish at /, with the demo municipality from the database", async ({ page }) => {
    await page.goto("/");
    await expect(page).toHaveURL(/\/da$/);
    await expect(page.locator("html")).toHaveAttribute("lang", "da");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Fortæl det én gang");
    await expect(page.getByRole("heading", { name: "Områder i Solbjerg Kommune" })).toBeVisible();
    await expect(page.getByRole("listitem").filter({ hasText: "Ældre og pleje" })).toBeVisible();
    await expect(page.getByRole("listitem").filter({ hasText: "Børn og familie" })).toBeVisible();
    await expectAccessible(page);
  });

  test("opens in Danish even when the browser prefers English", async ({ browser }) => {
    const context = await browser.newContext({ locale: "en-GB" });
    const page = await context.newPage();
    await page.goto("/");
    await expect(page).toHaveURL(/\/da$/);
    await context.close();
  });

  test("switches to English and back on the same page", async ({ page }) => {
    await page.goto("/da");
    await page.getByRole("link", { name: "In English" }).click();
    await expect(page).toHaveURL(/\/en$/);
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Tell it once");
    await expect(page.getByRole("listitem").filter({ hasText: "Health and rehabilitation" })).toBeVisible();
    await expectAccessible(page);
    await page.getByRole("link", { name: "På dansk" }).click();
    await expect(page).toHaveURL(/\/da$/);
  });

  test("works at 320 px wide", async ({ browser }) => {
    const context = await browser.newContext({ viewport: { width: 320, height: 640 }, isMobile: true, hasTouch: true });
    const page = await context.newPage();
    await page.goto("/da");
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await expectNoHorizontalScroll(page);
    await expectAccessible(page);
    await context.close();
  });

  test("works by keyboard: the first Tab offers a skip link to the content", async ({ page }) => {
    await page.goto("/da");
    await page.keyboard.press("Tab");
    const skip = page.getByRole("link", { name: "Gå til indhold" });
    await expect(skip).toBeFocused();
    await expect(skip).toBeInViewport();
    await page.keyboard.press("Enter");
    await expect(page.locator("main")).toBeFocused();
  });

  test("an unknown address gets a translated 'not found' page with status 404", async ({ page }) => {
    const da = await page.goto("/da/findes-ikke");
    expect(da?.status()).toBe(404);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Vi kan ikke finde siden");
    await expectAccessible(page);
    await page.goto("/en/does-not-exist");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("We cannot find that page");
  });

  test("a bookmark to a page's old address still arrives, at its new one", async ({ request }) => {
    for (const [old, now] of [
      ["/da/plan/log", "/da/plan/access-log"],
      ["/en/plan/people", "/en/plan/network"],
      ["/da/plan/people/123", "/da/plan/network/123"],
      ["/da/plan/contact-me", "/da/plan/contact-request"],
    ]) {
      const response = await request.get(old!, { maxRedirects: 0 });
      expect(response.status(), old).toBe(308);
      expect(response.headers()["location"], old).toBe(now);
    }
  });
});

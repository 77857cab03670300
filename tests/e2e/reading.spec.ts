import fs from "node:fs";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { expectAccessible, expectBarAtBottom, expectNoWordBroken } from "./support";
import { newCitizenSignedIn, onDemoDb, signInAs } from "./citizen";

// Easy-read and text size (issue 16, parts 1 and 3; docs/decisions/036-easy-read-and-text-size.md): the
// settings change what the person sees, by keyboard, with and without JavaScript, and the largest text
// still fits a 320 px phone and a desktop at 200 % zoom.

type Messages = Record<string, unknown>;
const load = (file: string): Messages =>
  JSON.parse(fs.readFileSync(path.join(import.meta.dirname, "../../messages", file), "utf8")) as Messages;
const text = (m: Messages, key: string) => {
  const found = key.split(".").reduce<unknown>((node, part) => (node as Messages | undefined)?.[part], m);
  if (typeof found !== "string") throw new Error(`no text ${key}`);
  return found;
};
const normal = load("da.json");
const easy = load("easy/da.json");

/** Tabs from where the focus is to the control named `name`, as someone with a keyboard would. */
async function tabTo(page: Page, name: string) {
  for (let i = 0; i < 60; i++) {
    await page.keyboard.press("Tab");
    const focused = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      return el?.getAttribute("aria-label") ?? el?.closest("label")?.textContent?.trim() ?? el?.textContent?.trim() ?? "";
    });
    if (focused === name) return;
  }
  throw new Error(`no control named "${name}" reached by Tab`);
}

/** Nothing sticks out sideways; if something does, the failure names it (the innermost elements past the edge). */
async function expectFits(page: Page, address: string) {
  const outside = await page.evaluate(() => {
    if (document.documentElement.scrollWidth <= window.innerWidth) return [];
    const width = document.documentElement.clientWidth;
    // past the edge itself, or with content (a long word) wider than its box; not a 1 px screen-reader-only text
    const past = (el: Element) => {
      const box = el.getBoundingClientRect();
      if (box.width <= 1) return false;
      return box.right > width + 0.5 || box.left < -0.5 || (el.clientWidth > 0 && el.scrollWidth > el.clientWidth + 1);
    };
    return Array.from(document.querySelectorAll("body *"))
      .filter((el) => past(el) && !Array.from(el.children).some(past))
      .slice(0, 5)
      .map((el) => `<${el.tagName.toLowerCase()} class="${el.getAttribute("class") ?? ""}"> ${(el.textContent ?? "").trim().slice(0, 40)}`);
  });
  expect(outside, `${address} sticks out sideways`).toEqual([]);
}

const rootFontSize = (page: Page) => page.evaluate(() => getComputedStyle(document.documentElement).fontSize);

// a page drawn after each save, and axe on several: slow on a busy machine
test.describe.configure({ timeout: 180_000 });

test.describe("easy-read", () => {
  test("turned on, the settings page speaks easy-read; turned off, it speaks as before; all by keyboard", async ({ page }) => {
    await newCitizenSignedIn(page, "Let Læser");
    await page.goto("/da/plan/settings");
    const hint = page.locator("#plain-hint");
    await expect(hint).toHaveText(text(normal, "Settings.plainHint"));
    await expect(page.getByRole("group", { name: text(normal, "Settings.languageLegend") })).toBeVisible();

    // on: Space ticks the box, Tab goes on to the button, Enter saves
    await page.getByRole("heading", { level: 1 }).click();
    await tabTo(page, text(normal, "Settings.plainLabel"));
    await page.keyboard.press("Space");
    await tabTo(page, text(normal, "Settings.save"));
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/\/da\/plan\/settings\?saved=1$/);
    await expect(hint).toHaveText(text(easy, "Settings.plainHint"));
    await expect(page.getByRole("group", { name: text(easy, "Settings.languageLegend") })).toBeVisible();
    await expect(page.getByRole("link", { name: text(easy, "Settings.back") })).toBeVisible();
    await expect(page.getByRole("heading", { level: 2, name: text(easy, "Settings.signOutTitle") })).toBeVisible();
    // the text-size form is easy-read too, and a text without an easy version is as it was
    await expect(page.getByRole("button", { name: text(easy, "Reading.save") })).toBeVisible();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(text(normal, "Settings.title"));
    await expect(page.getByRole("checkbox", { name: text(normal, "Settings.plainLabel") })).toBeChecked();
    await expectAccessible(page);
    // and on the next page too, after a client navigation
    await page.getByRole("link", { name: text(easy, "Settings.back") }).click();
    await expect(page).toHaveURL(/\/da\/plan$/);
    await page.goBack();
    await expect(hint).toHaveText(text(easy, "Settings.plainHint"));

    // off again
    await page.getByRole("heading", { level: 1 }).click();
    await tabTo(page, text(normal, "Settings.plainLabel"));
    await page.keyboard.press("Space");
    await tabTo(page, text(normal, "Settings.save"));
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/\/da\/plan\/settings\?saved=1$/);
    await expect(hint).toHaveText(text(normal, "Settings.plainHint"));
    await expect(page.getByRole("group", { name: text(normal, "Settings.languageLegend") })).toBeVisible();
    await expect(page.getByRole("checkbox", { name: text(normal, "Settings.plainLabel") })).not.toBeChecked();
  });

  test("is the citizen's own: another person signed in on the same computer afterwards reads the normal texts", async ({ browser }) => {
    const easyReader = await browser.newContext();
    const page = await easyReader.newPage();
    const citizenId = await newCitizenSignedIn(page, "Egen Læser");
    await onDemoDb((c) => c.query(`UPDATE "Citizen" SET "plainLanguage" = true WHERE id = $1`, [citizenId]));
    await page.goto("/da/plan/settings");
    await expect(page.locator("#plain-hint")).toHaveText(text(easy, "Settings.plainHint"));
    await easyReader.close();

    const other = await browser.newContext();
    const next = await other.newPage();
    await newCitizenSignedIn(next, "Anden Læser");
    await next.goto("/da/plan/settings");
    await expect(next.locator("#plain-hint")).toHaveText(text(normal, "Settings.plainHint"));
    await other.close();
  });
});

test.describe("easy-read before signing in", () => {
  const sharedNormal = text(normal, "SignIn.sharedIntro").split(".")[0]!;
  const sharedEasy = text(easy, "SignIn.sharedIntro").split(".")[0]!;
  const homeNormal = text(normal, "Home.step2Text");
  const homeEasy = text(easy, "Home.step2Text").split(".")[0]!;

  test("a visitor turns it on by keyboard on the sign-in page; it holds on the next page, until they sign in; signing out forgets it", async ({
    page,
  }) => {
    await page.goto("/da/sign-in");
    await expect(page.getByText(sharedNormal)).toBeVisible();
    await tabTo(page, text(normal, "Common.easyReadOn"));
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/\/da\/sign-in$/);
    await expect(page.getByText(sharedEasy)).toBeVisible();
    await expect(page.getByText(sharedNormal)).toHaveCount(0);
    await expect(page.getByRole("button", { name: text(normal, "Common.easyReadOff") })).toBeVisible();
    await expectAccessible(page);
    await page.goto("/da");
    await expect(page.getByText(homeEasy)).toBeVisible();

    // signed in, her own plan's setting decides (Inge has not asked for easy-read), and the button is gone
    await signInAs(page, /Inge Hansen/);
    await page.goto("/da");
    await expect(page.getByText(homeNormal)).toBeVisible();
    for (const name of [text(normal, "Common.easyReadOn"), text(normal, "Common.easyReadOff")]) {
      await expect(page.getByRole("button", { name })).toHaveCount(0);
    }
    // signing out forgets the visitor's choice: whoever comes next starts from the normal words
    await page.goto("/da/me");
    await page.getByRole("button", { name: "Log ud", exact: true }).click();
    await expect(page).toHaveURL(/\/da$/); // signed out, on the front page
    await expect(page.getByRole("button", { name: text(normal, "Common.easyReadOn") })).toBeVisible();
    await expect(page.getByText(homeNormal)).toBeVisible();
  });

  test("comes back to the same address, with what the page needs from it (here a sign-in error), and nothing else", async ({ page }) => {
    await page.goto("/da/sign-in?error=choice&other=x");
    // (the error has no easy text of its own: the same words either way)
    const error = page.getByRole("alert").filter({ hasText: text(normal, "SignIn.errorChoice") });
    await expect(error).toBeVisible();
    await page.getByRole("button", { name: text(normal, "Common.easyReadOn") }).click();
    await expect(page).toHaveURL(/\/da\/sign-in\?error=choice$/);
    await expect(error).toBeVisible();
    await expect(page.getByText(sharedEasy)).toBeVisible();
  });

  test("a relative, who has no plan of their own, keeps the choice signed in, and can make it there", async ({ page }) => {
    const footerNormal = text(normal, "Common.footerText");
    const footerEasy = text(easy, "Common.footerText");
    await signInAs(page, /Mette Hansen/);
    await expect(page.getByText(footerNormal)).toBeVisible();
    await page.getByRole("button", { name: text(normal, "Common.easyReadOn") }).click();
    await expect(page).toHaveURL(/\/da\/me$/);
    await expect(page.getByText(footerEasy)).toBeVisible();
    await page.getByTestId("shared-with-me").getByRole("link").first().click();
    await expect(page).toHaveURL(/\/da\/relative\/[^/]+$/);
    await expect(page.getByText(footerEasy)).toBeVisible();
    await expectAccessible(page);
    await page.getByRole("button", { name: text(normal, "Common.easyReadOff") }).click();
    await expect(page).toHaveURL(/\/da\/relative\/[^/]+$/);
    await expect(page.getByText(footerNormal)).toBeVisible();
  });

  test("works without JavaScript, and turns off again", async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto("/da");
    await page.getByRole("button", { name: text(normal, "Common.easyReadOn") }).click();
    await expect(page).toHaveURL(/\/da$/);
    await expect(page.getByText(homeEasy)).toBeVisible();
    await page.getByRole("button", { name: text(normal, "Common.easyReadOff") }).click();
    await expect(page.getByText(homeNormal)).toBeVisible();
    await context.close();
  });
});

test.describe("text size", () => {
  test.use({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });

  test("chosen by keyboard on Min side, it sets every page's size, and the settings page shows the same choice", async ({ page }) => {
    await newCitizenSignedIn(page, "Stor Tekst");
    await page.goto("/da/me");
    expect(await rootFontSize(page)).toBe("16px");
    const form = page.locator("section", { has: page.getByRole("heading", { name: text(normal, "Reading.title") }) });
    await expect(form.getByRole("radio", { name: text(normal, "Reading.sizes.NORMAL") })).toBeChecked();

    // arrows move through the sizes, Tab to the button, Enter
    await form.getByRole("radio", { name: text(normal, "Reading.sizes.NORMAL") }).focus();
    await page.keyboard.press("ArrowDown");
    await page.keyboard.press("ArrowDown");
    await tabTo(page, text(normal, "Reading.save"));
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/\/da\/me\?size=saved#text-size$/);
    await expect(page.getByRole("status").filter({ hasText: text(normal, "Reading.saved") })).toBeVisible();
    await expect(page.locator("html")).toHaveClass(/\btextsize-largest\b/);
    expect(await rootFontSize(page)).toBe("24px");
    await expect(form.getByRole("radio", { name: text(normal, "Reading.sizes.LARGEST") })).toBeChecked();
    await expectAccessible(page);

    // another page, drawn fresh: the same size; the settings page offers the same form, with the same choice
    await page.goto("/da/plan/settings");
    expect(await rootFontSize(page)).toBe("24px");
    await expect(page.getByRole("radio", { name: text(normal, "Reading.sizes.LARGEST") })).toBeChecked();
    await page.getByRole("radio", { name: text(normal, "Reading.sizes.LARGER") }).check();
    await page.getByRole("button", { name: text(normal, "Reading.save") }).click();
    await expect(page).toHaveURL(/\/da\/plan\/settings\?size=saved#text-size$/);
    // the address after a save is the same each time: wait for the page the save drew, then measure
    await expect(page.locator("html")).toHaveClass(/\btextsize-larger\b/);
    expect(await rootFontSize(page)).toBe("20px");
    await page.getByRole("radio", { name: text(normal, "Reading.sizes.NORMAL") }).check();
    await page.getByRole("button", { name: text(normal, "Reading.save") }).click();
    await expect(page).toHaveURL(/\?size=saved#text-size$/);
    await expect(page.locator("html")).not.toHaveClass(/textsize-/);
    expect(await rootFontSize(page)).toBe("16px");
  });

  test("works without JavaScript, and a size changed in another window is not overwritten", async ({ page, browser }) => {
    await newCitizenSignedIn(page, "Uden Script");
    const noJs = await browser.newContext({
      javaScriptEnabled: false,
      storageState: await page.context().storageState(),
      viewport: { width: 360, height: 740 },
    });
    const plain = await noJs.newPage();
    await plain.goto("/da/me");
    await plain.getByRole("radio", { name: text(normal, "Reading.sizes.LARGER") }).check();
    await plain.getByRole("button", { name: text(normal, "Reading.save") }).click();
    await expect(plain).toHaveURL(/\/da\/me\?size=saved#text-size$/);
    await expect(plain.locator("html")).toHaveClass(/\btextsize-larger\b/);
    expect(await rootFontSize(plain)).toBe("20px");

    // the first window still shows the normal size: its choice is refused, and it shows the size as it is now
    await page.goto("/da/plan/settings");
    await plain.goto("/da/plan/settings");
    await plain.getByRole("radio", { name: text(normal, "Reading.sizes.LARGEST") }).check();
    await plain.getByRole("button", { name: text(normal, "Reading.save") }).click();
    await expect(plain.locator("html")).toHaveClass(/\btextsize-largest\b/);
    await page.getByRole("radio", { name: text(normal, "Reading.sizes.NORMAL") }).check();
    await page.getByRole("button", { name: text(normal, "Reading.save") }).click();
    await expect(page).toHaveURL(/\/da\/plan\/settings\?size=stale#text-size$/);
    await expect(page.locator("#text-size ~ [role=alert]")).toHaveText(text(normal, "Reading.stale"));
    await expect(page.getByRole("radio", { name: text(normal, "Reading.sizes.LARGEST") })).toBeChecked();
    expect(await rootFontSize(page)).toBe("24px");
    await expectAccessible(page);
    await noJs.close();
  });
});

test.describe("the largest text", () => {
  // a demo person with a full plan, at the largest size; put back after each test whatever happened
  const INGE = "inge@demo.solbjerg.dk";
  const setSize = (size: string) =>
    onDemoDb((c) => c.query(`UPDATE "user" SET "textSize" = $1::"TextSize" WHERE email = $2`, [size, INGE]));
  test.afterEach(() => setSize("NORMAL"));

  /** The citizen's main pages in a language, and a goal and a person of her plan. */
  async function mainPages(page: Page, locale: string) {
    const pages = [
      "me",
      "plan",
      "plan/story",
      "plan/network",
      "plan/goals",
      "plan/agreements",
      "plan/contact",
      "plan/contact-request",
      "plan/access-log",
      "plan/consents",
      "plan/relatives",
      "plan/settings",
      "me/notifications",
      "news",
    ];
    await page.goto(`/${locale}/plan/goals`);
    const goal = await page.locator('main a[href*="/plan/goals/"]:not([href$="/new"])').first().getAttribute("href");
    await page.goto(`/${locale}/plan/network`);
    const person = await page.locator('main a[href*="/plan/network/"]').first().getAttribute("href");
    return [...pages.map((p) => `/${locale}/${p}`), goal!, person!];
  }

  for (const [width, locale, what] of [
    [320, "da", "a 320 px phone"],
    [320, "uk", "a 320 px phone in Ukrainian"],
    [320, "ar", "a 320 px phone in Arabic"],
    [640, "da", "a 1280 px screen at 200 % zoom"],
  ] as const) {
    test(`fits ${what} on every main page of the citizen, with axe finding nothing`, async ({ page }) => {
      test.setTimeout(300_000);
      await setSize("LARGEST");
      await page.setViewportSize({ width, height: 800 });
      await signInAs(page, /Inge Hansen/);
      expect(await rootFontSize(page)).toBe("24px");
      for (const address of await mainPages(page, locale)) {
        await page.goto(address);
        await expect(page.locator("html"), address).toHaveClass(/\btextsize-largest\b/);
        await expect(page.getByRole("heading", { level: 1 }), address).toBeVisible();
        await expectFits(page, address);
        if (width === 320) await expectAccessible(page);
      }
      // the five places: whole words, at most two rows at the foot of the screen, never over the page's end
      const bar = page.locator("[data-bottom-nav]");
      if (width === 320) await expectBarAtBottom(page, bar, 1 / 4);
      else await expectNoWordBroken(bar);
    });
  }
});

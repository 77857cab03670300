import fs from "node:fs";
import path from "node:path";
import { expect, test, type Browser, type BrowserContext, type Locator, type Page } from "@playwright/test";
import { expectAccessible, expectBarAtBottom, expectNoHorizontalScroll } from "./support";
import { signInAs } from "./citizen";

// A simpler way around on a phone (issue 16, part 7; docs/decisions/035): the citizen's five
// destinations on every page of theirs, a relative's and a caseworker's short lists. At 320 px
// the bar sits at the bottom of the screen and never covers the page or the focus; every link is
// reached by Tab and followed by Enter; without JavaScript the links and the mark still work.

const PHONE = { viewport: { width: 320, height: 640 }, isMobile: true, hasTouch: true };

const KEYS = [
  ...["citizenLabel", "plan", "people", "messages", "help", "more"],
  ...["relativeLabel", "sharedPlan", "ownSpace", "allShared"],
  ...["staffLabel", "staffCitizens", "staffFind", "staffTeam", "staffProfile"],
] as const;
type NavWords = Record<(typeof KEYS)[number], string>;

/** The navigation's words in a language, from its catalogue: a translator's corrections never break this test. */
function nav(locale: string): NavWords {
  const all = JSON.parse(fs.readFileSync(path.join(import.meta.dirname, "../../messages", `${locale}.json`), "utf8")) as {
    Nav: Record<string, unknown>;
  };
  return Object.fromEntries(
    KEYS.map((k) => {
      const text = all.Nav[k];
      if (typeof text !== "string") throw new Error(`no Nav.${k} in ${locale}`);
      return [k, text];
    }),
  ) as NavWords;
}

const da = nav("da");
const CITIZEN = [da.plan, da.people, da.messages, da.help, da.more];

/** Signed in as a demo persona, on a phone (or in the width given). */
async function phoneAs(browser: Browser, persona: RegExp, options: Parameters<Browser["newContext"]>[0] = PHONE) {
  const context = await browser.newContext(options);
  const page = await context.newPage();
  await signInAs(page, persona);
  return { context, page };
}

/** The same signed-in person in a browser that runs no JavaScript at all. */
async function withoutJavaScript(browser: Browser, signedIn: BrowserContext) {
  const context = await browser.newContext({ ...PHONE, javaScriptEnabled: false, storageState: await signedIn.storageState() });
  return { context, page: await context.newPage() };
}

/**
 * The destinations' names in order, and the one marked current: "page" when this is its very page,
 * "true" (the place, not the page) on a page below it.
 */
async function expectDestinations(navigation: Locator, names: string[], current: string) {
  await expect(navigation.getByRole("link")).toHaveText(names);
  await expect(navigation.locator("[aria-current]")).toHaveText([current]);
  const link = navigation.getByRole("link", { name: current, exact: true });
  const own = new URL((await link.getAttribute("href"))!, navigation.page().url()).pathname;
  const here = new URL(navigation.page().url()).pathname;
  await expect(link).toHaveAttribute("aria-current", own === here ? "page" : "true");
}

/** Tab moves on from here: the top of the page (a click on the header's empty corner, away from any link). */
async function fromTheTop(page: Page) {
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.mouse.click(3, 3);
}

/** Tab from the top of the page until `target` has focus. */
async function tabTo(page: Page, target: Locator) {
  await fromTheTop(page);
  for (let i = 0; i < 40; i++) {
    await page.keyboard.press("Tab");
    if (await target.evaluate((el) => el === document.activeElement)) return;
  }
  throw new Error("never reached by Tab");
}

/** Every stop of the Tab key on the page, outside the bar, is shown above the bar: the bar never hides the focus. */
async function expectFocusNeverUnderBar(page: Page, navigation: Locator) {
  await fromTheTop(page);
  const hidden: string[] = [];
  for (let i = 0; i < 60; i++) {
    await page.keyboard.press("Tab");
    const where = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      const bar = document.querySelector("[data-bottom-nav]");
      if (!el || !bar || bar.contains(el) || el === document.body) return null;
      const r = el.getBoundingClientRect();
      return { bottom: r.bottom, barTop: bar.getBoundingClientRect().top, what: el.outerHTML.slice(0, 80) };
    });
    if (where && where.bottom > where.barTop + 1) hidden.push(where.what);
  }
  expect(hidden, "focused elements under the bar").toEqual([]);
  await expect(navigation).toBeVisible();
}

test("the citizen's five destinations on every page of theirs, at 320 px: the same names, the current one marked, the page padded for the bar", async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const { context, page } = await phoneAs(browser, /Inge Hansen/);
  const navigation = page.getByRole("navigation", { name: da.citizenLabel });
  for (const [address, current] of [
    ["/da/plan", da.plan],
    ["/da/plan/story", da.plan],
    ["/da/plan/network", da.people],
    ["/da/plan/relatives", da.people],
    ["/da/plan/messages", da.messages],
    ["/da/news", da.messages],
    ["/da/plan/help", da.help],
    ["/da/plan/contact-request", da.help],
    ["/da/plan/more", da.more],
    ["/da/plan/goals", da.more],
    ["/da/plan/agreements", da.more],
    ["/da/plan/consents", da.more],
    ["/da/plan/access-log", da.more],
    ["/da/plan/contact", da.more],
    ["/da/plan/settings", da.more],
    ["/da/me", da.more],
    ["/da/me/notifications", da.more],
  ] as const) {
    await page.goto(address);
    await expectDestinations(navigation, CITIZEN, current);
    await expectNoHorizontalScroll(page);
  }
  for (const address of ["/da/plan", "/da/plan/help", "/da/plan/messages", "/da/plan/more"]) {
    await page.goto(address);
    await expectBarAtBottom(page, navigation);
    await expectAccessible(page);
  }
  // the longest page: every Tab stop is above the bar
  await page.goto("/da/plan");
  await expectFocusNeverUnderBar(page, navigation);
  await context.close();
});

test("the citizen's destinations by keyboard: each reached by Tab and followed with Enter lands on its page", async ({ browser }) => {
  test.setTimeout(120_000);
  const { context, page } = await phoneAs(browser, /Inge Hansen/);
  const navigation = page.getByRole("navigation", { name: da.citizenLabel });
  for (const [name, address, heading] of [
    [da.people, /\/da\/plan\/network$/, "Mine mennesker"],
    [da.messages, /\/da\/plan\/messages$/, da.messages],
    [da.help, /\/da\/plan\/help$/, da.help],
    [da.more, /\/da\/plan\/more$/, da.more],
    [da.plan, /\/da\/plan$/, "Inge Hansen"],
  ] as const) {
    await page.goto("/da/plan/settings");
    const link = navigation.getByRole("link", { name, exact: true });
    await tabTo(page, link);
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(address);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(heading);
    await expect(navigation.locator('[aria-current="page"]')).toHaveText([name]);
  }
  // every page that left the plan home is one step from a destination
  await page.goto("/da/plan/more");
  for (const [name, heading] of [
    ["Se og ret mine mål", "Mine ønsker og mål"],
    ["Hvem har set min plan", "Hvem har set min plan"],
    ["Sådan vil jeg kontaktes", "Sådan vil jeg kontaktes"],
    ["Indstillinger", "Indstillinger"],
  ] as const) {
    await page.goto("/da/plan/more");
    await page.getByRole("main").getByRole("link", { name, exact: true }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(heading);
  }
  await page.goto("/da/plan/network");
  await page.getByRole("main").getByRole("link", { name: "Mine pårørende", exact: true }).first().click();
  await expect(page).toHaveURL(/\/da\/plan\/relatives$/);
  await context.close();
});

test("without JavaScript the citizen's navigation is the same plain links, marked on the server, and they work", async ({ browser }) => {
  const signedIn = await phoneAs(browser, /Inge Hansen/);
  const { context, page } = await withoutJavaScript(browser, signedIn.context);
  const navigation = page.getByRole("navigation", { name: da.citizenLabel });
  await page.goto("/da/plan");
  await expectDestinations(navigation, CITIZEN, da.plan);
  await expectBarAtBottom(page, navigation);
  await navigation.getByRole("link", { name: da.help, exact: true }).click();
  await expect(page).toHaveURL(/\/da\/plan\/help$/);
  await expectDestinations(navigation, CITIZEN, da.help);
  await navigation.getByRole("link", { name: da.more, exact: true }).click();
  await expect(page).toHaveURL(/\/da\/plan\/more$/);
  await expectDestinations(navigation, CITIZEN, da.more);
  await page.getByRole("main").getByRole("link", { name: "Kommunens adgang til min plan", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Kommunens adgang til min plan");
  await expectDestinations(navigation, CITIZEN, da.more);
  await context.close();
  await signedIn.context.close();
});

test("the citizen's navigation in English, Arabic (right to left) and Ukrainian fits 320 px and passes axe", async ({ browser }) => {
  test.setTimeout(120_000);
  const { context, page } = await phoneAs(browser, /Inge Hansen/);
  for (const locale of ["en", "ar", "uk"] as const) {
    const t = nav(locale);
    const navigation = page.getByRole("navigation", { name: t.citizenLabel });
    await page.goto(`/${locale}/plan/help`);
    await expectDestinations(navigation, [t.plan, t.people, t.messages, t.help, t.more], t.help);
    await expectNoHorizontalScroll(page);
    await expectBarAtBottom(page, navigation);
    // at the normal text size all five fit one row
    const rows = await navigation
      .getByRole("listitem")
      .evaluateAll((items) => new Set(items.map((li) => li.getBoundingClientRect().top)).size);
    expect(rows).toBe(1);
    await expectAccessible(page);
    // in Arabic the bar reads from the right: the first destination is the rightmost
    const [first, second] = await Promise.all([0, 1].map(async (n) => (await navigation.getByRole("link").nth(n).boundingBox())!.x));
    expect(await navigation.evaluate((el) => getComputedStyle(el).direction)).toBe(locale === "ar" ? "rtl" : "ltr");
    expect(locale === "ar" ? first! > second! : first! < second!).toBe(true);
  }
  await context.close();
});

test("on a wide screen the citizen's navigation sits under the header", async ({ browser }) => {
  const { context, page } = await phoneAs(browser, /Inge Hansen/, { viewport: { width: 1280, height: 900 } });
  await page.goto("/da/plan");
  const navigation = page.getByRole("navigation", { name: da.citizenLabel });
  const [header, bar, heading] = await Promise.all([
    page.locator("body > header, header").first().boundingBox(),
    navigation.boundingBox(),
    page.getByRole("heading", { level: 1 }).boundingBox(),
  ]);
  expect(bar!.y).toBeGreaterThanOrEqual(header!.y + header!.height);
  expect(bar!.y + bar!.height).toBeLessThanOrEqual(heading!.y);
  await expectAccessible(page);
  await context.close();
});

test("the skip link passes the navigation as it passes the header, for each role, on a phone and a wide screen", async ({ browser }) => {
  test.setTimeout(120_000);
  for (const [persona, address, label] of [
    [/Inge Hansen/, "/da/plan/help", da.citizenLabel],
    [/Sara Holm/, "/da/staff/profile", da.staffLabel],
  ] as const) {
    for (const viewport of [PHONE.viewport!, { width: 1280, height: 900 }]) {
      const { context, page } = await phoneAs(browser, persona, { ...PHONE, viewport });
      await page.goto(address);
      const navigation = page.getByRole("navigation", { name: label });
      await expect(navigation).toBeVisible();
      // the navigation is not inside the content the skip link goes to
      await expect(page.getByRole("main").getByRole("navigation", { name: label })).toHaveCount(0);
      await page.keyboard.press("Tab");
      await expect(page.getByRole("link", { name: "Gå til indhold" })).toBeFocused();
      await page.keyboard.press("Enter");
      await expect(page.getByRole("main")).toBeFocused();
      await page.keyboard.press("Tab");
      // the next stop is the page's own first link or field, not a destination
      expect(await page.evaluate(() => Boolean(document.activeElement?.closest("main")))).toBe(true);
      expect(await page.evaluate(() => Boolean(document.activeElement?.closest("[data-bottom-nav]")))).toBe(false);
      await context.close();
    }
  }
});

test("a relative's short navigation: the shared plan, their own space, all shared plans; by keyboard, without JavaScript, in Arabic", async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const { context, page } = await phoneAs(browser, /Mette Hansen/);
  await page.getByTestId("shared-with-me").getByRole("link").first().click();
  await expect(page).toHaveURL(/\/da\/relative\/[^/]+$/);
  const shared = page.url();
  const navigation = page.getByRole("navigation", { name: da.relativeLabel });
  const names = [da.sharedPlan, da.ownSpace, da.allShared];
  await expectDestinations(navigation, names, da.sharedPlan);
  await expectNoHorizontalScroll(page);
  await expectBarAtBottom(page, navigation);
  await expectAccessible(page);

  await tabTo(page, navigation.getByRole("link", { name: da.ownSpace }));
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/da\/relative\/[^/]+\/space$/);
  await expectDestinations(navigation, names, da.ownSpace);
  await expectAccessible(page);
  await tabTo(page, navigation.getByRole("link", { name: da.allShared }));
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/da\/me$/);

  const t = nav("ar");
  await page.goto(shared.replace("/da/", "/ar/"));
  const rtl = page.getByRole("navigation", { name: t.relativeLabel });
  await expectDestinations(rtl, [t.sharedPlan, t.ownSpace, t.allShared], t.sharedPlan);
  expect(await rtl.evaluate((el) => getComputedStyle(el).direction)).toBe("rtl");
  await expectNoHorizontalScroll(page);
  await expectAccessible(page);

  const bare = await withoutJavaScript(browser, context);
  await bare.page.goto(shared);
  const plain = bare.page.getByRole("navigation", { name: da.relativeLabel });
  await expectDestinations(plain, names, da.sharedPlan);
  await plain.getByRole("link", { name: da.ownSpace }).click();
  await expect(bare.page).toHaveURL(/\/space$/);
  await expectDestinations(plain, names, da.ownSpace);
  await bare.context.close();
  await context.close();
});

test("a caseworker's short navigation: my citizens, find a citizen, my team for a lead, my profile; by keyboard, without JavaScript", async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const { context, page } = await phoneAs(browser, /Sara Holm/);
  const navigation = page.getByRole("navigation", { name: da.staffLabel });
  const names = [da.staffCitizens, da.staffFind, da.staffTeam, da.staffProfile];
  await page.goto("/da/staff");
  await expectDestinations(navigation, names, da.staffCitizens);
  await expectNoHorizontalScroll(page);
  await expectBarAtBottom(page, navigation);
  await expectAccessible(page);
  for (const [name, address, heading] of [
    [da.staffTeam, /\/da\/staff\/team$/, null],
    [da.staffProfile, /\/da\/staff\/profile$/, null],
    [da.staffFind, /\/da\/staff#find-title$/, "Find en borger"],
    [da.staffCitizens, /\/da\/staff$/, null],
  ] as const) {
    await tabTo(page, navigation.getByRole("link", { name, exact: true }));
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(address);
    if (heading) await expect(page.getByRole("heading", { level: 2, name: heading, exact: true })).toBeInViewport();
    else await expect(navigation.locator('[aria-current="page"]')).toHaveText([name]);
    await expectNoHorizontalScroll(page);
  }
  await expectAccessible(page);

  const bare = await withoutJavaScript(browser, context);
  await bare.page.goto("/da/staff");
  const plain = bare.page.getByRole("navigation", { name: da.staffLabel });
  await expectDestinations(plain, names, da.staffCitizens);
  await plain.getByRole("link", { name: da.staffProfile }).click();
  await expect(bare.page).toHaveURL(/\/da\/staff\/profile$/);
  await expectDestinations(plain, names, da.staffProfile);
  await bare.context.close();
  await context.close();

  // a caseworker who leads no team has no team to go to
  const omar = await phoneAs(browser, /Omar Aziz/);
  await omar.page.goto("/da/staff");
  await expectDestinations(
    omar.page.getByRole("navigation", { name: da.staffLabel }),
    [da.staffCitizens, da.staffFind, da.staffProfile],
    da.staffCitizens,
  );
  await omar.context.close();
});

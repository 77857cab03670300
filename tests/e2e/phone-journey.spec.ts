import fs from "node:fs";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { expectAccessible, expectNoHorizontalScroll } from "./support";
import { newCitizenSignedIn } from "./citizen";
import { CITIZEN_DESTINATIONS, currentDestination } from "../../lib/navigation/destinations";

// Issue 16, done when: the citizen's whole phone journey passes in da, en, ar and uk, with easy-read
// on and off, axe finding nothing and nothing sideways at 320 px. A new citizen goes by thumb through
// the five places at the foot of the screen, and from "More" to every page listed there; then turns
// easy-read on in the settings and goes the same way again, now reading the easy words. The words are
// taken from the catalogues (the easy one laid over the normal one), so a translator's corrections
// never break it.
test.use({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });

type Messages = Record<string, unknown>;
const load = (file: string): Messages =>
  JSON.parse(fs.readFileSync(path.join(import.meta.dirname, "../../messages", file), "utf8")) as Messages;

/** The easy catalogue over the normal one, as lib/i18n/request.ts lays it for a citizen who asked for it. */
function over(normal: Messages, easy: Messages): Messages {
  const out: Messages = { ...normal };
  for (const [k, v] of Object.entries(easy)) {
    out[k] = v && typeof v === "object" && typeof normal[k] === "object" ? over(normal[k] as Messages, v as Messages) : v;
  }
  return out;
}

const lookup = (m: Messages) => (key: string) => {
  const found = key.split(".").reduce<unknown>((node, part) => (node as Messages | undefined)?.[part], m);
  if (typeof found !== "string") throw new Error(`no text ${key}`);
  return found;
};

/** axe, and nothing sideways at the narrowest phone we support; then back to the phone's own width. */
async function checkPage(page: Page) {
  await expectAccessible(page);
  await page.setViewportSize({ width: 320, height: 640 });
  await expectNoHorizontalScroll(page);
  await page.setViewportSize({ width: 360, height: 740 });
}

const PLACES = ["plan", "people", "messages", "help", "more"] as const;

/**
 * The journey once: each of the five places by its link in the bar (the current one marked), then every
 * page "More" lists. Returns the addresses visited, so the two walks can be compared.
 */
async function walk(page: Page, locale: string, t: (key: string) => string) {
  const visited: string[] = [];
  const bar = page.getByRole("navigation", { name: t("Nav.citizenLabel") });
  for (const place of PLACES) {
    await bar.getByRole("link", { name: t(`Nav.${place}`), exact: true }).click();
    await expect(bar.getByRole("link", { name: t(`Nav.${place}`), exact: true })).toHaveAttribute("aria-current", "page");
    await expect(bar.getByRole("link")).toHaveText(PLACES.map((p) => t(`Nav.${p}`)));
    visited.push(new URL(page.url()).pathname);
    await checkPage(page);
  }
  // "More": every page of mine listed there (the printed plan is a PDF, not a page)
  const listed = await page
    .getByRole("main")
    .getByRole("link")
    .evaluateAll((links) => links.map((a) => (a as HTMLAnchorElement).pathname).filter((p) => !p.endsWith("/print")));
  const pages = [...new Set(listed)].filter((p) => p.startsWith(`/${locale}/`) && !visited.includes(p));
  expect(pages.length, "More lists the pages outside the other four places").toBeGreaterThanOrEqual(6);
  for (const address of pages) {
    await page.goto(address);
    await expect(page.locator("html")).toHaveAttribute("lang", locale);
    const place = currentDestination(address.slice(locale.length + 1), CITIZEN_DESTINATIONS);
    expect(place, `${address} belongs to one of the five places`).not.toBeNull();
    // the place is marked as the current one; "current page" is for the place's own page
    await expect(bar.getByRole("link", { name: t(`Nav.${place}`), exact: true })).toHaveAttribute("aria-current", "true");
    visited.push(address);
    await checkPage(page);
  }
  return visited;
}

for (const locale of ["da", "en", "ar", "uk"] as const) {
  const normal = load(`${locale}.json`);
  const easy = load(`easy/${locale}.json`);
  const plain = lookup(normal);
  const easyRead = lookup(over(normal, easy));

  test(`the whole phone journey in ${locale}, with easy-read off and then on`, async ({ page }) => {
    test.setTimeout(300_000);
    await newCitizenSignedIn(page, locale === "ar" ? "سلمى يوسف" : locale === "uk" ? "Ірина Шевченко" : "Telefon Borger");
    await page.goto(`/${locale}/plan`);
    await expect(page.locator("html")).toHaveAttribute("dir", locale === "ar" ? "rtl" : "ltr");

    // easy-read off: the normal words
    const first = await walk(page, locale, plain);
    await page.goto(`/${locale}/plan/help`);
    await expect(page.getByText(plain("Nav.helpPage.waysText"), { exact: true })).toBeVisible();
    await page.goto(`/${locale}/plan/messages`);
    await expect(page.getByText(plain("Nav.messagesPage.intro"), { exact: true })).toBeVisible();

    // easy-read on, in the settings
    await page.goto(`/${locale}/plan/settings`);
    // the form saves the language too: this one, or the answer comes in the language ticked (Danish, the default)
    await page.getByRole("radio", { name: plain(`Settings.languages.${locale}`) }).check();
    await page.getByRole("checkbox", { name: plain("Settings.plainLabel") }).check();
    await page.getByRole("button", { name: plain("Settings.save"), exact: true }).click();
    await expect(page.getByRole("status").filter({ hasText: easyRead("Settings.saved") })).toBeVisible();

    // the same way again, in easy words
    const second = await walk(page, locale, easyRead);
    expect(second).toEqual(first);
    await page.goto(`/${locale}/plan/help`);
    await expect(page.getByText(easyRead("Nav.helpPage.waysText"), { exact: true })).toBeVisible();
    await expect(page.getByText(plain("Nav.helpPage.waysText"), { exact: true })).toHaveCount(0);
    await page.goto(`/${locale}/plan/messages`);
    await expect(page.getByText(easyRead("Nav.messagesPage.intro"), { exact: true })).toBeVisible();
    await expect(page.getByText(plain("Nav.messagesPage.intro"), { exact: true })).toHaveCount(0);
  });
}

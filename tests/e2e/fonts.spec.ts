import { expect, test, type BrowserContext, type Page } from "@playwright/test";
import { signInAs } from "./citizen";

// Text that stays still (issue 16; docs/decisions/034-fonts-that-do-not-move-the-text.md): the
// pages are set in IBM Plex Sans from next/font, each language downloads only its subsets, and
// when the font files come after the page has painted, the size-adjusted fallback has taken their
// room, so nothing moves. No timing: the files are held back until the first paint, then let go.

/** The families of a font list, unquoted: "a, 'b c'" -> ["a", "b c"]. */
const families = (list: string) => list.split(",").map((f) => f.trim().replace(/^["']|["']$/g, ""));

/** Holds every font file back until `release()`; lists the files asked for. */
async function holdFonts(context: BrowserContext) {
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  const asked: string[] = [];
  await context.route(/\.woff2?(\?|$)/, async (route) => {
    asked.push(new URL(route.request().url()).pathname);
    await released;
    await route.continue();
  });
  return { release, asked };
}

/** Records the page's layout shifts from its first moment (not those right after input, as CLS counts them). */
async function watchShifts(context: BrowserContext) {
  await context.addInitScript(() => {
    const shifts: number[] = ((window as unknown as { __shifts: number[] }).__shifts = []);
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as (PerformanceEntry & { value: number; hadRecentInput: boolean })[])
        if (!entry.hadRecentInput) shifts.push(entry.value);
    }).observe({ type: "layout-shift", buffered: true });
  });
}

/** Waits until the page has painted its text (in the fallback, while the fonts are held back). */
const painted = (page: Page) =>
  page.waitForFunction(() => performance.getEntriesByType("paint").some((e) => e.name === "first-contentful-paint"));

/** After the fonts have come: every face the page uses has loaded, and a frame has been laid out with them. */
const fontsSettled = (page: Page) =>
  page.evaluate(async () => {
    await document.fonts.ready;
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
  });

const shiftTotal = (page: Page) => page.evaluate(() => (window as unknown as { __shifts: number[] }).__shifts.reduce((a, b) => a + b, 0));

test.describe("fonts that do not move the text", () => {
  test("my plan at 320 px: set in IBM Plex Sans from next/font, no Arabic file, and nothing moves when the files come late", async ({
    browser,
  }) => {
    // signed in in a context of its own: a page that has loaded the fonts keeps them in memory
    const signing = await browser.newContext();
    await signInAs(await signing.newPage(), /Inge Hansen/);
    const storageState = await signing.storageState();
    await signing.close();
    const context = await browser.newContext({ viewport: { width: 320, height: 640 }, isMobile: true, hasTouch: true, storageState });
    await watchShifts(context);
    const fonts = await holdFonts(context);
    const page = await context.newPage();
    await page.goto("/da/plan", { waitUntil: "domcontentloaded" });
    await expect(page).toHaveURL(/\/da\/plan$/);
    await painted(page);
    fonts.release();
    await fontsSettled(page);

    // nothing moved when the font came (CLS is the largest window of these; "good" is 0.1, ours 0.05)
    expect(await shiftTotal(page)).toBeLessThan(0.05);

    // a Danish page asks for the Latin subset of IBM Plex Sans, regular and semibold, and the Cyrillic
    // regular for the language link "Українською"; never the Arabic font ("بالعربية" stays in the phone's)
    expect(fonts.asked.sort()).toEqual([
      expect.stringMatching(/^\/_next\/static\/media\/ibm_plex_sans_cyrillic_400_normal\b.*\.woff2$/),
      expect.stringMatching(/^\/_next\/static\/media\/ibm_plex_sans_latin_400_normal\b.*\.woff2$/),
      expect.stringMatching(/^\/_next\/static\/media\/ibm_plex_sans_latin_600_normal\b.*\.woff2$/),
    ]);
    await expect(page.getByRole("link", { name: "Українською" })).toBeVisible();
    await expect(page.getByRole("link", { name: "بالعربية" })).toBeVisible();

    const fontsOnPage = await page.evaluate(() => {
      const list = getComputedStyle(document.querySelector("main p") ?? document.body).fontFamily;
      const latin = getComputedStyle(document.documentElement).getPropertyValue("--font-plex-sans-latin");
      const loaded = [...document.fonts]
        .filter((f) => f.status === "loaded")
        .map((f) => `${f.family.replace(/^["']|["']$/g, "")} ${f.weight}`);
      const fallback = [...document.styleSheets]
        .flatMap((sheet) => [...sheet.cssRules])
        .filter((rule): rule is CSSFontFaceRule => rule instanceof CSSFontFaceRule)
        .map((rule) => ({
          family: rule.style.getPropertyValue("font-family").replace(/^["']|["']$/g, ""),
          weight: rule.style.getPropertyValue("font-weight"),
          sizeAdjust: rule.style.getPropertyValue("size-adjust"),
          ascent: rule.style.getPropertyValue("ascent-override"),
        }))
        .filter((face) => face.family === "IBM Plex Sans Fallback");
      return { list, latin, loaded, fallback };
    });
    const list = families(fontsOnPage.list);
    // body text: next/font's family for the Latin subset first, the size-adjusted fallback before the system's
    expect(list[0]).toBe(families(fontsOnPage.latin)[0]);
    expect(fontsOnPage.loaded).toEqual(expect.arrayContaining([`${list[0]} 400`, `${list[0]} 600`]));
    expect(list.indexOf("IBM Plex Sans Fallback")).toBeGreaterThan(0);
    expect(list.indexOf("IBM Plex Sans Fallback")).toBeLessThan(list.indexOf("system-ui"));
    // the fallback is size-adjusted, regular and semibold each
    expect(fontsOnPage.fallback.map((f) => f.weight).sort()).toEqual(["400", "600"]);
    for (const face of fontsOnPage.fallback) {
      expect(face.sizeAdjust).toMatch(/^\d+(\.\d+)?%$/);
      expect(face.sizeAdjust).not.toBe("100%");
      expect(face.ascent).toMatch(/^\d+(\.\d+)?%$/);
    }

    await context.close();
  });

  test("a Ukrainian page at 320 px, with Polish and Turkish names: their subsets come, and nothing moves when they do", async ({
    browser,
  }) => {
    const context = await browser.newContext({ viewport: { width: 320, height: 640 }, isMobile: true, hasTouch: true });
    await watchShifts(context);
    // names as citizens write them, put into the page as it comes (no demo person has such a name)
    const names = "Łukasz Wiśniewski, Małgorzata Dąbrowska, Şükrü Çağlar";
    await context.route(
      (url) => url.pathname === "/uk",
      async (route) => {
        const response = await route.fetch();
        // the page's own scripts are taken out: hydrating, React would find a paragraph it did not render and
        // take it out again, a race this test once lost; the fonts come by CSS and preload, scripts or not
        const body = (await response.text())
          .replace(/<script\b[^>]*>[\s\S]*?<\/script>/g, "")
          .replace(/(<main[^>]*>)/, `$1<p>${names}</p>`);
        await route.fulfill({ response, body });
      },
    );
    const fonts = await holdFonts(context);
    const page = await context.newPage();
    await page.goto("/uk", { waitUntil: "domcontentloaded" });
    await expect(page.getByText(names)).toBeVisible();
    await painted(page);
    fonts.release();
    await fontsSettled(page);

    expect(await shiftTotal(page)).toBeLessThan(0.05);
    expect(fonts.asked).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/\/ibm_plex_sans_cyrillic_400_normal\b/),
        expect.stringMatching(/\/ibm_plex_sans_cyrillic_600_normal\b/),
        expect.stringMatching(/\/ibm_plex_sans_latin_ext_400_normal\b/),
      ]),
    );
    expect(fonts.asked).not.toContainEqual(expect.stringMatching(/arabic/));
    await context.close();
  });

  test("an Arabic page at 320 px: IBM Plex Sans Arabic first, right to left, and nothing moves when the fonts come late", async ({
    browser,
  }) => {
    const context = await browser.newContext({ viewport: { width: 320, height: 640 }, isMobile: true, hasTouch: true });
    await watchShifts(context);
    const fonts = await holdFonts(context);
    const page = await context.newPage();
    await page.goto("/ar", { waitUntil: "domcontentloaded" });
    await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
    await painted(page);
    fonts.release();
    await fontsSettled(page);

    expect(await shiftTotal(page)).toBeLessThan(0.05);
    expect(fonts.asked).toContainEqual(expect.stringMatching(/\/ibm_plex_sans_arabic_arabic_400_normal\b/));
    const { list, arabic } = await page.evaluate(() => ({
      list: getComputedStyle(document.querySelector("h1")!).fontFamily,
      arabic: getComputedStyle(document.documentElement).getPropertyValue("--font-plex-sans-arabic").trim(),
    }));
    // the Arabic letters in IBM Plex Sans Arabic; digits and Latin words fall through to IBM Plex Sans
    expect(families(list)[0]).toBe(families(arabic)[0]);
    expect(families(list)).toContain("IBM Plex Sans Fallback");
    // its faces are there for Arabic letters (whether the first page shows them depends on the file's arrival: "optional")
    const faces = await page.evaluate((family) => document.fonts.load(`16px "${family}"`, "أخبرنا"), families(arabic)[0]);
    expect(faces.length).toBeGreaterThan(0);
    await context.close();
  });
});

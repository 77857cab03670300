import AxeBuilder from "@axe-core/playwright";
import { expect, type Locator, type Page } from "@playwright/test";

/** WCAG 2.1 A and AA, as axe checks them: the page must have no violations, and no id may be used twice. */
export async function expectAccessible(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  const summary = results.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
  expect(summary, "axe violations").toEqual([]);
  // axe no longer checks this (WCAG 2.2 dropped 4.1.1), but a label tied to a repeated id labels the wrong field
  const duplicates = await page.evaluate(() => {
    const seen = new Map<string, number>();
    for (const el of Array.from(document.querySelectorAll("[id]"))) seen.set(el.id, (seen.get(el.id) ?? 0) + 1);
    return [...seen].filter(([, n]) => n > 1).map(([id]) => id);
  });
  expect(duplicates, "ids used more than once").toEqual([]);
}

/** Nothing sticks out sideways: the page works at this width without horizontal scrolling. */
export async function expectNoHorizontalScroll(page: Page) {
  const { scrollWidth, innerWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    innerWidth: window.innerWidth,
  }));
  expect(scrollWidth).toBeLessThanOrEqual(innerWidth);
}

/**
 * Fills a field and makes sure it holds exactly these words. Filled the moment a page arrives, while its
 * scripts are still taking the form over, a fill has once put its words in front of the old text instead
 * of replacing it; so fill again until the field holds what was meant (the draft kept on each keystroke
 * then holds it too).
 */
export async function fillExactly(field: Locator, text: string) {
  await expect(async () => {
    await field.fill(text);
    await expect(field).toHaveValue(text, { timeout: 1000 });
  }).toPass({ timeout: 15_000 });
}

/** No word inside `area` is broken across two lines (a label a reader must piece together). */
export async function expectNoWordBroken(area: Locator) {
  const broken = await area.evaluate((root) => {
    const found: string[] = [];
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      for (const match of (node.textContent ?? "").matchAll(/\S+/g)) {
        const range = document.createRange();
        range.setStart(node, match.index);
        range.setEnd(node, match.index + match[0].length);
        const lines = new Set(Array.from(range.getClientRects(), (r) => Math.round(r.top)));
        if (lines.size > 1) found.push(match[0]);
      }
    }
    return found;
  });
  expect(broken, "words broken across lines").toEqual([]);
}

/**
 * On a phone the navigation is a bar fixed to the bottom of the screen, taking at most `share` of its
 * height, with no word in it broken; scrolled to the end, the page's last words are above it.
 */
export async function expectBarAtBottom(page: Page, navigation: Locator, share = 1 / 6) {
  const viewport = page.viewportSize()!;
  const box = (await navigation.boundingBox())!;
  expect(Math.round(box.y + box.height)).toBe(viewport.height);
  expect(box.height).toBeLessThan(viewport.height * share);
  await expectNoWordBroken(navigation);
  await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
  const footerBottom = await page
    .locator("footer")
    .last()
    .evaluate((el) => el.getBoundingClientRect().bottom);
  expect(footerBottom).toBeLessThanOrEqual((await navigation.boundingBox())!.y + 1);
  await page.evaluate(() => window.scrollTo(0, 0));
}

/**
 * A form's "saved" note (Gemt, or Gemt.), matched as the whole text: a string filter is a case-blind
 * substring, and the restored-draft note ("… du ikke havde gemt …") is a status too, so it would match
 * before the save had even begun.
 */
export const savedNote = (scope: Page | Locator) => scope.getByRole("status").filter({ hasText: /^Gemt\.?$/ });

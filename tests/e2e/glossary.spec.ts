import fs from "node:fs";
import path from "node:path";
import { expect, test, type Browser, type Locator, type Page } from "@playwright/test";
import { expectAccessible, expectNoHorizontalScroll, savedNote } from "./support";
import { coordinatedBySara, newCitizenSignedIn, section, signInAs } from "./citizen";

// A glossary on tap (issue 16, part 5; decision 039): Sara writes "bevilling" and "visitation" to a citizen;
// on her phone, 320 px wide, the citizen reaches each word by Tab and its explanation shows under the line,
// in her page's language, as the word's description; a tap opens it at the foot of the screen, Escape
// closes it. In Danish, English and Arabic (right to left), checked with axe, and without JavaScript.

type Messages = Record<string, Record<string, Record<string, string>>>;
const explained = (locale: string, key: string) => {
  const m = JSON.parse(fs.readFileSync(path.join(import.meta.dirname, "../../messages", `${locale}.json`), "utf8")) as Messages;
  return `${m.Glossary![key]!.term}: ${m.Glossary![key]!.explain}`;
};

const PHONE = { viewport: { width: 320, height: 640 }, isMobile: true, hasTouch: true };

/** Presses Tab until `target` has the focus, as someone without a mouse would. */
async function tabTo(page: Page, target: Locator) {
  for (let i = 0; i < 80; i++) {
    if (await target.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press("Tab");
  }
  throw new Error("never reached by Tab");
}

/** The box fits the screen's width: nothing of it beyond either side. */
async function expectWithinWidth(page: Page, box: Locator) {
  const b = (await box.boundingBox())!;
  expect(b.x).toBeGreaterThanOrEqual(0);
  expect(b.x + b.width).toBeLessThanOrEqual(page.viewportSize()!.width);
}

/**
 * Tab to the word in `within`; its explanation shows, is the word's description, fits the screen, and goes with the
 * focus; where JavaScript runs, Escape hides it while the word keeps the focus.
 */
async function explainsOnFocus(page: Page, within: Locator, word: string, locale: string, key: string, js = true) {
  const button = within.getByRole("button", { name: word, exact: true });
  const explanation = within.getByText(explained(locale, key), { exact: true });
  await expect(explanation).toBeHidden();
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await tabTo(page, button);
  await expect(explanation).toBeVisible();
  await expect(button).toHaveAccessibleDescription(explained(locale, key));
  await expectWithinWidth(page, explanation);
  await expectNoHorizontalScroll(page);
  // axe runs in the page; without JavaScript the markup is the same as with it, checked there
  if (js) {
    await expectAccessible(page);
    await page.keyboard.press("Escape");
    await expect(explanation).toBeHidden();
    await expect(button).toBeFocused();
    await page.keyboard.press("Shift+Tab");
    await page.keyboard.press("Tab");
    await expect(explanation).toBeVisible();
  }
  await page.keyboard.press("Tab");
  await expect(explanation).toBeHidden();
}

/** A tap opens it as a panel on the screen, whole; Escape closes it (the popover's own, no JavaScript needed). */
async function explainsOnTap(page: Page, within: Locator, word: string, locale: string, key: string) {
  const explanation = within.getByText(explained(locale, key), { exact: true });
  await within.getByRole("button", { name: word, exact: true }).tap();
  await expect(explanation).toBeVisible();
  const b = (await explanation.boundingBox())!;
  expect(b.x).toBeGreaterThanOrEqual(0);
  expect(b.x + b.width).toBeLessThanOrEqual(320);
  expect(b.y + b.height).toBeLessThanOrEqual(640);
  await page.keyboard.press("Escape");
  await expect.poll(() => explanation.evaluate((el) => el.matches(":popover-open"))).toBe(false);
}

async function citizenWithSarasWords(browser: Browser, page: Page) {
  const phone = await browser.newContext(PHONE);
  const citizen = await phone.newPage();
  const name = `Karen Friis ${Date.now() % 100_000}`;
  const citizenId = await newCitizenSignedIn(citizen, name);
  await coordinatedBySara(citizenId);

  // her own words, with a professional word in them: never marked
  await citizen.goto("/da/plan/story");
  await section(citizen, "Om mig").getByLabel("Med dine egne ord").fill("Min bevilling kom i går. Jeg er glad.");
  await section(citizen, "Om mig").getByRole("button", { name: "Gem" }).click();
  await expect(savedNote(section(citizen, "Om mig"))).toBeVisible();

  // Sara writes a message and an agreement in professional-land
  await page.setViewportSize({ width: 1280, height: 900 });
  await signInAs(page, /Sara Holm/);
  await page.goto(`/da/staff/citizens/${citizenId}`);
  const messages = section(page, "Beskeder til borgeren");
  await messages.getByLabel("Besked", { exact: true }).fill("Hej Karen.\nDin bevilling er klar.");
  await messages.getByRole("button", { name: "Send beskeden" }).click();
  await expect(page.getByTestId("messages")).toContainText("er klar.");
  await page.getByLabel("Hvad har I aftalt?").fill("Sara kommer til visitation på tirsdag");
  await page.getByLabel("Hvem gør det?").selectOption({ label: "Ældre og pleje" });
  await page.getByRole("button", { name: "Tilføj aftalen" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Aftalen er tilføjet" })).toBeVisible();
  return { phone, citizen };
}

test("a caseworker's professional words explain themselves on Tab and on tap, in Danish, English and Arabic", async ({ page, browser }) => {
  test.setTimeout(240_000);
  const { phone, citizen } = await citizenWithSarasWords(browser, page);

  // Danish: the message keeps its line break, and both words explain themselves
  await citizen.goto("/da/plan");
  const messages = section(citizen, "Beskeder til dig");
  const message = messages.getByRole("paragraph").first();
  expect(await message.evaluate((el) => (el as HTMLElement).innerText)).toMatch(/^Hej Karen\.\r?\nDin bevilling er klar\.$/);
  await explainsOnFocus(citizen, messages, "bevilling", "da", "bevilling");
  await explainsOnTap(citizen, messages, "bevilling", "da", "bevilling");
  await explainsOnFocus(citizen, section(citizen, "Næste aftaler"), "visitation", "da", "visitation");
  // her own story is hers, as she wrote it
  await expect(section(citizen, "Om mig").getByRole("button", { name: "bevilling" })).toHaveCount(0);
  await expect(section(citizen, "Om mig")).toContainText("Min bevilling kom i går.");
  // the list of agreements marks Sara's words too
  await citizen.goto("/da/plan/agreements");
  await explainsOnFocus(citizen, citizen.getByTestId("agreement").filter({ hasText: "på tirsdag" }), "visitation", "da", "visitation");

  // English: the same Danish word, explained in English
  await citizen.goto("/en/plan");
  await explainsOnFocus(citizen, section(citizen, "Messages to you"), "bevilling", "en", "bevilling");

  // Arabic: right to left, explained in Arabic, on the screen
  await citizen.goto("/ar/plan");
  await expect(citizen.locator("html")).toHaveAttribute("dir", "rtl");
  const arMessages = citizen.getByTestId("plan-messages");
  await explainsOnFocus(citizen, arMessages, "bevilling", "ar", "bevilling");
  expect(await arMessages.getByText(explained("ar", "bevilling")).evaluate((el) => getComputedStyle(el).direction)).toBe("rtl");
  await explainsOnTap(citizen, arMessages, "bevilling", "ar", "bevilling");
  await phone.close();
});

test("without JavaScript, the words still explain themselves on Tab and on tap", async ({ page, browser }) => {
  test.setTimeout(240_000);
  const { phone } = await citizenWithSarasWords(browser, page);
  const noScript = await browser.newContext({ ...PHONE, javaScriptEnabled: false, storageState: await phone.storageState() });
  const citizen = await noScript.newPage();
  await citizen.goto("/da/plan");
  const messages = section(citizen, "Beskeder til dig");
  await explainsOnFocus(citizen, messages, "bevilling", "da", "bevilling", false);
  await explainsOnTap(citizen, messages, "bevilling", "da", "bevilling");
  await noScript.close();
  await phone.close();
});

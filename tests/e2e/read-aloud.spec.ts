import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { expectAccessible, expectNoHorizontalScroll } from "./support";
import { signInAs } from "./citizen";
import { DEMO_URL } from "./servers";

// Read-aloud (issue 16; docs/decisions/037-read-aloud.md). Nothing is stubbed: the controls follow
// what the browser itself reports in speechSynthesis.getVoices(). The suite's own browser is started
// without a speech service, so it has no voices; here a second Chromium is also started with
// speech-dispatcher (Debian's speech-dispatcher and espeak-ng, which .ci/run installs), and has voices
// where the machine has them. Each branch is asserted on what that browser says it has.

/** The voices on the device for a language, as the page's browser reports them, after it has had `waitMs` to find them. */
async function localVoices(page: Page, lang: string, waitMs: number): Promise<number> {
  await page.waitForFunction(() => speechSynthesis.getVoices().length > 0, null, { timeout: waitMs, polling: 250 }).catch(() => undefined); // none came: the answer is then none
  return page.evaluate(
    (base) => speechSynthesis.getVoices().filter((v) => v.localService && v.lang.toLowerCase().split(/[-_]/)[0] === base).length,
    lang,
  );
}

const readButtons = (page: Page) => page.getByRole("button", { name: /^Læs op: / });
const speaking = (page: Page) => page.evaluate(() => speechSynthesis.speaking);
/** The voice has gone quiet: paused where the voice can pause, stopped where it cannot (it starts that line again). */
const quiet = (page: Page) => page.evaluate(() => speechSynthesis.paused || !speechSynthesis.speaking);

/** Presses Tab until the control named `name` has the focus: it is reached by keyboard, in the page's order. */
async function tabTo(page: Page, name: string) {
  for (let i = 0; i < 80; i++) {
    await page.keyboard.press("Tab");
    if ((await page.evaluate(() => document.activeElement?.getAttribute("aria-label"))) === name) return;
  }
  throw new Error(`Tab never reached "${name}"`);
}

/** A Chromium of its own, speaking through a speech-dispatcher of its own when the machine has one (one browser per dispatcher: it does not serve a second). */
async function browserWithSpeech(launch: (socket: string | null) => Promise<Browser>) {
  const dispatcher = ["/usr/bin/speech-dispatcher", "/usr/local/bin/speech-dispatcher"].find((p) => fs.existsSync(p));
  let child: ChildProcess | null = null;
  let dir: string | null = null;
  let socket: string | null = null;
  if (dispatcher) {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "tio-speechd-"));
    socket = path.join(dir, "speechd.sock");
    child = spawn(dispatcher, ["--run-single", "-c", "unix_socket", "-S", socket, "-t", "0", "-L", dir], { stdio: "ignore" });
    for (let i = 0; i < 100 && !fs.existsSync(socket); i++) await new Promise((r) => setTimeout(r, 100));
  }
  const browser = await launch(socket);
  return {
    browser,
    async close() {
      await browser.close();
      child?.kill("SIGKILL");
      if (dir) fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

test.describe("read aloud", () => {
  test("a browser with no voice for the page's language shows no control: no button that does nothing", async ({ page }) => {
    await signInAs(page, /Inge Hansen/);
    await page.goto("/da/plan");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Inge Hansen");
    const danish = await localVoices(page, "da", 5_000);
    if (danish === 0) await expect(readButtons(page)).toHaveCount(0);
    else await expect(readButtons(page).first()).toBeVisible();
  });

  test("where the browser has a voice, each part of my plan and each message is read aloud, paused and stopped by keyboard", async ({
    playwright,
    launchOptions,
  }) => {
    test.setTimeout(180_000);
    const speech = await browserWithSpeech((socket) =>
      playwright.chromium.launch({
        ...launchOptions,
        args: [...(launchOptions.args ?? []), "--enable-speech-dispatcher"],
        env: { ...process.env, ...(socket ? { SPEECHD_ADDRESS: `unix_socket:${socket}` } : {}) },
      }),
    );
    try {
      const context = await speech.browser.newContext({
        baseURL: DEMO_URL,
        locale: "da-DK",
        timezoneId: "Europe/Copenhagen",
        viewport: { width: 320, height: 640 },
        isMobile: true,
        hasTouch: true,
      });
      const page = await context.newPage();
      await signInAs(page, /Inge Hansen/);
      await page.goto("/da/plan");
      await expect(page.getByRole("heading", { level: 1 })).toHaveText("Inge Hansen");
      // espeak-ng's thousands of voices take a while to come through speech-dispatcher the first time
      const danish = await localVoices(page, "da", 90_000);
      test.info().annotations.push({ type: "voices", description: `${danish} Danish voice(s) on the device` });
      if (danish === 0) {
        await expect(readButtons(page)).toHaveCount(0);
        return;
      }

      // one control for each section of the plan, and one for each message
      for (const heading of ["Det vigtigste for mig", "Mine mål nu", "Næste aftaler", "Mine mennesker", "Hjælp fra kommunen"])
        await expect(page.getByRole("button", { name: `Læs op: ${heading}`, exact: true })).toBeVisible();
      await expect(page.getByTestId("plan-messages").getByRole("button", { name: "Læs op: Besked fra Sara Holm" })).toBeVisible();

      // by keyboard: Tab to it, Enter reads, Enter pauses, Enter goes on, Stop ends it
      const matters = "Det vigtigste for mig";
      await tabTo(page, `Læs op: ${matters}`);
      await page.keyboard.press("Enter");
      await expect.poll(() => speaking(page)).toBe(true);
      await expect(page.getByRole("status").filter({ hasText: `Læser op: ${matters}.` })).toBeAttached();
      await expect(page.getByRole("button", { name: `Pause: ${matters}` })).toBeFocused();
      await expectAccessible(page);
      await expectNoHorizontalScroll(page);

      await page.keyboard.press("Enter");
      await expect.poll(() => quiet(page)).toBe(true);
      await expect(page.getByRole("button", { name: `Fortsæt: ${matters}` })).toBeFocused();
      await expect(page.getByRole("status").filter({ hasText: "Oplæsningen holder pause." })).toBeAttached();

      await page.keyboard.press("Enter");
      await expect.poll(() => speaking(page)).toBe(true);
      await page.keyboard.press("Tab");
      await expect(page.getByRole("button", { name: `Stop: ${matters}` })).toBeFocused();
      await page.keyboard.press("Enter");
      await expect.poll(() => speaking(page)).toBe(false);
      await expect(page.getByRole("button", { name: `Læs op: ${matters}` })).toBeFocused();
      await expect(page.getByRole("button", { name: /^Stop: / })).toHaveCount(0);

      // starting another section stops the first: one voice at a time
      await page.getByRole("button", { name: `Læs op: ${matters}` }).press("Enter");
      await expect.poll(() => speaking(page)).toBe(true);
      await page.getByRole("button", { name: "Læs op: Besked fra Sara Holm" }).press("Enter");
      await expect(page.getByRole("button", { name: `Læs op: ${matters}` })).toBeVisible();
      await expect(page.getByRole("button", { name: "Pause: Besked fra Sara Holm" })).toBeVisible();
      await expect(page.getByRole("button", { name: /^Stop: / })).toHaveCount(1);

      // leaving the page stops the reading
      await page.getByRole("link", { name: "Se og ret mine mål" }).first().click();
      await expect(page).toHaveURL(/\/da\/plan\/goals$/);
      await expect.poll(() => speaking(page)).toBe(false);

      // in Arabic, read in Arabic, where the browser has an Arabic voice
      await page.goto("/ar/plan");
      const arabic = await localVoices(page, "ar", 10_000);
      if (arabic === 0) await expect(page.getByRole("button", { name: /^اقرأ بصوت عالٍ: / })).toHaveCount(0);
      else await expect(page.getByRole("button", { name: /^اقرأ بصوت عالٍ: / }).first()).toBeVisible();
      await expectAccessible(page);
      await context.close();
    } finally {
      await speech.close();
    }
  });
});

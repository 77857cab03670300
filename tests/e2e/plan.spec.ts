import { expect, test, type Page } from "@playwright/test";
import { expectAccessible, expectNoHorizontalScroll, fillExactly, savedNote } from "./support";
import { newCitizenSignedIn, section, signInAs } from "./citizen";

// The citizen's own plan, on a phone.
test.use({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });

test.describe("my plan", () => {
  test("reads like a one-page profile: my words, goals, next agreements, my people, who holds the red thread", async ({ page }) => {
    await signInAs(page, /Inge Hansen/);
    await page.getByRole("link", { name: "Gå til min plan" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Inge Hansen");
    await expect(section(page, "Det vigtigste for mig")).toContainText("koret");
    await expect(section(page, "Mine mål nu")).toContainText("Gå de 800 meter til kirken uden rollator");
    await expect(section(page, "Mine mål nu")).toContainText("1 af 3 skridt er klaret");
    await expect(section(page, "Næste aftaler")).toContainText("Mette handler ind om lørdagen");
    await expect(section(page, "Næste aftaler")).toContainText("Datoen er gået. Det er helt i orden");
    await expect(section(page, "Mine mennesker")).toContainText("Solbjerg Seniorkor");
    await expect(page.getByTestId("coordinator")).toHaveText(/Sara Holm fra Ældre og pleje holder den røde tråd for dig/);
    await expect(section(page, "Hjælp fra kommunen")).toContainText("Hjælp til bad");
    await expectAccessible(page);
    await page.setViewportSize({ width: 320, height: 640 });
    await expectNoHorizontalScroll(page);
  });

  test("is only for the signed-in citizen", async ({ page }) => {
    await page.goto("/da/plan");
    await expect(page).toHaveURL(/\/da\/sign-in$/);
    await signInAs(page, /Sara Holm/);
    await page.goto("/da/plan");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Du har ikke en plan her");
  });
});

test.describe("my story, told once", () => {
  test("a section is saved on its own, in my own words, with a visible saved state", async ({ page }) => {
    await signInAs(page, /Inge Hansen/);
    await page.goto("/da/plan/story");
    await expectAccessible(page);
    const life = section(page, "Mit liv indtil nu");
    const words = `Jeg voksede op på en gård 🐄 ved Solbjerg. ${Date.now()}`;
    await life.getByLabel("Med dine egne ord").fill(words);
    await expect(life.getByText(`${words.length} af 4000 tegn`)).toBeVisible();
    await life.getByRole("button", { name: "Gem" }).click();
    await expect(savedNote(life)).toBeVisible();
    await page.reload();
    await expect(section(page, "Mit liv indtil nu").getByLabel("Med dine egne ord")).toHaveValue(words);
  });

  test("a draft survives a reload and a dropped connection, until it is saved", async ({ page, context }) => {
    await signInAs(page, /Inge Hansen/);
    await page.goto("/da/plan/story");
    const goodDay = () => section(page, "En god dag");
    await context.setOffline(true);
    const draft = `Kaffe i haven, og så koret ${Date.now()}`;
    await fillExactly(goodDay().getByLabel("Med dine egne ord"), draft);
    await goodDay().getByRole("button", { name: "Gem" }).click(); // the network is gone
    await expect(goodDay().getByRole("alert").filter({ hasText: "Du er offline. Din tekst er gemt på denne telefon." })).toBeVisible();
    await expect(goodDay().getByLabel("Med dine egne ord")).toHaveValue(draft);
    await context.setOffline(false);
    await page.reload();
    await expect(goodDay().getByText("Vi har fundet tekst, du ikke havde gemt")).toBeVisible();
    await expect(goodDay().getByLabel("Med dine egne ord")).toHaveValue(draft);
    await goodDay().getByRole("button", { name: "Gem" }).click();
    await expect(savedNote(goodDay())).toBeVisible();
    await page.reload();
    await expect(goodDay().getByText("Vi har fundet tekst, du ikke havde gemt")).toHaveCount(0);
    await expect(goodDay().getByLabel("Med dine egne ord")).toHaveValue(draft);
  });

  test("a draft stays with the person who wrote it: someone else signing in on the same browser never sees it", async ({
    page,
    context,
  }) => {
    await signInAs(page, /Inge Hansen/);
    await page.goto("/da/plan/story");
    const words = `Inges ord, ikke gemt ${Date.now()}`;
    await fillExactly(section(page, "Det er svært for mig").getByLabel("Med dine egne ord"), words);
    await page.reload();
    await expect(section(page, "Det er svært for mig").getByLabel("Med dine egne ord")).toHaveValue(words);
    // Inge walks away without signing out; her session ends, and Karl signs in on the same browser
    await context.clearCookies();
    await signInAs(page, /Karl Berg/);
    await page.goto("/da/plan/story");
    await expect(section(page, "Det er svært for mig").getByLabel("Med dine egne ord")).toHaveValue("");
    expect(await page.evaluate(() => Object.values(window.localStorage).join("\n"))).not.toContain(words);
  });

  test("two tabs: the second writer sees both versions and chooses; nothing is lost", async ({ page, context }) => {
    await signInAs(page, /Inge Hansen/);
    const other = await context.newPage();
    await page.goto("/da/plan/story");
    await other.goto("/da/plan/story");
    const hard = (p: Page) => section(p, "Det er svært for mig");

    const first = `Trapperne (fra tablet) ${Date.now()}`;
    await hard(page).getByLabel("Med dine egne ord").fill(first);
    await hard(page).getByRole("button", { name: "Gem" }).click();
    await expect(savedNote(hard(page))).toBeVisible();

    const second = `Badet (fra telefon) ${Date.now()}`;
    await hard(other).getByLabel("Med dine egne ord").fill(second);
    await hard(other).getByRole("button", { name: "Gem" }).click();
    const conflict = hard(other).getByRole("alert").filter({ hasText: "En anden har ændret dette afsnit" });
    await expect(conflict).toBeVisible();
    await expect(hard(other).getByTestId("conflict-mine")).toHaveText(second);
    await expect(hard(other).getByTestId("conflict-theirs")).toHaveText(first);
    await expectAccessible(other);
    await conflict.getByRole("button", { name: "Gem min tekst" }).click();
    await expect(savedNote(hard(other))).toBeVisible();

    await page.reload();
    await expect(hard(page).getByLabel("Med dine egne ord")).toHaveValue(second);
  });

  test("saving works without JavaScript", async ({ page, browser }) => {
    await signInAs(page, /Inge Hansen/);
    const noJs = await browser.newContext({ javaScriptEnabled: false, storageState: await page.context().storageState() });
    const p = await noJs.newPage();
    await p.goto("/da/plan/story");
    const support = section(p, "Sådan støtter du mig bedst");
    const words = `Ring på døren, og vent lidt. ${Date.now()}`;
    await support.getByLabel("Med dine egne ord").fill(words);
    await support.getByRole("button", { name: "Gem" }).click();
    await expect(section(p, "Sådan støtter du mig bedst").getByText("Gemt")).toBeVisible();
    await p.goto("/da/plan");
    await expect(section(p, "Sådan støtter du mig bedst")).toContainText(words);
    await noJs.close();
  });
});

test.describe("who has seen my plan", () => {
  test("says in plain words who read what and when, newest first, and filters by area", async ({ page }) => {
    await signInAs(page, /Inge Hansen/);
    await page.goto("/da/plan");
    // the pages that left the plan's home are under "Mere" in the citizen's navigation
    await page.getByRole("navigation", { name: "Mine sider" }).getByRole("link", { name: "Mere" }).click();
    await page.getByRole("link", { name: "Hvem har set min plan" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Hvem har set min plan");
    const log = page.getByTestId("access-log");
    const first = page.url();
    // newest first: other tests' visits to Inge's plan (her relatives' pages, say) come before the demo's
    // own entries, so the citizen pages back ("Ældre") until she finds each one, as she would
    const findInLog = async (text: string) => {
      await page.goto(first);
      for (let i = 0; i < 15 && (await log.getByText(text).count()) === 0; i++) {
        await page.getByRole("link", { name: "Ældre", exact: true }).click();
        await expect(page).toHaveURL(new RegExp(`page=${i + 2}`));
      }
      await expect(log).toContainText(text);
    };
    await findInLog("Sara Holm, medarbejder i Ældre og pleje, læste din historie.");
    await expect(log).toContainText("Du slap for at fortælle det igen.");
    await findInLog("Omar Aziz, medarbejder i Sundhed og genoptræning, læste dine mål.");
    await findInLog("Mette Hansen læste dine aftaler.");
    await page.goto(first);
    await expectAccessible(page);
    await page.getByLabel("Vis område").selectOption({ label: "Sundhed og genoptræning" });
    await page.getByRole("button", { name: "Vis", exact: true }).click();
    // only health's entries (other tests may have added some of theirs): Omar's, and none of Sara's or Mette's
    await expect(log).toContainText("Omar Aziz, medarbejder i Sundhed og genoptræning, læste dine mål.");
    await expect(log.getByRole("listitem").filter({ hasNotText: "Sundhed og genoptræning" })).toHaveCount(0);
    await expect(log).not.toContainText("Sara Holm");
  });
});

test.describe("how to contact me", () => {
  test("the citizen says how and when to be contacted; it is kept", async ({ page }) => {
    await signInAs(page, /Inge Hansen/);
    await page.goto("/da/plan");
    // the pages that left the plan's home are under "Mere" in the citizen's navigation
    await page.getByRole("navigation", { name: "Mine sider" }).getByRole("link", { name: "Mere" }).click();
    await page.getByRole("link", { name: "Sådan vil jeg kontaktes" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Sådan vil jeg kontaktes");
    // the seeded wishes
    await expect(page.getByRole("radio", { name: "Ring på døren, og vent lidt" })).toBeChecked();
    await page.getByRole("group", { name: "Hvordan vil du helst kontaktes?" }).getByRole("radio", { name: "SMS" }).check();
    await page.getByRole("group", { name: "Har du brug for tolk?" }).getByRole("radio", { name: "Ja, en tegnsprogstolk" }).check();
    const times = `Efter kl. 10 ${Date.now()}`;
    await page.getByLabel("Hvornår passer det dig?").fill(times);
    await page.getByRole("button", { name: "Gem" }).click();
    await expect(savedNote(page)).toBeVisible();
    await expectAccessible(page);
    await page.reload();
    await expect(page.getByRole("radio", { name: "SMS" })).toBeChecked();
    await expect(page.getByRole("radio", { name: "Ja, en tegnsprogstolk" })).toBeChecked();
    await expect(page.getByLabel("Hvornår passer det dig?")).toHaveValue(times);
  });

  test("a save refused because another tab saved first keeps what I wrote on the screen", async ({ page, context }) => {
    await signInAs(page, /Inge Hansen/);
    const other = await context.newPage();
    await page.goto("/da/plan/contact");
    await other.goto("/da/plan/contact");
    await page.getByLabel("Hvornår passer det dig?").fill(`Om formiddagen ${Date.now()}`);
    await page.getByRole("button", { name: "Gem" }).click();
    await expect(savedNote(page)).toBeVisible();

    const mine = `Efter frokost ${Date.now()}`;
    await other.getByLabel("Hvornår passer det dig?").fill(mine);
    await other.getByRole("group", { name: "Hvordan vil du helst kontaktes?" }).getByRole("radio", { name: "Brev" }).check();
    await other.getByRole("button", { name: "Gem" }).click();
    await expect(other.getByRole("alert").filter({ hasText: "En anden har ændret dette, mens du skrev" })).toBeVisible();
    await expect(other.getByLabel("Hvornår passer det dig?")).toHaveValue(mine);
    await expect(other.getByRole("group", { name: "Hvordan vil du helst kontaktes?" }).getByRole("radio", { name: "Brev" })).toBeChecked();
    await expectAccessible(other);
    // pressing Gem again saves what I wrote, by my choice
    await other.getByRole("button", { name: "Gem" }).click();
    await expect(savedNote(other)).toBeVisible();
    await page.reload();
    await expect(page.getByLabel("Hvornår passer det dig?")).toHaveValue(mine);
  });
});

test.describe("the first visit", () => {
  test("a few gentle questions, each skippable, fill the first sections of the story", async ({ page }) => {
    await newCitizenSignedIn(page);
    await page.goto("/da/plan");
    await expect(page.getByRole("heading", { name: "Kom godt i gang" })).toBeVisible();
    await page.getByRole("link", { name: "Begynd her" }).click();

    await expect(page.getByText("Spørgsmål 1 af 4")).toBeVisible();
    await expectAccessible(page);
    await page.getByLabel("Fortæl lidt om dig selv").fill("Jeg hedder Ny og bor i Solbjerg.");
    await page.getByRole("button", { name: "Gem og gå videre" }).click();

    await expect(page.getByText("Spørgsmål 2 af 4")).toBeVisible();
    await page.getByRole("link", { name: "Spring over" }).click();

    await expect(page.getByText("Spørgsmål 3 af 4")).toBeVisible();
    await page.getByLabel("Hvad er svært for dig lige nu?").fill("At handle ind.");
    await page.getByRole("button", { name: "Gem og gå videre" }).click();

    await expect(page.getByText("Spørgsmål 4 af 4")).toBeVisible();
    await page.getByRole("link", { name: "Spring over" }).click();

    await expect(page).toHaveURL(/\/da\/plan$/);
    await expect(section(page, "Om mig")).toContainText("Jeg hedder Ny og bor i Solbjerg.");
    await expect(section(page, "Det er svært for mig")).toContainText("At handle ind.");
    await expect(section(page, "Det vigtigste for mig")).toContainText("Du har ikke skrevet noget her endnu.");
    await expect(page.getByRole("heading", { name: "Kom godt i gang" })).toHaveCount(0);
  });
});

test.describe("settings", () => {
  test("the citizen chooses a language and easy-read wording", async ({ page }) => {
    await signInAs(page, /Inge Hansen/);
    await page.goto("/da/plan");
    // the pages that left the plan's home are under "Mere" in the citizen's navigation
    await page.getByRole("navigation", { name: "Mine sider" }).getByRole("link", { name: "Mere" }).click();
    await page.getByRole("link", { name: "Indstillinger" }).click();
    await expectAccessible(page);
    await page.getByRole("radio", { name: "English" }).check();
    await page.getByRole("checkbox", { name: "Brug let sprog" }).check();
    await page.getByRole("button", { name: "Gem" }).click();
    await expect(page).toHaveURL(/\/en\/plan\/settings\?saved=1$/);
    await expect(page.getByRole("status")).toHaveText("Saved.");
    await expect(page.getByRole("checkbox", { name: "Use easy-read language" })).toBeChecked();
    // and back, so the demo stays Danish
    await page.getByRole("radio", { name: "Dansk" }).check();
    await page.getByRole("checkbox", { name: "Use easy-read language" }).uncheck();
    await page.getByRole("button", { name: "Save" }).click();
    await expect(page).toHaveURL(/\/da\/plan\/settings\?saved=1$/);
  });
});

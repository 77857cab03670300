import { expect, test, type Browser, type Locator, type Page } from "@playwright/test";
import { expectAccessible, expectNoHorizontalScroll } from "./support";
import { coordinatedBySara, newCitizenSignedIn, onDemoDb, SARA, section, signInAs } from "./citizen";

// The red thread and "I am unsure, contact me", from both sides: a citizen on
// a phone asks to be contacted; Sara, who coordinates, sees the deadline on her
// list and answers by writing down the agreement, which the citizen sees; then
// Sara offers the red thread to Lene, it stays pending (and the citizen is
// told), and it changes hands only when Lene has read the plan and accepts.

async function phoneCitizen(browser: Browser, name: string) {
  const phone = await browser.newContext({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });
  const page = await phone.newPage();
  const citizenId = await newCitizenSignedIn(page, name);
  await coordinatedBySara(citizenId);
  return { page, citizenId };
}

test("contact me: asked on the phone, seen with its deadline, answered and closed with an agreement the citizen sees", async ({
  page,
  browser,
}) => {
  test.setTimeout(180_000);
  const name = `Poul Vestergaard ${Date.now() % 100_000}`;
  const { page: citizen } = await phoneCitizen(browser, name);

  await citizen.goto("/da/plan");
  await section(citizen, "Er du i tvivl om noget?").getByRole("link", { name: "Jeg er i tvivl – kontakt mig" }).click();
  await expect(citizen.getByRole("heading", { level: 1 })).toHaveText("Kontakt mig");
  await expectAccessible(citizen);
  await expectNoHorizontalScroll(citizen);
  await citizen.getByLabel("Hvad er du i tvivl om? (valgfrit)").fill("Jeg forstår ikke brevet om hjemmehjælp.");
  await citizen.getByRole("radio", { name: "Opkald" }).check();
  await citizen.getByRole("button", { name: "Kontakt mig" }).click();
  await expect(citizen.getByTestId("contact-open")).toContainText("Sara Holm kontakter dig senest");
  await expectAccessible(citizen);
  await citizen.goto("/da/plan");
  await expect(citizen.getByTestId("unsure")).toContainText("Sara Holm kontakter dig senest");

  // Sara sees it waiting, with its deadline
  await page.setViewportSize({ width: 1280, height: 900 });
  await signInAs(page, /Sara Holm/);
  await page.goto("/da/staff");
  const waiting = page.getByTestId("contact-requests").getByRole("listitem").filter({ hasText: name });
  await expect(waiting).toContainText("svar senest");
  await expectAccessible(page);
  await waiting.getByRole("link", { name }).click();
  const request = page.getByTestId("contact-request");
  await expect(request).toContainText("Svar senest");
  await expect(request).toContainText("Jeg forstår ikke brevet om hjemmehjælp.");
  await expect(request).toContainText("Helst: Opkald");
  await expectAccessible(page);

  // it is closed only by writing down the agreement; an empty one is refused
  await request.getByRole("button", { name: "Gem aftalen og luk henvendelsen" }).click();
  await expect(page.getByRole("heading", { name: "Der er noget, du skal rette" })).toBeVisible();
  await request.getByLabel("Hvad aftalte I?").fill("Sara ringer i morgen kl. 10 og gennemgår brevet med dig.");
  await request.getByRole("button", { name: "Gem aftalen og luk henvendelsen" }).click();
  await expect(page.getByTestId("contact-request")).toContainText("besvaret");
  await expect(page.getByTestId("contact-request")).toContainText("Ingen åbne henvendelser.");
  await page.goto("/da/staff");
  await expect(page.getByTestId("work-list")).not.toContainText(name);

  // the citizen sees what was agreed
  await citizen.goto("/da/plan/contact-request");
  await expect(citizen.getByTestId("contact-answered")).toContainText("Sara ringer i morgen kl. 10 og gennemgår brevet med dig.");
  await citizen.goto("/da/plan/agreements");
  await expect(citizen.getByTestId("agreement").filter({ hasText: "Sara ringer i morgen kl. 10" })).toBeVisible();
  await citizen.context().close();
});

test("the red thread: offered to a named colleague, pending (the citizen is told), then accepted once the plan is read", async ({
  page,
  browser,
}) => {
  test.setTimeout(180_000);
  const name = `Ruth Kjær ${Date.now() % 100_000}`;
  const { page: citizen } = await phoneCitizen(browser, name);

  await page.setViewportSize({ width: 1280, height: 900 });
  await signInAs(page, /Sara Holm/);
  await page.goto("/da/staff");
  await page.getByTestId("caseload").getByRole("link", { name }).click();
  const thread = page.getByTestId("red-thread");
  await expect(thread).toContainText("Du har den røde tråd for borgeren.");
  await thread.getByLabel("Hvem skal overtage?").selectOption({ label: "Lene Dahl (Ældre og pleje)" });
  await thread.getByLabel("Besked til kollegaen (valgfri)").fill("Ruth vil helst ringes op om formiddagen.");
  await expectAccessible(page);
  await thread.getByRole("button", { name: "Tilbyd den røde tråd" }).click();
  await expect(page.getByTestId("handover-pending")).toContainText(
    "Sara Holm har tilbudt den røde tråd til Lene Dahl. Sara Holm har den, indtil Lene Dahl siger ja.",
  );
  await expectAccessible(page);

  // pending: the citizen is told in plain words, and Sara still holds it
  await citizen.goto("/da/plan");
  await expect(citizen.getByTestId("coordinator")).toContainText("Sara Holm");
  await expect(citizen.getByTestId("handover-pending")).toContainText(
    "Sara Holm har spurgt Lene Dahl, om Lene Dahl vil overtage den røde tråd.",
  );

  // Lene finds it on her list, reads the plan, and must say she has before she can accept
  const lene = await (await browser.newContext({ viewport: { width: 1024, height: 800 } })).newPage();
  await signInAs(lene, /Lene Dahl/);
  await lene.goto("/da/staff");
  const offered = lene.getByTestId("handovers-to-me").getByRole("listitem").filter({ hasText: name });
  await expect(offered).toContainText("tilbudt af Sara Holm");
  await expectAccessible(lene);
  await offered.getByRole("link", { name }).click();
  await expect(lene.getByTestId("handover-pending")).toContainText("Sara Holm vil give dig den røde tråd.");
  await expect(lene.getByTestId("handover-pending")).toContainText("Ruth vil helst ringes op om formiddagen.");
  await expectAccessible(lene);
  await lene.getByRole("button", { name: "Ja, jeg tager den røde tråd" }).click();
  await expect(lene.getByTestId("handover-pending")).toContainText("Læs planen, og sæt kryds, før du siger ja.");
  await lene.getByRole("checkbox", { name: "Jeg har læst borgerens plan" }).check();
  await lene.getByRole("button", { name: "Ja, jeg tager den røde tråd" }).click();
  await expect(lene.getByTestId("red-thread")).toContainText("Du har den røde tråd for borgeren.");
  await expect(lene.getByTestId("handover-pending")).toHaveCount(0);

  // the citizen and Sara see who holds it now
  await citizen.goto("/da/plan");
  await expect(citizen.getByTestId("coordinator")).toContainText("Lene Dahl");
  await expect(citizen.getByTestId("handover-pending")).toHaveCount(0);
  await page.reload();
  await expect(page.getByTestId("red-thread")).toContainText("Lene Dahl fra Ældre og pleje holder den røde tråd.");
  await lene.context().close();
  await citizen.context().close();
});

test("a message and a proposed step from the area: the citizen reads one and says yes to the other", async ({ page, browser }) => {
  test.setTimeout(180_000);
  const name = `Erik Holm ${Date.now() % 100_000}`;
  const { page: citizen, citizenId } = await phoneCitizen(browser, name);
  const goalId = await onDemoDb(
    async (c) =>
      (
        await c.query<{ id: string }>(
          `INSERT INTO "Goal" (id, "citizenId", title, "updatedAt") VALUES (gen_random_uuid(), $1, 'Handle selv ind', now()) RETURNING id`,
          [citizenId],
        )
      ).rows[0]!.id,
  );

  await page.setViewportSize({ width: 1280, height: 900 });
  await signInAs(page, /Sara Holm/);
  await page.goto(`/da/staff/citizens/${citizenId}`);
  const goals = section(page, "Borgerens mål");
  await goals.getByLabel("Foreslå et skridt mod: Handle selv ind").fill("Gå en tur til Netto med en hjælper om tirsdagen");
  await goals.getByRole("button", { name: "Foreslå skridtet" }).click();
  await expect(goals.getByRole("status").filter({ hasText: "Forslaget er sendt til borgeren." })).toBeVisible();
  const messages = section(page, "Beskeder til borgeren");
  await messages.getByLabel("Besked", { exact: true }).fill("Hej Erik. Hjælperen hedder Ali og kommer tirsdag kl. 10.");
  await messages.getByRole("button", { name: "Send beskeden" }).click();
  await expect(page.getByTestId("messages")).toContainText("Hjælperen hedder Ali");
  await expectAccessible(page);

  await citizen.goto("/da/plan");
  await expect(citizen.getByTestId("plan-messages")).toContainText("Hej Erik. Hjælperen hedder Ali og kommer tirsdag kl. 10.");
  await expect(citizen.getByTestId("plan-messages")).toContainText("Sara Holm");
  await citizen.goto(`/da/plan/goals/${goalId}`);
  const proposals = citizen.getByTestId("proposals");
  await expect(proposals).toContainText("Gå en tur til Netto med en hjælper om tirsdagen");
  await expect(proposals).toContainText("foreslået af Ældre og pleje");
  await expectAccessible(citizen);
  await proposals.getByRole("button", { name: "Ja, tag det med" }).click();
  await expect(citizen.getByText("Skridtet er med i dit mål.")).toBeVisible();
  await expect(citizen.getByTestId("proposals")).toHaveCount(0);
  await expect(section(citizen, "Skridt på vejen")).toContainText("Gå en tur til Netto med en hjælper om tirsdagen");
  await citizen.context().close();
});

test("contact me, when no area may see requests yet: said plainly, with the way to give permission", async ({ browser }) => {
  const phone = await browser.newContext({ viewport: { width: 320, height: 700 }, isMobile: true, hasTouch: true });
  const citizen = await phone.newPage();
  await newCitizenSignedIn(citizen, `Inga Lund ${Date.now() % 100_000}`);
  await citizen.goto("/da/plan/contact-request");
  await expect(citizen.getByTestId("nobody-can-answer")).toContainText("Ingen i kommunen har lov til at se dine henvendelser endnu.");
  await expect(citizen.getByRole("button", { name: "Kontakt mig" })).toHaveCount(0);
  await expectAccessible(citizen);
  await expectNoHorizontalScroll(citizen);
  await citizen.getByRole("link", { name: "Gå til Kommunens adgang til min plan" }).click();
  await expect(citizen).toHaveURL(/\/da\/plan\/consents$/);
  await phone.close();
});

test("the caseworker's pages and 'contact me' in English: translated, and axe finds nothing", async ({ page, browser }) => {
  test.setTimeout(120_000);
  const name = `Olga Berg ${Date.now() % 100_000}`;
  const { page: citizen, citizenId } = await phoneCitizen(browser, name);
  await citizen.goto("/en/plan/contact-request");
  await expect(citizen.getByRole("heading", { level: 1 })).toHaveText("Contact me");
  await expect(citizen.getByRole("group", { name: "How would you like to be contacted?" })).toBeVisible();
  await expectAccessible(citizen);
  await citizen.context().close();

  await page.setViewportSize({ width: 1280, height: 900 });
  await signInAs(page, /Sara Holm/);
  await page.goto("/en/staff");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("My citizens");
  await expect(page.getByRole("heading", { level: 2, name: "Waiting for you" })).toBeVisible();
  await expectAccessible(page);
  await page.goto(`/en/staff/citizens/${citizenId}`);
  await expect(page.getByTestId("red-thread")).toContainText("You hold the red thread for this citizen.");
  await expect(page.getByRole("heading", { level: 2, name: "Messages to the citizen" })).toBeVisible();
  await expectAccessible(page);
  await page.goto("/en/staff/team");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("My team");
  await expectAccessible(page);
});

/** Presses Tab until `target` has the focus, as someone without a mouse would. */
async function tabTo(page: Page, target: Locator) {
  for (let i = 0; i < 60; i++) {
    if (await target.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press("Tab");
  }
  throw new Error("never reached by Tab");
}

test("by keyboard alone: the citizen asks to be contacted, and Lene accepts the red thread", async ({ page, browser }) => {
  test.setTimeout(180_000);
  const name = `Knud Juhl ${Date.now() % 100_000}`;
  const { page: citizen, citizenId } = await phoneCitizen(browser, name);
  await citizen.goto("/da/plan/contact-request");
  await tabTo(citizen, citizen.getByLabel("Hvad er du i tvivl om? (valgfrit)"));
  await citizen.keyboard.type("Hvornår kommer hjælperen?");
  await tabTo(citizen, citizen.getByRole("button", { name: "Kontakt mig" }));
  await citizen.keyboard.press("Enter");
  await expect(citizen.getByTestId("contact-open")).toContainText("Sara Holm kontakter dig senest");
  await citizen.context().close();

  // Sara offers (arranged directly), Lene answers by keyboard
  await onDemoDb((c) =>
    c.query(
      `INSERT INTO "Handover" (id, "citizenId", "fromStaffId", "toStaffId")
       SELECT gen_random_uuid(), $1, f.id, t.id FROM "StaffMember" f JOIN "user" fu ON fu.id = f."userId", "StaffMember" t JOIN "user" tu ON tu.id = t."userId"
       WHERE fu.email = $2 AND tu.email = 'lene.dahl@solbjerg.dk'`,
      [citizenId, SARA],
    ),
  );
  await signInAs(page, /Lene Dahl/);
  await page.goto(`/da/staff/citizens/${citizenId}`);
  await tabTo(page, page.getByRole("checkbox", { name: "Jeg har læst borgerens plan" }));
  await page.keyboard.press("Space");
  await tabTo(page, page.getByRole("button", { name: "Ja, jeg tager den røde tråd" }));
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("red-thread")).toContainText("Du har den røde tråd for borgeren.");
});

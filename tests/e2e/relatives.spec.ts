import { expect, test, type Page } from "@playwright/test";
import { randomBytes } from "node:crypto";
import { expectAccessible, savedNote } from "./support";
import { newCitizenSignedIn, section, signInByEmail } from "./citizen";

// A relative joins by an invite link, sees exactly what the citizen allows, adds
// what they may, has a space of their own; the citizen narrows and then ends it.
// Two browser contexts: the citizen's phone and the relative's.
test.use({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });

/** The citizen invites someone new from the relatives page; returns the link shown once. */
async function invite(page: Page, name: string, permissions: string[]) {
  await page.goto("/da/plan/relatives");
  await page.getByLabel("Hvem vil du invitere?").selectOption({ label: "En ny person" });
  await page.getByLabel("Navn", { exact: true }).fill(name);
  await page.getByLabel("Hvem er det for dig? (kan udelades)").fill("Datter");
  const group = page.getByRole("group", { name: "Hvad må de se og gøre?" });
  for (const box of await group.getByRole("checkbox").all()) await box.uncheck();
  for (const p of permissions) await group.getByRole("checkbox", { name: p }).check();
  await page.getByRole("button", { name: "Lav invitationen" }).click();
  const shown = page.getByTestId("invite-link");
  await expect(shown).toContainText("Invitationen er klar");
  await expect(shown.getByRole("img", { name: /QR-kode/ })).toBeVisible();
  return page.getByLabel("Linket").inputValue();
}

test("invite, join, see exactly what is allowed, add an agreement; the citizen narrows, then ends it", async ({ page, browser }) => {
  test.setTimeout(180_000);
  await newCitizenSignedIn(page, "Hanne Holm");
  await page.goto("/da/plan/story");
  await section(page, "Om mig").getByLabel("Med dine egne ord").fill("Jeg er Hanne, og jeg elsker at strikke.");
  await section(page, "Om mig").getByRole("button", { name: "Gem" }).click();
  await expect(savedNote(section(page, "Om mig"))).toBeVisible();

  const link = await invite(page, "Sofie", ["Se min historie", "Se mine mål og aftaler", "Skrive aftaler ind"]);
  expect(link).toMatch(/\/da\/invite\/[A-Za-z0-9_-]{43}$/);
  await expectAccessible(page);
  await page.goto("/da/plan/relatives");
  await expect(page.getByTestId("invitation").filter({ hasText: "Sofie" })).toContainText("venter");

  // the relative's phone: the token leaves the address bar, and no referrer leaves the page
  const relative = await browser.newContext({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });
  const r = await relative.newPage();
  const landing = await r.goto(link);
  await expect(r).toHaveURL(/\/da\/invite$/);
  expect(landing?.headers()["referrer-policy"]).toBe("no-referrer");
  await expect(r.getByRole("heading", { level: 1 })).toHaveText("Hanne vil gerne dele sin plan med dig");
  await expectAccessible(r);
  await r.getByRole("link", { name: "Log ind" }).click();
  await signInByEmail(r, `sofie-${Date.now()}@example.test`);
  await r.getByRole("link", { name: "Se invitationen" }).click();
  await r.getByRole("button", { name: "Ja tak, jeg vil gerne følge Hannes plan" }).click();
  await expect(r).toHaveURL(/\/da\/relative\/[0-9a-f-]{36}\?notice=joined$/);
  const sharedPlan = r.url().split("?")[0]!;

  // exactly what is allowed, and a note of what is shared and by whom
  await expect(r.getByRole("heading", { level: 1 })).toHaveText("Hanne Holms plan");
  await expect(r.getByTestId("shared-note")).toContainText("Hanne deler dette med dig:");
  await expect(r.getByTestId("shared-note")).toContainText("sin historie");
  await expect(r.getByText("Jeg er Hanne, og jeg elsker at strikke.")).toBeVisible();
  await expect(r.getByRole("heading", { name: "Aftaler", exact: true })).toBeVisible();
  await expect(r.getByRole("heading", { name: "Hanne Holms mennesker" })).toHaveCount(0); // not shared
  await expect(r.getByRole("heading", { name: /Sådan vil .* kontaktes/ })).toHaveCount(0); // not shared
  await expectAccessible(r);

  // the relative adds an agreement; the citizen sees it, marked as the relative's
  await r.getByLabel("Hvad har I aftalt?").fill("Jeg henter garn til Hanne fredag");
  await r.getByRole("button", { name: "Tilføj aftalen" }).click();
  await expect(r.getByRole("status").filter({ hasText: "Aftalen er tilføjet" })).toBeVisible();
  await page.goto("/da/plan/agreements");
  const added = section(page, "Aftaler, der er i gang").getByTestId("agreement").filter({ hasText: "Jeg henter garn til Hanne fredag" });
  await expect(added).toContainText("Skrevet af Sofie, pårørende");
  await page.goto("/da/plan");
  await expect(section(page, "Nyt siden sidst, du var her")).toHaveCount(0); // a first visit: nothing is "new" yet

  // her own space: not helping much right now, and she needs a breathing space; shared with Hanne
  await r.getByRole("link", { name: "Dit eget sted: hvordan du vil hjælpe, og hvordan du har det" }).click();
  await expectAccessible(r);
  await r.getByRole("radio", { name: "Jeg kan hjælpe lidt" }).check();
  await r.getByLabel("Hvad kan du, og hvornår? (kan udelades)").fill("Lørdage, og en snak i telefonen om aftenen");
  await r.getByRole("checkbox", { name: "Et pusterum – en pause fra at hjælpe" }).check();
  await r.getByRole("checkbox", { name: "Hanne", exact: true }).check();
  await r.getByRole("button", { name: "Gem", exact: true }).first().click();
  await expect(savedNote(r)).toBeVisible();
  await r.getByRole("radio", { name: "Det er svært" }).check();
  await r.getByLabel("Et par ord (kan udelades)").fill("Travl uge på arbejdet");
  await r.getByRole("button", { name: "Gem", exact: true }).last().click();
  await expect(r.getByTestId("check-ins")).toContainText("Det er svært");

  await page.goto("/da/plan/relatives");
  const sofie = page.getByTestId("relative").filter({ hasText: "Sofie" });
  await expect(sofie.getByTestId("relative-space")).toContainText("Kan hjælpe lidt.");
  await expect(sofie.getByTestId("relative-space")).toContainText("Har brug for et pusterum");
  await expect(sofie.getByTestId("relative-space")).toContainText("har det svært");
  await expect(sofie).toContainText("Har skrevet én aftale");
  await expectAccessible(page);

  // the citizen narrows: no more story; the relative's next click shows it
  await sofie.getByRole("checkbox", { name: "Se min historie" }).uncheck();
  await sofie.getByRole("button", { name: "Gem, hvad Sofie må" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Det er gemt." })).toBeVisible();
  await r.goto(sharedPlan);
  await expect(r.getByTestId("shared-note")).not.toContainText("sin historie");
  await expect(r.getByText("Jeg er Hanne, og jeg elsker at strikke.")).toHaveCount(0);
  await expect(r.getByRole("heading", { name: "Aftaler", exact: true })).toBeVisible();

  // the citizen ends it: the relative's very next click says so, kindly
  await page.getByTestId("relative").filter({ hasText: "Sofie" }).getByRole("button", { name: "Stop Sofies adgang" }).click();
  await expect(page.getByText("Ingen pårørende kan se din plan endnu.")).toBeVisible();
  await r.getByRole("link", { name: "Dit eget sted: hvordan du vil hjælpe, og hvordan du har det" }).click();
  await expect(r.getByTestId("no-longer-shared")).toContainText("Hanne deler ikke sin plan med dig længere");
  await expectAccessible(r);
  await r.goto(sharedPlan);
  await expect(r.getByTestId("no-longer-shared")).toBeVisible();
  await r.goto("/da/me");
  await expect(r.getByTestId("shared-with-me")).toHaveCount(0);
  await relative.close();
});

test("the wrong person opens the link: the citizen is told, sees who really joined, and ends it in one tap", async ({ page, browser }) => {
  test.setTimeout(120_000);
  await newCitizenSignedIn(page, "Lone Lund");
  const link = await invite(page, "Mette", ["Se min historie"]);

  // the link reaches someone else, who signs in with their own address and accepts
  const other = await browser.newContext({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });
  const o = await other.newPage();
  await o.goto(link);
  await o.getByRole("link", { name: "Log ind" }).click();
  const address = `not-mette-${Date.now()}@example.test`;
  await signInByEmail(o, address);
  await o.getByRole("link", { name: "Se invitationen" }).click();
  await o.getByRole("button", { name: "Ja tak, jeg vil gerne følge Lones plan" }).click();
  await expect(o).toHaveURL(/\/da\/relative\/[0-9a-f-]{36}\?notice=joined$/);
  const sharedPlan = o.url().split("?")[0]!;

  // the citizen is told at once; the message leads straight to who joined, with the way to end it
  await page.goto("/da/plan");
  await page
    .getByTestId("for-you-item")
    .getByRole("link", { name: /Nogen har brugt et link, du har sendt/ })
    .click();
  await expect(page).toHaveURL(/\/da\/plan\/relatives\?joined=[0-9a-f-]{36}$/);
  const joined = page.getByRole("region", { name: "Mette har brugt dit link" });
  await expect(joined).toContainText(`Logget ind med e-mailen ${address}.`);
  await expectAccessible(page);
  // the same on the card, beside the name Lone gave
  await expect(page.getByTestId("relative").filter({ hasText: "Mette" })).toContainText(`Logget ind med e-mailen ${address}.`);
  await joined.getByRole("button", { name: "Det er ikke Mette – stop adgangen" }).click();
  await expect(page.getByText("Ingen pårørende kan se din plan endnu.")).toBeVisible();

  // their very next click shows nothing of Lone's plan, and the used link does not bring it back
  await o.goto(sharedPlan);
  await expect(o.getByTestId("no-longer-shared")).toBeVisible();
  await o.goto(link);
  await expect(o.getByRole("heading", { level: 1 })).toHaveText("Linket virker ikke");
  await other.close();
});

test("a link that does not work says so the same way, whatever the reason; a used link cannot be used again", async ({ page, browser }) => {
  await newCitizenSignedIn(page, "Ib Lund");
  const link = await invite(page, "Ole", ["Se mine mål og aftaler"]);

  const other = await browser.newContext();
  const o = await other.newPage();
  // a made-up token, and a malformed one
  for (const bad of [`/da/invite/${randomBytes(32).toString("base64url")}`, "/da/invite/not-a-token"]) {
    await o.goto(bad);
    await expect(o).toHaveURL(/\/da\/invite$/);
    await expect(o.getByRole("heading", { level: 1 })).toHaveText("Linket virker ikke");
  }
  await expectAccessible(o);

  // the real one, used once...
  await o.goto(link);
  await o.getByRole("link", { name: "Log ind" }).click();
  await signInByEmail(o, `ole-${Date.now()}@example.test`);
  await o.goto("/da/invite");
  await o.getByRole("button", { name: "Ja tak, jeg vil gerne følge Ibs plan" }).click();
  await expect(o).toHaveURL(/\/da\/relative\//);
  const shared = new URL(o.url()).pathname.replace("/da/", "/en/");
  await o.goto("/da/me");
  await expect(o.getByTestId("shared-with-me")).toContainText("Ib Lunds plan");
  await expectAccessible(o);
  await o.goto(shared);
  await expect(o.getByRole("heading", { level: 1 })).toHaveText("Ib Lund's plan");
  await expect(o.getByTestId("shared-note")).toContainText("their goals and agreements");
  await expectAccessible(o);
  // ...is used up, for anyone
  const third = await browser.newContext();
  const t = await third.newPage();
  await t.goto(link);
  await expect(t.getByRole("heading", { level: 1 })).toHaveText("Linket virker ikke");

  // a withdrawn invitation does not work either
  const withdrawn = await invite(page, "Kaj", ["Se min historie"]);
  await page.goto("/da/plan/relatives");
  await page.getByRole("button", { name: "Træk tilbage: invitationen til Kaj" }).click();
  await expect(page.getByTestId("invitation").filter({ hasText: "Kaj" })).toContainText("trukket tilbage");
  await t.goto(withdrawn);
  await expect(t.getByRole("heading", { level: 1 })).toHaveText("Linket virker ikke");
  await other.close();
  await third.close();
});

import { expect, test, type Page } from "@playwright/test";
import { expectAccessible, expectNoHorizontalScroll, savedNote } from "./support";
import { coordinatedBySara, newCitizenSignedIn, onDemoDb, SARA, section, signInAs, signInByEmail } from "./citizen";
import { pdfText } from "../support/pdf-text";

// No one left out (issue 14): what the citizen told once is in front of the caseworker (contact wishes, their
// people), the plan exists on paper for both (the citizen's print, the caseworker's letter with a QR code), the red
// thread has a direct line, and a relative the citizen allows asks the coordinator to get in touch.

/** The PDF behind a print link, as the signed-in person gets it, with its text. */
async function printed(page: Page, testId: string) {
  const href = await page.getByTestId(testId).getAttribute("href");
  const response = await page.request.get(href!);
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toBe("application/pdf");
  expect(response.headers()["cache-control"]).toContain("no-store");
  return pdfText(Buffer.from(await response.body()));
}

test("told once: the caseworker sees the contact wishes and the people; the plan is printed by both", async ({ page, browser }) => {
  test.setTimeout(180_000);
  const name = `Inger Dahl ${Date.now() % 100_000}`;
  const phone = await browser.newContext({ viewport: { width: 320, height: 700 }, isMobile: true, hasTouch: true });
  const citizen = await phone.newPage();
  const citizenId = await newCitizenSignedIn(citizen, name);
  await coordinatedBySara(citizenId);

  // the citizen says how to be contacted, once, and sees truthfully who can see it
  await citizen.goto("/da/plan/contact");
  await citizen
    .getByRole("group", { name: "Når nogen kommer på besøg" })
    .getByRole("radio", { name: "Ring på døren, og vent lidt" })
    .check();
  await citizen.getByLabel("Er der nogen, du gerne vil have med?").fill("Min søn Jens");
  await citizen.getByRole("button", { name: "Gem" }).click();
  await expect(savedNote(citizen)).toBeVisible();
  await expect(citizen.getByTestId("who-sees")).toContainText("Ældre og pleje, til du siger stop");
  await expectAccessible(citizen);
  await expectNoHorizontalScroll(citizen);
  await citizen.goto("/da/plan/network");
  await citizen.getByLabel("Navn", { exact: true }).fill("Jens");
  await citizen.getByLabel("Hvem er det for dig? (kan udelades)").fill("søn");
  await citizen.getByLabel("Hvad hjælper de med? (kan udelades)").fill("Kører mig til lægen");
  await citizen.getByRole("button", { name: "Tilføj" }).click();
  await expect(citizen.getByTestId("person").filter({ hasText: "Jens" })).toBeVisible();
  await expect(citizen.getByTestId("who-sees")).toContainText("Ældre og pleje");

  // the citizen's own print: their people and how to reach the red thread, on one page
  await citizen.goto("/da/plan");
  const mine = await printed(citizen, "print-plan");
  expect(mine.pages).toBe(1);
  expect(mine.text).toContain(`${name}s plan`);
  expect(mine.text).toContain("Jens (søn)");
  expect(mine.text).toContain("Sara Holm fra Ældre og pleje holder den røde tråd for dig");
  expect(mine.text).toContain("89 40 12 34");
  // and on the screen, the direct line to tap
  await expect(citizen.getByTestId("coordinator-line").getByRole("link", { name: "89 40 12 34" })).toHaveAttribute(
    "href",
    "tel:+4589401234",
  );

  // Sara reads it instead of asking again, and prints the letter for the citizen
  await signInAs(page, /Sara Holm/);
  await page.goto(`/da/staff/citizens/${citizenId}`);
  await expect(section(page, "Sådan vil borgeren kontaktes")).toContainText("Ved besøg: Ring på og vent lidt");
  await expect(section(page, "Sådan vil borgeren kontaktes")).toContainText("Gerne med: Min søn Jens");
  await expect(page.getByTestId("staff-network")).toContainText("Hjælper med: Kører mig til lægen");
  await expectAccessible(page);
  const letter = await printed(page, "print-letter");
  expect(letter.pages).toBeLessThanOrEqual(2);
  expect(letter.text).toContain(`Kære ${name}`);
  expect(letter.text).toContain("Sara Holm har udskrevet den til dig");
  expect(letter.text).toContain("/da/sign-in");
  await phone.close();
});

test("a caseworker's direct line: written on the staff profile, checked, by keyboard at 320 px", async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 700 });
  await signInAs(page, /Omar/);
  await page.goto("/da/staff");
  await page.getByRole("link", { name: "Mit direkte telefonnummer" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Mit direkte telefonnummer");
  await expectAccessible(page);
  await expectNoHorizontalScroll(page);
  await page.getByLabel("Telefonnummer").fill("1234");
  await page.getByLabel("Telefonnummer").press("Enter");
  await expect(page.getByText("Skriv et dansk telefonnummer med 8 cifre").first()).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel("Telefonnummer").fill("+45 87 13 40 00");
  await page.getByLabel("Hvornår tager du telefonen?").fill("Tirsdag kl. 8-10");
  await page.getByLabel("Hvornår tager du telefonen?").press("Enter");
  await expect(savedNote(page)).toBeVisible();
  await page.reload();
  await expect(page.getByLabel("Telefonnummer")).toHaveValue("87 13 40 00");
});

test("a relative the citizen allows sees the direct line and asks the coordinator to get in touch; Sara answers", async ({
  page,
  browser,
}) => {
  test.setTimeout(180_000);
  const name = `Else Berg ${Date.now() % 100_000}`;
  const own = await browser.newContext({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });
  const citizen = await own.newPage();
  const citizenId = await newCitizenSignedIn(citizen, name);
  await coordinatedBySara(citizenId);
  await citizen.goto("/da/plan/relatives");
  await citizen.getByLabel("Hvem vil du invitere?").selectOption({ label: "En ny person" });
  await citizen.getByLabel("Navn", { exact: true }).fill("Lise");
  await citizen.getByLabel("Hvem er det for dig? (kan udelades)").fill("datter");
  const group = citizen.getByRole("group", { name: "Hvad må de se og gøre?" });
  // the form says what each permission lets them read and write
  await expect(group).toContainText("De kan se din koordinators telefonnummer og bede koordinatoren kontakte dem om dig.");
  for (const box of await group.getByRole("checkbox").all()) await box.uncheck();
  await group.getByRole("checkbox", { name: "Kontakte min koordinator" }).check();
  await citizen.getByRole("button", { name: "Lav invitationen" }).click();
  const link = await citizen.getByLabel("Linket").inputValue();

  const phone = await browser.newContext({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });
  const r = await phone.newPage();
  await r.goto(link);
  await r.getByRole("link", { name: "Log ind" }).click();
  await signInByEmail(r, `lise-${Date.now()}@example.test`);
  await r.getByRole("link", { name: "Se invitationen" }).click();
  await r.getByRole("button", { name: /Ja tak/ }).click();
  await expect(r).toHaveURL(/\/da\/relative\/[0-9a-f-]{36}\?notice=joined$/);
  const thread = r.getByTestId("relative-thread");
  await expect(thread).toContainText("Sara Holm fra Ældre og pleje holder den røde tråd for Else.");
  await expect(thread.getByRole("link", { name: "89 40 12 34" })).toBeVisible();
  await expectAccessible(r);
  await thread.getByRole("radio", { name: "Om Else" }).check();
  await thread.getByLabel("Hvad er du i tvivl om? (valgfrit)").fill("Mor virker forvirret om aftenen.");
  await thread.getByRole("button", { name: "Kontakt mig" }).click();
  await expect(r.getByTestId("relative-contact")).toContainText("Du har bedt om at blive kontaktet om Else. Svar senest");
  await expectAccessible(r);

  // Sara sees who asked, as the citizen named her, and answers with an agreement
  await signInAs(page, /Sara Holm/);
  await page.goto("/da/staff");
  const waiting = page.getByTestId("contact-requests").getByRole("listitem").filter({ hasText: name });
  await expect(waiting).toContainText("Lise spørger om borgeren");
  await waiting.getByRole("link", { name }).click();
  const request = page.getByTestId("open-contact-request").filter({ hasText: "Lise (datter), om borgeren" });
  await expect(request).toContainText("Mor virker forvirret om aftenen.");
  await request.getByLabel("Hvad aftalte I?").fill("Sara ringer til Lise torsdag om aftenerne.");
  await request.getByRole("button", { name: "Gem aftalen og luk henvendelsen" }).click();
  await expect(page.getByTestId("contact-request")).toContainText("besvaret");

  await r.reload();
  await expect(r.getByTestId("relative-contact")).toContainText("Der blev svaret");
  await phone.close();
  await own.close();
});

test("consent given in a conversation is written down by the caseworker, seen by the citizen with how; a withdrawal told to her ends it", async ({
  page,
  browser,
}) => {
  test.setTimeout(180_000);
  const name = `Karen Lund ${Date.now() % 100_000}`;
  const phone = await browser.newContext({ viewport: { width: 320, height: 700 }, isMobile: true, hasTouch: true });
  const citizen = await phone.newPage();
  const citizenId = await newCitizenSignedIn(citizen, name);
  // Sara is assigned to her; the citizen has said nothing yet, so Sara sees nothing of the plan
  await onDemoDb((c) =>
    c.query(
      `INSERT INTO "Assignment" (id, "citizenId", "staffId", "serviceAreaId")
       SELECT gen_random_uuid(), $1, s.id, a.id FROM "StaffMember" s JOIN "user" u ON u.id = s."userId"
       JOIN "ServiceArea" a ON a."municipalityId" = s."municipalityId" AND a.key = 'elderly-care' WHERE u.email = $2`,
      [citizenId, SARA],
    ),
  );
  await signInAs(page, /Sara Holm/);
  await page.goto(`/da/staff/citizens/${citizenId}`);
  await expect(page.getByTestId("no-access")).toBeVisible();
  const record = page.getByTestId("record-consent");
  await record.getByText("Skriv et ja ned").click();
  await record.getByRole("checkbox", { name: "Historien, med borgerens egne ord" }).check();
  await record.getByRole("checkbox", { name: "Mål", exact: true }).check();
  await record.getByRole("group", { name: "Hvor længe gælder ja'et?" }).getByRole("radio", { name: "6 måneder" }).check();
  await record.getByRole("group", { name: "Hvordan sagde borgeren ja?" }).getByRole("radio", { name: "I en samtale med mig" }).check();
  // nothing is ticked for the citizen: without it, nothing is written
  await record.getByRole("button", { name: "Skriv ja'et ned" }).click();
  await expect(record.getByText("Der er noget, du skal rette")).toBeVisible();
  await expectAccessible(page);
  await record.getByRole("group", { name: "Hvordan sagde borgeren ja?" }).getByRole("radio", { name: "I en samtale med mig" }).check();
  await record.getByRole("checkbox", { name: "Historien, med borgerens egne ord" }).check();
  await record.getByRole("checkbox", { name: "Mål", exact: true }).check();
  await record.getByRole("group", { name: "Hvor længe gælder ja'et?" }).getByRole("radio", { name: "6 måneder" }).check();
  await record.getByRole("checkbox", { name: "Borgeren har sagt ja til netop dette" }).check();
  await record.getByRole("button", { name: "Skriv ja'et ned" }).click();
  // the page opens the plan the yes lets her area see
  await expect(page.getByTestId("no-access")).toHaveCount(0);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(name);

  // the citizen sees how it was given, and by whom
  await citizen.goto("/da/plan/consents");
  await expect(citizen.getByTestId("consent-given")).toContainText("Du sagde ja i en samtale med Sara Holm");
  await expectAccessible(citizen);
  await expectNoHorizontalScroll(citizen);

  // she tells Sara she wants it stopped: written down, and the area sees nothing from the next click
  const withdraw = page.getByTestId("record-consent");
  await withdraw.getByText("Skriv ned, at borgeren tager et ja tilbage").click();
  await withdraw.getByLabel("Hvilket område skal ikke længere se planen?").selectOption({ label: "Ældre og pleje" });
  await withdraw.getByRole("group", { name: "Hvordan sagde borgeren det?" }).getByRole("radio", { name: "I en samtale med mig" }).check();
  await withdraw.getByRole("checkbox", { name: "Borgeren har bedt om netop dette" }).check();
  await withdraw.getByRole("button", { name: "Skriv det ned" }).click();
  // from the next click her area sees nothing again
  await expect(page.getByTestId("no-access")).toBeVisible();
  await page.reload();
  await expect(page.getByTestId("no-access")).toBeVisible();
  await citizen.reload();
  await expect(citizen.getByTestId("consent")).toHaveCount(0);
  await phone.close();
});

test("power of attorney: the citizen lets a relative act for her; the relative answers a request for consent, and the log says it was for her", async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const name = `Berit Sand ${Date.now() % 100_000}`;
  const own = await browser.newContext({ viewport: { width: 320, height: 700 }, isMobile: true, hasTouch: true });
  const citizen = await own.newPage();
  const citizenId = await newCitizenSignedIn(citizen, name);
  await citizen.goto("/da/plan/relatives");
  await citizen.getByLabel("Hvem vil du invitere?").selectOption({ label: "En ny person" });
  await citizen.getByLabel("Navn", { exact: true }).fill("Sofie");
  await citizen.getByLabel("Hvem er det for dig? (kan udelades)").fill("datter");
  const group = citizen.getByRole("group", { name: "Hvad må de se og gøre?" });
  for (const box of await group.getByRole("checkbox").all()) await box.uncheck();
  await group.getByRole("checkbox", { name: "Se min historie" }).check();
  await citizen.getByRole("button", { name: "Lav invitationen" }).click();
  const link = await citizen.getByLabel("Linket").inputValue();
  const phone = await browser.newContext({ viewport: { width: 320, height: 700 }, isMobile: true, hasTouch: true });
  const r = await phone.newPage();
  await r.goto(link);
  await r.getByRole("link", { name: "Log ind" }).click();
  await signInByEmail(r, `sofie-${Date.now()}@example.test`);
  await r.getByRole("link", { name: "Se invitationen" }).click();
  await r.getByRole("button", { name: /Ja tak/ }).click();
  await expect(r).toHaveURL(/\/da\/relative\/[0-9a-f-]{36}\?notice=joined$/);

  // the citizen gives her power of attorney to answer requests for consent
  await citizen.goto("/da/plan/relatives");
  const powers = citizen.getByTestId("powers");
  await expect(powers).toContainText("Ingen kan handle for dig lige nu.");
  await powers.getByText("Giv en pårørende fuldmagt").click();
  await powers.getByLabel("Hvem skal kunne handle for dig?").selectOption({ label: "Sofie" });
  await powers.getByRole("checkbox", { name: "Svare på kommunens spørgsmål om lov" }).check();
  await powers.getByRole("button", { name: "Giv fuldmagten" }).click();
  await expect(citizen.getByTestId("power")).toContainText("Sofie kan handle for dig:");
  await expectAccessible(citizen);
  await expectNoHorizontalScroll(citizen);

  // an area asks the citizen for permission
  await onDemoDb((c) =>
    c.query(
      `INSERT INTO "ConsentRequest" (id, "citizenId", "serviceAreaId", "staffId", reason, parts)
       SELECT gen_random_uuid(), $1, a.id, s.id, 'Så vi kan hjælpe med bad', ARRAY['STORY']::"RecordPart"[]
       FROM "StaffMember" s JOIN "user" u ON u.id = s."userId" JOIN "ServiceArea" a ON a."municipalityId" = s."municipalityId" AND a.key = 'elderly-care'
       WHERE u.email = $2`,
      [citizenId, SARA],
    ),
  );
  // Sofie answers it for her mother, on her phone
  await r.reload();
  await expect(r.getByTestId("acting-for")).toContainText(`Du kan handle for Berit:`);
  const request = r.getByTestId("consent-requests-for").getByTestId("consent-request");
  await expect(request).toContainText("Så vi kan hjælpe med bad");
  await expectAccessible(r);
  await expectNoHorizontalScroll(r);
  await request.getByRole("button", { name: "Ja, det må de" }).click();
  await expect(r.getByText("Tak. De kan nu se det, du valgte.")).toBeVisible();

  // the citizen's log: done for her
  await citizen.goto("/da/plan/access-log");
  await expect(citizen.getByText("Sofie, på dine vegne, skrev i", { exact: false }).first()).toBeVisible();
  await citizen.goto("/da/plan/consents");
  await expect(citizen.getByTestId("consent")).toContainText("Ældre og pleje");
  await expect(citizen.getByTestId("consent-given")).toContainText("Sofie sagde ja for dig");
  await phone.close();
  await own.close();
});

import { expect, test } from "@playwright/test";
import { expectAccessible, savedNote } from "./support";
import { newCitizenSignedIn, onDemoDb, section, signInAs } from "./citizen";

// A caseworker in one area asks for consent; the citizen answers on a phone;
// the area reads the plan and adds its help and an agreement, which the
// citizen then sees; another area still sees nothing; a withdrawal ends it.

/** The area's work relationship with this citizen (a referral), as the area's systems would record it. */
async function assignTo(citizenId: string, staffEmail: string, areaKey: string) {
  await onDemoDb((c) =>
    c.query(
      `INSERT INTO "Assignment" (id, "citizenId", "staffId", "serviceAreaId")
       SELECT gen_random_uuid(), $1, s.id, a.id FROM "StaffMember" s JOIN "user" u ON u.id = s."userId", "ServiceArea" a
       WHERE u.email = $2 AND a.key = $3 AND a."municipalityId" = s."municipalityId"`,
      [citizenId, staffEmail, areaKey],
    ),
  );
}

test("ask, approve on the phone, read and add; another area sees nothing; withdrawn on the next click", async ({ page, browser }) => {
  test.setTimeout(180_000);
  // the citizen, on a phone, with a story of her own
  const phone = await browser.newContext({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });
  const citizen = await phone.newPage();
  const name = `Grethe Bech ${Date.now() % 100_000}`;
  const citizenId = await newCitizenSignedIn(citizen, name);
  await citizen.goto("/da/plan/story");
  await section(citizen, "Om mig").getByLabel("Med dine egne ord").fill("Jeg har boet på Møllevej i 50 år.");
  await section(citizen, "Om mig").getByRole("button", { name: "Gem" }).click();
  await expect(savedNote(section(citizen, "Om mig"))).toBeVisible();
  await assignTo(citizenId, "sara.holm@solbjerg.dk", "elderly-care");

  // Sara, elderly care, on a desktop: finds her, and sees nothing until asked and answered
  await page.setViewportSize({ width: 1280, height: 900 });
  await signInAs(page, /Sara Holm/);
  await page.getByRole("link", { name: "Gå til mine borgere" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Mine borgere");
  await expect(page.getByTestId("caseload").getByRole("listitem").filter({ hasText: name })).toContainText("Du har ikke spurgt endnu");
  await page.getByLabel("Borgerens navn").fill(name.split(" ").slice(0, 2).join(" "));
  await page.getByRole("button", { name: "Find", exact: true }).click();
  await expect(page).toHaveURL(/\/da\/staff$/); // the name is posted, never in the address
  await expectAccessible(page);
  await page.getByTestId("found").getByRole("link", { name }).click();
  await expect(page.getByTestId("no-access")).toContainText("har ikke givet dit område lov");
  await expect(page.getByText("Jeg har boet på Møllevej i 50 år.")).toHaveCount(0);

  // the reason is checked for plain language while it is typed: a warning, not a block
  await page.getByLabel("Hvorfor vil I se planen?").fill("Vi skal vurdere din bevilling af personlig pleje jf. serviceloven.");
  const check = page.getByTestId("plain-language");
  await expect(check).toContainText("LIX");
  await expect(check).toContainText('"bevilling" – skriv hellere: du får');
  await expect(check).toContainText('"personlig pleje" – skriv hellere: hjælp til bad og tøj');
  await page.getByLabel("Hvorfor vil I se planen?").fill("Så vi kan hjælpe dig med badet, uden at du skal fortælle det hele igen.");
  await expect(check).not.toContainText("skriv hellere");
  const parts = page.getByRole("group", { name: "Hvad har I brug for at se?" });
  for (const p of ["Historien, med borgerens egne ord", "Aftaler", "Hjælp fra kommunen"])
    await parts.getByRole("checkbox", { name: p }).check();
  await expectAccessible(page);
  await page.getByRole("button", { name: "Send spørgsmålet til borgeren" }).click();
  await expect(page.getByTestId("no-access")).toContainText("Du har spurgt");
  await page.goto("/da/staff");
  await expect(page.getByTestId("caseload").getByRole("listitem").filter({ hasText: name })).toContainText("Venter på borgerens svar");
  await page.goto(`/da/staff/citizens/${citizenId}`);

  // the citizen says yes on her phone
  await citizen.goto("/da/plan/consents");
  const request = citizen.getByTestId("consent-request").filter({ hasText: "Sara Holm fra Ældre og pleje" });
  await expect(request).toContainText("Så vi kan hjælpe dig med badet");
  await request.getByRole("button", { name: "Ja, det må de" }).click();
  await expect(citizen.getByRole("status").filter({ hasText: "Tak. De kan nu se det, du valgte." })).toBeVisible();

  // Sara reads her words first, untouched, and adds the area's help and an agreement
  await page.reload();
  await expect(section(page, "Med borgerens egne ord")).toContainText("Jeg har boet på Møllevej i 50 år.");
  await page.getByLabel("Hvilken hjælp?").fill("Hjælp til bad");
  await page.getByLabel("Hvor tit? (kan udelades)").fill("Tirsdag og fredag formiddag");
  await page.getByRole("button", { name: "Skriv hjælpen ind" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Hjælpen er skrevet ind." })).toBeVisible();
  await page.getByLabel("Hvad har I aftalt?").fill("Sara ringer fredag og hører, hvordan det gik");
  await page.getByLabel("Hvem gør det?").selectOption({ label: "Ældre og pleje" });
  await page.getByRole("button", { name: "Tilføj aftalen" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Aftalen er tilføjet" })).toBeVisible();
  await page.reload();
  await expect(page.getByTestId("help")).toContainText("Hjælp til bad");
  await expectAccessible(page);

  // the citizen sees both, and that she did not have to tell it again
  await citizen.goto("/da/plan");
  await expect(section(citizen, "Hjælp fra kommunen")).toContainText("Hjælp til bad");
  await expect(section(citizen, "Næste aftaler")).toContainText("Sara ringer fredag og hører, hvordan det gik");
  await expect(citizen.getByTestId("told-once")).toContainText("Én gang har kommunen brugt din historie i stedet for at spørge dig igen.");

  // Omar in health works with other citizens: for him she does not exist
  const other = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const omar = await other.newPage();
  await signInAs(omar, /Omar Aziz/);
  const response = await omar.goto(`/da/staff/citizens/${citizenId}`);
  expect(response?.status()).toBe(404);
  await expect(omar.getByText("Jeg har boet på Møllevej i 50 år.")).toHaveCount(0);

  // the citizen withdraws; Sara's next click shows nothing of the plan
  await citizen.goto("/da/plan/consents");
  await citizen.getByRole("button", { name: "Tag det tilbage for Ældre og pleje" }).click();
  await expect(citizen.getByRole("status").filter({ hasText: "Det er taget tilbage." })).toBeVisible();
  await page.reload();
  await expect(page.getByTestId("no-access")).toBeVisible();
  await expect(page.getByText("Jeg har boet på Møllevej i 50 år.")).toHaveCount(0);
  await phone.close();
  await other.close();
});

test("need to know: a colleague who does not work with the citizen says why before she reads; the citizen sees why, and the lead is told", async ({
  page,
  browser,
}) => {
  test.setTimeout(120_000);
  const phone = await browser.newContext({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });
  const citizen = await phone.newPage();
  const citizenId = await newCitizenSignedIn(citizen, `Karen Vind ${Date.now() % 100_000}`);
  await citizen.goto("/da/plan/story");
  await section(citizen, "Om mig").getByLabel("Med dine egne ord").fill("Jeg bor alene og har en kat.");
  await section(citizen, "Om mig").getByRole("button", { name: "Gem" }).click();
  await expect(savedNote(section(citizen, "Om mig"))).toBeVisible();
  // elderly care has her yes, and Sara works with her; Lene, of the same area, does not
  await assignTo(citizenId, "sara.holm@solbjerg.dk", "elderly-care");
  await onDemoDb((c) =>
    c.query(
      `INSERT INTO "Consent" (id, "citizenId", "serviceAreaId", parts)
       SELECT gen_random_uuid(), $1, a.id, ARRAY['PROFILE', 'STORY', 'AGREEMENTS']::"RecordPart"[] FROM "ServiceArea" a
       JOIN "Citizen" c ON c."municipalityId" = a."municipalityId" WHERE c.id = $1 AND a.key = 'elderly-care'`,
      [citizenId],
    ),
  );

  await page.setViewportSize({ width: 320, height: 800 });
  await signInAs(page, /Lene Dahl/);
  await page.goto(`/da/staff/citizens/${citizenId}`);
  await expect(page.getByRole("heading", { name: "Hvorfor vil du se planen?" })).toBeVisible();
  await expect(page.getByText("Jeg bor alene og har en kat.")).toHaveCount(0);
  await expectAccessible(page);
  // by keyboard: no reason chosen is refused with a clear error, then one is chosen
  await page.getByRole("button", { name: "Se planen" }).focus();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("alert", { name: "Der er noget, du skal rette" })).toContainText("Hvorfor");
  await page.getByRole("radio", { name: "Borgeren har bedt mig om hjælp (ringet, kommet forbi eller skrevet)" }).check();
  await page.getByRole("button", { name: "Se planen" }).click();
  await expect(section(page, "Med borgerens egne ord")).toContainText("Jeg bor alene og har en kat.");

  // the citizen sees that Lene looked without working with her, and why
  await citizen.goto("/da/plan/access-log");
  await expect(citizen.getByText("Lene Dahl, medarbejder i Ældre og pleje, så din plan uden at arbejde fast med dig.")).toBeVisible();
  await expect(citizen.getByText("Hvorfor: Du havde bedt om hjælp.")).toBeVisible();
  // and Sara, the area's lead, is told
  await page.context().clearCookies();
  await signInAs(page, /Sara Holm/);
  await expect(page.getByTestId("for-you")).toContainText("En kollega har set en plan uden at arbejde fast med borgeren");
  await phone.close();
});

import { expect, test, type Page } from "@playwright/test";
import { cprHash, DEV_CPR_HASH_KEY } from "@/lib/staff/cpr";
import { expectAccessible, expectNoHorizontalScroll } from "./support";
import { onDemoDb, signInAs } from "./citizen";

// Issue 6: an exact CPR-number lookup (the number never in an address, never
// shown back, the lookup logged) and asking right there; an area lead's team:
// assign a caseworker, remove one, and the red thread never left unheld.
// The demo server has no CPR_HASH_KEY, so it uses the development key; the seed
// gives Inge Hansen the fictitious number 010145-1234.

const INGE_CPR = "010145-1234";

/** A fictitious CPR number of its own for this run (a real date: days 01-28), never Inge's. */
function freshCpr() {
  const n = Date.now();
  const day = String((n % 28) + 1).padStart(2, "0");
  const month = String((Math.floor(n / 28) % 12) + 1).padStart(2, "0");
  const year = String(50 + (Math.floor(n / 1000) % 40)).padStart(2, "0");
  return `${day}${month}${year}-${2000 + Math.floor(Math.random() * 8000)}`;
}

/** A citizen of the demo municipality with no sign-in, made by the municipality's systems; optionally known to an area through a caseworker, who may hold the red thread. */
async function makeCitizen(
  name: string,
  { cpr, assignedTo, coordinator = false }: { cpr?: string; assignedTo?: { email: string; areaKey: string }; coordinator?: boolean } = {},
): Promise<string> {
  return onDemoDb(async (c) => {
    const { rows } = await c.query<{ id: string }>(
      `INSERT INTO "Citizen" (id, "municipalityId", name, "cprHash", "updatedAt")
       SELECT gen_random_uuid(), m.id, $1, $2, now() FROM "Municipality" m WHERE m.slug = 'solbjerg' RETURNING id`,
      [name, cpr ? cprHash(cpr, DEV_CPR_HASH_KEY) : null],
    );
    const citizenId = rows[0]!.id;
    if (assignedTo) {
      await c.query(
        `INSERT INTO "Assignment" (id, "citizenId", "staffId", "serviceAreaId")
         SELECT gen_random_uuid(), $1, s.id, a.id FROM "StaffMember" s JOIN "user" u ON u.id = s."userId", "ServiceArea" a
         WHERE u.email = $2 AND a.key = $3 AND a."municipalityId" = s."municipalityId"`,
        [citizenId, assignedTo.email, assignedTo.areaKey],
      );
      if (coordinator) {
        await c.query(
          `INSERT INTO "Coordination" ("citizenId", "staffId") SELECT $1, s.id FROM "StaffMember" s JOIN "user" u ON u.id = s."userId" WHERE u.email = $2`,
          [citizenId, assignedTo.email],
        );
      }
    }
    return citizenId;
  });
}

/** Every address the browser asked for, from now on. */
function addressesOf(page: Page) {
  const seen: string[] = [];
  page.on("request", (r) => seen.push(r.url()));
  page.on("framenavigated", (f) => seen.push(f.url()));
  return seen;
}

async function lookUp(page: Page, cpr: string, purpose: string | null = "Borgeren har henvendt sig til os") {
  if (purpose) await page.getByRole("radio", { name: purpose }).check();
  await page.getByLabel("CPR-nummer", { exact: true }).fill(cpr);
  await page.getByRole("button", { name: "Slå op", exact: true }).click();
}

test("a caseworker looks a citizen up by CPR number: posted, never in an address or on the page, and logged", async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await signInAs(page, /Omar Aziz/);
  const addresses = addressesOf(page);
  const logged = () =>
    onDemoDb(async (c) => Number((await c.query(`SELECT count(*) AS n FROM "AccessLog" WHERE purpose LIKE 'cpr-lookup%'`)).rows[0].n));
  const misses = () => onDemoDb(async (c) => Number((await c.query(`SELECT count(*) AS n FROM "CprLookupMiss"`)).rows[0].n));
  const missesBefore = await misses();
  const before = await logged();
  await page.goto("/da/staff");

  // no reason given: asked for first
  await lookUp(page, freshCpr(), null);
  await expect(page.getByRole("alert").filter({ hasText: "Der er noget, du skal rette" })).toContainText("Hvorfor slår du borgeren op?");

  // a number that is not one: said at once, next to the field and in the summary
  await lookUp(page, "320145-1234");
  await expect(page.getByRole("alert").filter({ hasText: "Der er noget, du skal rette" })).toContainText(
    "CPR-nummer: Skriv et CPR-nummer med 10 cifre",
  );
  await expect(page.getByRole("alert").filter({ hasText: "Der er noget, du skal rette" })).toBeFocused();
  await expect(page.getByLabel("CPR-nummer", { exact: true })).toHaveAttribute("aria-invalid", "true");

  // nobody with that number: kept on the staff side, with the reason (never the number)
  await lookUp(page, freshCpr(), "Der er kommet en ansøgning, en henvisning eller en underretning");
  await expect(page.getByTestId("cpr-result")).toContainText("Der er ingen med det nummer i vores kommune.");
  expect((await misses()) - missesBefore).toBe(1);

  // Inge: found by name; Omar's area works with her, so her page is one click away
  await lookUp(page, INGE_CPR);
  await expect(page.getByTestId("cpr-result")).toContainText("Fundet: Inge Hansen");
  await expect(page).toHaveURL(/\/da\/staff$/);
  await expect(page.getByLabel("CPR-nummer", { exact: true })).toHaveValue("");
  for (const written of ["0101451234", INGE_CPR, "010145"]) {
    expect(await page.content(), written).not.toContain(written);
    expect(
      addresses.filter((a) => a.includes(written)),
      written,
    ).toEqual([]);
  }
  await expectAccessible(page);
  // only the lookup that found someone is logged on a record (nobody found, or no number, touches no record)
  expect((await logged()) - before).toBe(1);
  await onDemoDb(async (c) => {
    const { rows } = await c.query(
      `SELECT row_to_json(t)::text AS row FROM "AccessLog" t WHERE purpose LIKE 'cpr-lookup%' ORDER BY id DESC LIMIT 1`,
    );
    expect(rows[0].row).toContain('"action":"ASK"');
    expect(rows[0].row).toContain('"purpose":"cpr-lookup-contacted"');
    expect(rows[0].row).not.toContain("0101451234");
  });

  // (not opened here: reading Inge's plan would fill the log other tests read)
  await expect(page.getByRole("link", { name: "Åbn Inge Hansen" })).toHaveAttribute("href", /^\/da\/staff\/citizens\/[0-9a-f-]{36}$/);
});

test("a caseworker finds someone their area does not work with yet, asks right there, and has them on their list", async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  const name = `Poul Lund ${Date.now() % 100_000}`;
  const cpr = freshCpr();
  await makeCitizen(name, { cpr });

  await signInAs(page, /Lene Dahl/);
  await page.goto("/da/staff");
  await expect(page.getByTestId("caseload").getByText(name)).toHaveCount(0);
  await lookUp(page, cpr);
  await expect(page.getByTestId("cpr-result")).toContainText(`Fundet: ${name}`);
  // the innermost section with that heading (the CPR section around it has it too)
  const ask = page
    .locator("section")
    .filter({ has: page.getByRole("heading", { level: 3, name: `Spørg ${name} om lov` }) })
    .last();
  await expect(ask).toBeVisible();
  await expectAccessible(page);

  await ask.getByLabel("Hvorfor vil I se planen?").fill("Så vi kan hjælpe dig med rengøring, uden at du skal fortælle det hele igen.");
  await ask
    .getByRole("group", { name: "Hvad har I brug for at se?" })
    .getByRole("checkbox", { name: "Historien, med borgerens egne ord" })
    .check();
  await ask.getByRole("button", { name: "Send spørgsmålet til borgeren" }).click();
  await expect(ask.getByRole("status").filter({ hasText: "Spørgsmålet er sendt." })).toBeVisible();

  // asking started the work: the citizen is on Lene's list, waiting for an answer, and their page opens
  await page.goto("/da/staff");
  const row = page.getByTestId("caseload").getByRole("listitem").filter({ hasText: name });
  await expect(row).toContainText("Venter på borgerens svar");
  await row.getByRole("link", { name }).click();
  await expect(page.getByTestId("no-access")).toContainText(`Du har spurgt ${name}`);
});

test("an area lead assigns a caseworker and removes one; the one holding the red thread is not removed", async ({ page, browser }) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1280, height: 900 });
  const name = `Else Krog ${Date.now() % 100_000}`;
  const held = `Aase Lind ${Date.now() % 100_000}`;
  const sara = { email: "sara.holm@solbjerg.dk", areaKey: "elderly-care" };
  await makeCitizen(name, { assignedTo: sara });
  await makeCitizen(held, { assignedTo: sara, coordinator: true });

  // caseworkers who lead nothing have no team page
  const others = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const lene = await others.newPage();
  await signInAs(lene, /Lene Dahl/);
  expect((await lene.goto("/da/staff/team"))?.status()).toBe(404);

  await signInAs(page, /Sara Holm/);
  await page.goto("/da/staff/team");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Mit team");
  const team = page.getByTestId("team-elderly-care");
  await expect(team.getByRole("heading", { level: 2 })).toHaveText("Ældre og pleje");
  await expect(team.getByTestId("caseworkers")).toContainText("Lene Dahl");
  await expect(team.getByTestId("caseworkers")).toContainText("Sara Holm");
  const citizen = (who: string) =>
    team
      .getByTestId("team-citizens")
      .getByRole("listitem")
      .filter({ has: page.getByText(who, { exact: true }) })
      .first();
  await expect(citizen(held)).toContainText("Sara Holm");
  await expect(citizen(held)).toContainText("Holder den røde tråd");
  await expect(citizen(name)).toContainText("Sara Holm");
  await expect(citizen(name)).not.toContainText("Holder den røde tråd");
  await expectAccessible(page);

  // Sara puts Lene on the new citizen
  await team.getByLabel("Borger", { exact: true }).selectOption({ label: name });
  await team.getByLabel("Medarbejder", { exact: true }).selectOption({ label: "Lene Dahl" });
  await team.getByRole("button", { name: "Sæt medarbejderen på" }).click();
  await expect(team.getByRole("status").filter({ hasText: "Medarbejderen er sat på borgeren." })).toBeVisible();
  await expect(citizen(name)).toContainText("Lene Dahl");

  // twice is refused, and said
  await team.getByLabel("Borger", { exact: true }).selectOption({ label: name });
  await team.getByLabel("Medarbejder", { exact: true }).selectOption({ label: "Lene Dahl" });
  await team.getByRole("button", { name: "Sæt medarbejderen på" }).click();
  await expect(team.getByRole("alert").filter({ hasText: "Der er noget, du skal rette" })).toContainText(
    "Medarbejder: Medarbejderen arbejder allerede med borgeren.",
  );
  await expectAccessible(page);

  // Lene now has the citizen on her list
  await lene.goto("/da/staff");
  await expect(lene.getByTestId("caseload").getByRole("listitem").filter({ hasText: name })).toBeVisible();

  // Sara removes Lene again: one click, said at the top
  await citizen(name)
    .getByRole("button", { name: `Fjern Lene Dahl fra ${name}` })
    .click();
  await expect(page.getByRole("status").filter({ hasText: "Medarbejderen er fjernet fra borgeren." })).toBeVisible();
  await expect(citizen(name)).not.toContainText("Lene Dahl");
  await lene.reload();
  await expect(lene.getByTestId("caseload").getByRole("listitem").filter({ hasText: name })).toHaveCount(0);

  // Sara holds the red thread for the other citizen: she cannot be removed before she hands it over
  await citizen(held)
    .getByRole("button", { name: `Fjern Sara Holm fra ${held}` })
    .click();
  await expect(page.getByRole("alert").filter({ hasText: "Den skal gives videre til en anden først." })).toBeVisible();
  await expect(citizen(held)).toContainText("Sara Holm");
  await expectAccessible(page);

  // on a small phone it all still fits
  await page.setViewportSize({ width: 320, height: 800 });
  await expectNoHorizontalScroll(page);
  await others.close();
});

test("the team page does not exist for a caseworker who leads no area", async ({ page }) => {
  await signInAs(page, /Omar Aziz/);
  expect((await page.goto("/da/staff/team"))?.status()).toBe(404);
});

import { expect, test, type Page } from "@playwright/test";
import { expectAccessible, expectNoHorizontalScroll, savedNote } from "./support";
import { dayFromNow, newCitizenSignedIn, onDemoDb, section, signInAs } from "./citizen";

// The citizen's whole journey on a phone, from the first sign-in to a goal
// reached, and the parts of it that must also work without JavaScript.
test.use({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });

/** A caseworker in elderly care read this citizen's story (as if from the staff pages). */
async function caseworkerReadTheStory(citizenId: string) {
  await onDemoDb((c) =>
    c.query(
      `INSERT INTO "AccessLog" ("citizenId", "actorUserId", "actorRole", "serviceAreaId", part, action, purpose, outcome)
       SELECT $1, u.id, 'STAFF', a.id, 'STORY', 'READ', 'told-once', 'ALLOWED'
       FROM "user" u, "ServiceArea" a WHERE u.email = 'sara.holm@solbjerg.dk' AND a.key = 'elderly-care'
       AND a."municipalityId" = (SELECT "municipalityId" FROM "Citizen" WHERE id = $1)`,
      [citizenId],
    ),
  );
}

const words = (page: Page, title: string) => section(page, title).getByLabel("Med dine egne ord");

test("the whole journey: sign in, first visit, story, my people, a goal with a step and a helper, an agreement done, the goal reached, the log, a conflict", async ({
  page,
  context,
}) => {
  test.setTimeout(180_000);
  const citizenId = await newCitizenSignedIn(page, "Karen Jensen");

  // first visit: gentle questions, each skippable
  await page.goto("/da/plan");
  await page.getByRole("link", { name: "Begynd her" }).click();
  await page.getByLabel("Fortæl lidt om dig selv").fill("Jeg hedder Karen og bor på Åvej 🌻");
  await page.getByRole("button", { name: "Gem og gå videre" }).click();
  for (const n of [2, 3, 4]) {
    await expect(page.getByText(`Spørgsmål ${n} af 4`)).toBeVisible();
    await page.getByRole("link", { name: "Spring over" }).click();
  }
  await expect(page).toHaveURL(/\/da\/plan$/);
  await expect(section(page, "Om mig")).toContainText("Jeg hedder Karen og bor på Åvej 🌻");

  // my story, one section saved on its own
  await page.getByRole("link", { name: "Skriv min historie" }).click();
  await words(page, "Det vigtigste for mig").fill("Mine børnebørn og min have");
  await section(page, "Det vigtigste for mig").getByRole("button", { name: "Gem" }).click();
  await expect(savedNote(section(page, "Det vigtigste for mig"))).toBeVisible();

  // my people: a daughter, closest
  await page.goto("/da/plan");
  await page.getByRole("link", { name: "Se og ret mine mennesker" }).first().click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Mine mennesker");
  await expect(page.getByText("Du har ikke skrevet nogen ind endnu.")).toBeVisible();
  await page.getByLabel("Navn", { exact: true }).fill("Lise");
  await page.getByLabel("Hvem er det for dig? (kan udelades)").fill("Datter");
  await page.getByRole("radio", { name: "Tættest på" }).check();
  await page.getByLabel("Hvad hjælper de med? (kan udelades)").fill("Indkøb og kørsel");
  await page.getByRole("button", { name: "Tilføj", exact: true }).click();
  await expect(page.getByRole("status").filter({ hasText: "Tilføjet" })).toBeVisible();
  await expect(section(page, "Tættest på mig")).toContainText("Lise · Datter");
  await expect(section(page, "Tættest på mig")).toContainText("Hjælper med: Indkøb og kørsel");
  await expectAccessible(page);

  // a wish becomes a goal, with Lise as a helper
  await page.goto("/da/plan/goals");
  await page.getByRole("link", { name: "Skriv et nyt mål" }).click();
  await page.getByLabel("Et ønske eller en drøm (kan udelades)").fill("Jeg drømmer om at passe min have selv");
  await page.getByLabel("Dit mål").fill("Luge bedet ved hoveddøren");
  await page.getByLabel("Hvordan ved du, at målet er nået?").fill("Når bedet er luget to uger i træk");
  await page.getByRole("group", { name: "Hvem hjælper med målet?" }).getByRole("checkbox", { name: "Lise" }).check();
  await page.getByLabel("Hvornår skal vi se på målet igen? (kan udelades)").fill(dayFromNow(30));
  await expectAccessible(page);
  await page.getByRole("button", { name: "Gem målet" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Målet er gemt" })).toBeVisible();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Luge bedet ved hoveddøren");
  await expect(page.getByRole("definition").filter({ hasText: "Lise" })).toHaveText("Lise"); // who helps

  // a step on the way, ticked off
  await page.getByLabel("Et nyt skridt på vejen").fill("Købe en knæpude");
  await page.getByRole("button", { name: "Tilføj skridtet" }).click();
  const step = section(page, "Skridt på vejen").getByRole("listitem").filter({ hasText: "Købe en knæpude" });
  await expect(step).toContainText("Næste:");
  await step.getByRole("button", { name: "Klaret: Købe en knæpude" }).click();
  await expect(section(page, "Skridt på vejen").getByRole("listitem").filter({ hasText: "Købe en knæpude" })).toContainText("Klaret:");
  await expect(page.getByText("1 af 1 skridt er klaret")).toBeVisible();
  await expectAccessible(page);

  // an agreement with Lise, by when; then done
  await page.goto("/da/plan/agreements");
  await page.getByLabel("Hvad har I aftalt?").fill("Lise kører mig til planteskolen");
  await page.getByLabel("Hvem gør det?").selectOption({ label: "Lise" });
  await page.getByLabel("Senest hvornår? (kan udelades)").fill(dayFromNow(7));
  await page.getByRole("button", { name: "Tilføj aftalen" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Aftalen er tilføjet" })).toBeVisible();
  const open = section(page, "Aftaler, der er i gang");
  await expect(open.getByTestId("agreement")).toContainText("Lise kører mig til planteskolen");
  await expect(open.getByTestId("agreement")).toContainText("Hvem: Lise");
  await expectAccessible(page);
  await open.getByRole("button", { name: "Det er gjort: Lise kører mig til planteskolen" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Aftalen er opdateret." })).toBeVisible();
  await expect(section(page, "Aftaler, der er afsluttet").getByTestId("agreement")).toContainText("Gjort");
  await expect(page.getByText("Der er ingen åbne aftaler lige nu.")).toBeVisible();

  // the goal is reached, celebrated, in my own words; it stays in the history
  await page.goto("/da/plan/goals");
  await page.getByRole("link", { name: "Luge bedet ved hoveddøren" }).click();
  await page.getByLabel("Et par ord om, hvordan det gik (kan udelades)").fill("Bedet er flot. Lise hjalp med de store ukrudt.");
  await page.getByRole("button", { name: "Målet er nået" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Tillykke! Du har nået dit mål." })).toBeVisible();
  await expect(page.getByText("Mål, jeg har nået")).toBeVisible();
  await page.goto("/da/plan/goals");
  await expect(section(page, "Mål bag mig")).toContainText("Luge bedet ved hoveddøren");
  await expect(section(page, "Mål bag mig")).toContainText("Bedet er flot. Lise hjalp med de store ukrudt.");
  await expect(page.getByText("Du har ingen mål lige nu. Det er også i orden.")).toBeVisible();
  await expectAccessible(page);

  // the one-page plan tells it all, and fits the narrowest phone
  await page.goto("/da/plan");
  await expect(section(page, "Mine mål nu")).toContainText("Ét mål er nået eller sluppet.");
  await expect(section(page, "Mine mennesker")).toContainText("Lise");
  await expect(section(page, "Det vigtigste for mig")).toContainText("Mine børnebørn og min have");
  await page.setViewportSize({ width: 320, height: 640 });
  await expectNoHorizontalScroll(page);
  await page.setViewportSize({ width: 360, height: 740 });

  // who has seen my plan, after a caseworker read the story
  await caseworkerReadTheStory(citizenId);
  await page.getByRole("navigation", { name: "Mine sider" }).getByRole("link", { name: "Mere" }).click();
  await page.getByRole("link", { name: "Hvem har set min plan" }).click();
  await expect(page.getByTestId("access-log")).toContainText("Sara Holm, medarbejder i Ældre og pleje, læste din historie.");
  await expect(page.getByTestId("access-log")).toContainText("Du slap for at fortælle det igen.");

  // two tabs write the same section: the second sees both versions and chooses
  const other = await context.newPage();
  await page.goto("/da/plan/story");
  await other.goto("/da/plan/story");
  await words(page, "En god dag").fill("Kaffe på terrassen");
  await section(page, "En god dag").getByRole("button", { name: "Gem" }).click();
  await expect(savedNote(section(page, "En god dag"))).toBeVisible();
  await words(other, "En god dag").fill("Lise kommer på besøg");
  await section(other, "En god dag").getByRole("button", { name: "Gem" }).click();
  await expect(section(other, "En god dag").getByTestId("conflict-theirs")).toHaveText("Kaffe på terrassen");
  await expect(section(other, "En god dag").getByTestId("conflict-mine")).toHaveText("Lise kommer på besøg");
  await section(other, "En god dag").getByRole("button", { name: "Sæt dem sammen" }).click();
  await section(other, "En god dag").getByRole("button", { name: "Gem" }).last().click();
  await expect(savedNote(section(other, "En god dag"))).toBeVisible();
  await page.reload();
  await expect(words(page, "En god dag")).toHaveValue("Lise kommer på besøg\n\nKaffe på terrassen");
});

test("a goal can be let go, with why; it is fine, and it stays in the history", async ({ page }) => {
  await newCitizenSignedIn(page);
  await page.goto("/da/plan/goals/new");
  // a goal needs words: the error is said in Danish, next to the field, and nothing is saved
  await page.getByRole("button", { name: "Gem målet" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Der er noget, du skal rette" })).toContainText("Dit mål: Skriv noget her.");
  await expectAccessible(page);
  await page.getByLabel("Dit mål").fill("Lære at spille skak");
  await page.getByRole("button", { name: "Gem målet" }).click();
  await page.getByLabel("Et par ord om, hvordan det gik (kan udelades)").fill("Jeg vil hellere bruge tiden i haven.");
  await page.getByRole("button", { name: "Jeg slipper målet" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Målet er sluppet. Det er helt i orden" })).toBeVisible();
  await page.goto("/da/plan/goals");
  await expect(section(page, "Mål bag mig")).toContainText("Sluppet");
  await expect(section(page, "Mål bag mig")).toContainText("Jeg vil hellere bruge tiden i haven.");
});

test("an agreement is added and marked done without JavaScript", async ({ page, browser }) => {
  await newCitizenSignedIn(page);
  const noJs = await browser.newContext({
    javaScriptEnabled: false,
    storageState: await page.context().storageState(),
    viewport: { width: 360, height: 740 },
  });
  const p = await noJs.newPage();
  await p.goto("/da/plan/agreements");
  // refused input comes back filled in, with the error in place
  await p.getByLabel("Hvad har I aftalt?").fill("Ringe til lægen");
  await p.getByLabel("Senest hvornår? (kan udelades)").fill("2020-01-01");
  await p.getByRole("button", { name: "Tilføj aftalen" }).click();
  await expect(p.getByText("Vælg en dato, der ikke er passeret.").first()).toBeVisible();
  await expect(p.getByLabel("Hvad har I aftalt?")).toHaveValue("Ringe til lægen");
  await p.getByLabel("Senest hvornår? (kan udelades)").fill(dayFromNow(3));
  await p.getByRole("button", { name: "Tilføj aftalen" }).click();
  await expect(p.getByText("Aftalen er tilføjet")).toBeVisible();
  await p.goto("/da/plan/agreements");
  await expect(section(p, "Aftaler, der er i gang")).toContainText("Ringe til lægen");
  await section(p, "Aftaler, der er i gang").getByRole("button", { name: "Det er gjort: Ringe til lægen" }).click();
  await expect(p.getByText("Aftalen er opdateret.")).toBeVisible();
  await expect(section(p, "Aftaler, der er afsluttet")).toContainText("Ringe til lægen");
  await noJs.close();
});

test("a new agreement's words survive a dropped connection and a reload", async ({ page, context }) => {
  await newCitizenSignedIn(page);
  await page.goto("/da/plan/agreements");
  await context.setOffline(true);
  await page.getByLabel("Hvad har I aftalt?").fill("Bestille tid hos frisøren ✂️");
  await page.getByRole("button", { name: "Tilføj aftalen" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Du er offline. Din tekst er gemt på denne telefon." })).toBeVisible();
  await context.setOffline(false);
  await page.reload();
  await expect(page.getByText("Vi har fundet tekst, du ikke havde gemt.")).toBeVisible();
  await expect(page.getByLabel("Hvad har I aftalt?")).toHaveValue("Bestille tid hos frisøren ✂️");
  await expect(page.getByText("28 af 300 tegn")).toBeVisible();
  await page.getByRole("button", { name: "Tilføj aftalen" }).click();
  await expect(section(page, "Aftaler, der er i gang")).toContainText("Bestille tid hos frisøren ✂️");
  await page.reload();
  await expect(page.getByText("Vi har fundet tekst, du ikke havde gemt.")).toHaveCount(0);
  await expect(page.getByLabel("Hvad har I aftalt?")).toHaveValue("");
});

test("my people: rings on a wide screen, the same in a list on a phone; someone can be taken off the map", async ({ page }) => {
  await signInAs(page, /Inge Hansen/);
  await page.goto("/da/plan/network");
  await expect(section(page, "Tættest på mig")).toContainText("Mette · Datter");
  await expect(section(page, "Lidt længere ude")).toContainText("Solbjerg Seniorkor");
  await expect(section(page, "Tæt på mig")).toContainText("Hjælper med målet: Gå de 800 meter til kirken uden rollator");
  await expect(page.getByTestId("network-map")).toBeHidden(); // a phone gets the list
  await page.setViewportSize({ width: 320, height: 640 });
  await expectNoHorizontalScroll(page);
  await page.setViewportSize({ width: 1024, height: 800 });
  await expect(page.getByTestId("network-map")).toBeVisible();
  await expect(page.getByTestId("network-map")).toContainText("Mette");
  await expectAccessible(page);

  // someone new, then taken out again
  const name = `Kirsten ${Date.now() % 10_000}`;
  await page.getByLabel("Navn", { exact: true }).fill(name);
  await page.getByRole("radio", { name: "Lidt længere ude" }).check();
  await page.getByRole("button", { name: "Tilføj", exact: true }).click();
  await expect(section(page, "Lidt længere ude")).toContainText(name);
  await page.getByRole("link", { name }).click();
  await expectAccessible(page);
  await page.getByRole("button", { name: `Tag ${name} ud` }).click();
  await expect(page.getByRole("status").filter({ hasText: "Personen er taget ud af dit netværk." })).toBeVisible();
  await expect(page.getByRole("link", { name })).toHaveCount(0);
});

test("the plan says what is new since my last visit", async ({ page }) => {
  // Inge's last visit began two hours ago; an hour ago Sara wrote down an agreement
  const what = `Sara kommer forbi med en badebænk ${Date.now()}`;
  await onDemoDb(async (c) => {
    const { rows } = await c.query<{ id: string; municipalityId: string }>(
      `SELECT c.id, c."municipalityId" FROM "Citizen" c JOIN "user" u ON u.id = c."userId" WHERE u.email = 'inge@demo.solbjerg.dk'`,
    );
    const inge = rows[0]!;
    await c.query(`UPDATE "Citizen" SET "lastVisitAt" = now() - interval '2 hours' WHERE id = $1`, [inge.id]);
    await c.query(
      `INSERT INTO "ChangeLog" ("citizenId", at, "actorUserId", "actorRole", "serviceAreaId", part, entity, "entityId", after)
       SELECT $1, now() - interval '1 hour', u.id, 'STAFF', a.id, 'AGREEMENTS', 'Agreement', gen_random_uuid()::text, jsonb_build_object('what', $2::text)
       FROM "user" u, "ServiceArea" a WHERE u.email = 'sara.holm@solbjerg.dk' AND a.key = 'elderly-care' AND a."municipalityId" = $3`,
      [inge.id, what, inge.municipalityId],
    );
  });
  await signInAs(page, /Inge Hansen/);
  await page.goto("/da/plan");
  const news = section(page, "Nyt siden sidst, du var her");
  await expect(news).toContainText(`Sara Holm fra Ældre og pleje har skrevet en aftale: “${what}”`);
  await expectAccessible(page);
  // a reload within the visit still shows it
  await page.reload();
  await expect(section(page, "Nyt siden sidst, du var her")).toContainText(what);
});

test("every new page speaks English too, and passes axe", async ({ page }) => {
  // seven pages, each with axe: more than the default minute on a busy machine
  test.setTimeout(120_000);
  await signInAs(page, /Inge Hansen/);
  const pages: [string, string][] = [
    ["/en/plan/goals", "My wishes and goals"],
    ["/en/plan/goals/new", "A new goal"],
    ["/en/plan/agreements", "My agreements"],
    ["/en/plan/network", "My people"],
    ["/en/plan/messages", "Messages"],
    ["/en/plan/help", "Help"],
    ["/en/plan/more", "More"],
  ];
  for (const [path, title] of pages) {
    await page.goto(path);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);
    await expectAccessible(page);
  }
  await page.goto("/en/plan/goals");
  await page.getByRole("link", { name: "Gå de 800 meter til kirken uden rollator" }).click();
  await expect(page.getByRole("heading", { name: "Steps on the way" })).toBeVisible();
  await expect(page.getByRole("button", { name: "The goal is reached" })).toBeVisible();
  await expectAccessible(page);
  await page.goto("/en/plan");
  await expect(page.getByRole("link", { name: "See and change my goals" }).first()).toBeVisible();
});

import { expect, type Page } from "@playwright/test";
import { randomUUID } from "node:crypto";
import pg from "pg";
import { demoDb } from "./servers";

/** Signs in as a demo persona through the picker (demo build only). */
export async function signInAs(page: Page, name: RegExp) {
  await page.goto("/da/sign-in");
  await page.getByTestId("persona-picker").getByRole("button", { name }).click();
  await expect(page).toHaveURL(/\/da\/me$/);
}

/** A <section> by its level-2 heading. */
export const section = (page: Page, title: string) =>
  page.locator("section").filter({ has: page.getByRole("heading", { level: 2, name: title, exact: true }) });

/** Runs SQL on the demo server's database: for arranging what another person did. */
export async function onDemoDb<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: demoDb() });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** A new citizen with an empty plan, signed in through a link from the demo outbox. Returns the record's id. */
export async function newCitizenSignedIn(page: Page, name = "Ny Borger"): Promise<string> {
  const email = `ny-${Date.now()}-${randomUUID().slice(0, 6)}@example.test`;
  const citizenId = await onDemoDb(async (client) => {
    const userId = randomUUID();
    await client.query(`INSERT INTO "user" (id, name, email, "emailVerified", "updatedAt") VALUES ($1, $3, $2, true, now())`, [
      userId,
      email,
      name,
    ]);
    const { rows } = await client.query<{ id: string }>(
      `INSERT INTO "Citizen" (id, "municipalityId", "userId", name, "updatedAt") SELECT gen_random_uuid(), id, $1, $2, now() FROM "Municipality" ORDER BY "createdAt" LIMIT 1 RETURNING id`,
      [userId, name],
    );
    return rows[0]!.id;
  });
  await page.goto("/da/sign-in");
  await signInByEmail(page, email);
  return citizenId;
}

/** Signs in (or up) with an email link from the demo outbox, from the sign-in page. */
export async function signInByEmail(page: Page, email: string) {
  await page.getByLabel("Din e-mail").fill(email);
  await page.getByRole("button", { name: "Send mig et link" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Se din e-mail");
  await page.goto("/da/demo/outbox");
  await page.goto((await page.getByTestId("mail").filter({ hasText: email }).first().getByRole("link").getAttribute("href"))!);
  await expect(page).toHaveURL(/\/da\/me$/);
}

/** A calendar day in Denmark, `days` from today, as a date field takes it. */
export const dayFromNow = (days: number) =>
  new Intl.DateTimeFormat("sv-SE", { timeZone: "Europe/Copenhagen" }).format(new Date(Date.now() + days * 86_400_000));

export const SARA = "sara.holm@solbjerg.dk";

/** A citizen whose elderly care consented to everything and whom Sara coordinates for, as the area's systems would have it. */
export async function coordinatedBySara(citizenId: string) {
  await onDemoDb(async (c) => {
    await c.query(
      `INSERT INTO "Assignment" (id, "citizenId", "staffId", "serviceAreaId")
       SELECT gen_random_uuid(), $1, s.id, a.id FROM "StaffMember" s JOIN "user" u ON u.id = s."userId" JOIN "ServiceArea" a ON a."municipalityId" = s."municipalityId" AND a.key = 'elderly-care'
       WHERE u.email = $2`,
      [citizenId, SARA],
    );
    await c.query(
      `INSERT INTO "Consent" (id, "citizenId", "serviceAreaId", parts, reason)
       SELECT gen_random_uuid(), $1, a.id, ARRAY['PROFILE','STORY','CONTACT','GOALS','AGREEMENTS','NETWORK','HELP','RELATIVES','RED_THREAD','CONTACT_REQUESTS','MESSAGES']::"RecordPart"[], 'Så vi kan hjælpe dig'
       FROM "ServiceArea" a JOIN "Citizen" c ON c.id = $1 AND c."municipalityId" = a."municipalityId" WHERE a.key = 'elderly-care'`,
      [citizenId],
    );
    await c.query(
      `INSERT INTO "Coordination" ("citizenId", "staffId") SELECT $1, s.id FROM "StaffMember" s JOIN "user" u ON u.id = s."userId" WHERE u.email = $2`,
      [citizenId, SARA],
    );
  });
}

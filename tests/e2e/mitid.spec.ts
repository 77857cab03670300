import { expect, test, type Page } from "@playwright/test";
import { randomUUID } from "node:crypto";
import { OIDC_URL, PROD_BROKER_URL, PROD_URL, SAML_IDP_URL } from "./servers";
import { expectAccessible } from "./support";
import { freshCpr } from "../support/cpr";
import { pdfText } from "../support/pdf-text";

// The production build (not the demo): a citizen signs in with MitID through NemLog-in (the local SAML identity
// provider, signing real assertions) and through a broker (the local OpenID Connect provider).

type Person = { cpr: string; uuid: string; loa?: string; omitCpr?: boolean; badSignature?: boolean };

/** From our sign-in page through NemLog-in's stand-in, as a person would. */
async function nemLogIn(page: Page, person: Person, base = PROD_URL) {
  await page.goto(`${base}/da/sign-in`);
  await page.getByRole("link", { name: "Log ind med MitID" }).click();
  await expect(page).toHaveURL(new RegExp(`^${SAML_IDP_URL}/sso\\?SAMLRequest=`));
  await page.getByLabel("CPR number", { exact: true }).fill(person.cpr);
  await page.getByLabel("UUID", { exact: true }).fill(person.uuid);
  await page.getByLabel("First name").fill("Test");
  await page.getByLabel("Last name").fill("Borger");
  await page.getByLabel(/level/i).selectOption(person.loa ?? "Substantial");
  if (person.omitCpr) await page.getByLabel("Leave out the CPR number").check();
  if (person.badSignature) await page.getByLabel("Sign with the wrong key").check();
  await page.getByRole("button", { name: "Log ind" }).click();
}

/** Sara Holm, through the municipality's identity provider (the local OIDC provider), on the production build. */
async function signInAsSara(page: Page) {
  await page.goto(`${PROD_URL}/da/sign-in`);
  await page.getByRole("button", { name: "Log ind som medarbejder" }).click();
  await expect(page).toHaveURL(new RegExp(`^${OIDC_URL}/interaction/`));
  await page.locator("input[name=login]").fill("sara.holm");
  await page.locator("input[name=password]").fill("any");
  await page.locator("button[type=submit]").click();
  const consent = page.locator("button[type=submit]");
  if (await consent.isVisible().catch(() => false)) await consent.click();
  await expect(page).toHaveURL(`${PROD_URL}/da/me`);
}

/** On "start a plan with a citizen", with the name filled in: the consent given in the conversation, and start. */
async function finishStartingPlan(staff: Page, cpr: string) {
  await staff.getByLabel("Borgerens CPR-nummer").fill(cpr);
  await staff.getByRole("radio", { name: "Telefon" }).check();
  await staff.getByRole("checkbox", { name: "Historien, med borgerens egne ord" }).check();
  await staff.getByRole("checkbox", { name: "Mål", exact: true }).check();
  await staff.getByRole("radio", { name: "6 måneder" }).check();
  await staff.getByRole("radio", { name: "I en samtale med mig" }).check();
  await staff.getByRole("checkbox", { name: "Borgeren har sagt ja til netop dette" }).check();
  await staff.getByRole("button", { name: "Begynd planen" }).click();
  await expect(staff).toHaveURL(new RegExp(`${PROD_URL}/da/staff/citizens/[0-9a-f-]{36}$`));
}

const sessionCookie = async (page: Page) => (await page.context().cookies()).find((c) => c.name.endsWith("session_token"));

async function signOut(page: Page, base: string) {
  await page.goto(`${base}/da/me`);
  await page.getByRole("button", { name: "Log ud", exact: true }).click();
  await expect(page).toHaveURL(/\/da$/);
}

test.describe("MitID through NemLog-in (SAML), production build", () => {
  test("a new citizen signs in: their own plan begins with the gentle first visit, and the next sign-in finds the same plan", async ({
    page,
  }) => {
    const person = { cpr: freshCpr(), uuid: randomUUID() };
    await page.goto(`${PROD_URL}/da/sign-in`);
    await expectAccessible(page);
    await nemLogIn(page, person);
    await expect(page).toHaveURL(`${PROD_URL}/da/plan/start`);
    await expectAccessible(page);
    await page.goto(`${PROD_URL}/da/me`);
    await expect(page.getByTestId("who")).toHaveText("Test Borger");
    await expect(page.getByText("(med MitID)")).toBeVisible();
    await expect(page.getByTestId("roles")).toContainText("Du har din egen plan.");
    await signOut(page, PROD_URL);

    await nemLogIn(page, person);
    await expect(page).toHaveURL(`${PROD_URL}/da/plan`);
  });

  test("a level below Substantial is refused with a plain message, and nobody is signed in", async ({ page }) => {
    await nemLogIn(page, { cpr: freshCpr(), uuid: randomUUID(), loa: "Low" });
    await expect(page).toHaveURL(`${PROD_URL}/da/sign-in?via=mitid&error=level`);
    await expect(page.getByRole("alert").filter({ hasText: /\S/ })).toHaveText(
      "Dit MitID-login var ikke sikkert nok. Din plan har oplysninger om dit helbred. Log ind med MitID-appen eller en kodeviser. Det er sikringsniveauet betydelig.",
    );
    await expectAccessible(page);
    expect(await sessionCookie(page)).toBeUndefined();
  });

  test("an assertion without the CPR number, or signed with the wrong key, lets nobody in", async ({ page }) => {
    await nemLogIn(page, { cpr: freshCpr(), uuid: randomUUID(), omitCpr: true });
    await expect(page).toHaveURL(`${PROD_URL}/da/sign-in?via=mitid&error=no-cpr`);
    await expect(page.getByRole("alert").filter({ hasText: /\S/ })).toContainText("MitID sendte os ikke dit CPR-nummer");
    await nemLogIn(page, { cpr: freshCpr(), uuid: randomUUID(), badSignature: true });
    await expect(page).toHaveURL(`${PROD_URL}/da/sign-in?via=mitid&error=invalid`);
    await expect(page.getByRole("alert").filter({ hasText: /\S/ })).toHaveText("Login med MitID gik ikke igennem. Prøv igen.");
    expect(await sessionCookie(page)).toBeUndefined();
  });

  test("a used assertion posted again signs nobody in", async ({ page, browser }) => {
    await nemLogIn(page, { cpr: freshCpr(), uuid: randomUUID() });
    await expect(page).toHaveURL(`${PROD_URL}/da/plan/start`);
    const used = await (await page.request.get(`${SAML_IDP_URL}/last-response`)).json();
    const other = await browser.newContext();
    const replay = await other.request.post(used.acs, { form: { SAMLResponse: used.SAMLResponse }, maxRedirects: 0 });
    expect(replay.status()).toBe(303);
    expect(replay.headers().location).toBe(`${PROD_URL}/da/sign-in?via=mitid&error=invalid`);
    expect(replay.headers()["set-cookie"] ?? "").not.toMatch(/session_token/);
    await other.close();
  });

  test("a sign-in begun in one browser cannot be finished in another: nobody can push their MitID sign-in onto someone else", async ({
    page,
    browser,
  }) => {
    // the attacker begins, signs in at NemLog-in, and stops their own browser before the answer is posted back
    await page.route("**/api/mitid/saml/acs", (route) => route.abort());
    await nemLogIn(page, { cpr: freshCpr(), uuid: randomUUID() }).catch(() => undefined);
    await expect.poll(async () => (await (await page.request.get(`${SAML_IDP_URL}/last-response`)).json())?.SAMLResponse).toBeTruthy();
    const unused = await (await page.request.get(`${SAML_IDP_URL}/last-response`)).json();
    // and posts it from the victim's browser, as a page of theirs would
    const victim = await browser.newContext();
    const posted = await victim.request.post(unused.acs, { form: { SAMLResponse: unused.SAMLResponse }, maxRedirects: 0 });
    expect(posted.status()).toBe(303);
    expect(posted.headers().location).toBe(`${PROD_URL}/da/sign-in?via=mitid&error=invalid`);
    expect(posted.headers()["set-cookie"] ?? "").not.toMatch(/session_token=[^;]/);
    await victim.close();
  });

  test("on a shared computer: the choice made before MitID holds through NemLog-in's cross-site answer", async ({ page }) => {
    await page.goto(`${PROD_URL}/da/sign-in`);
    await page.getByRole("button", { name: "Ja, andre bruger også denne computer" }).click();
    await expect(page.getByTestId("shared-state")).toContainText("Du har sagt, at andre også bruger denne computer");
    await nemLogIn(page, { cpr: freshCpr(), uuid: randomUUID() });
    await expect(page).toHaveURL(`${PROD_URL}/da/plan/start`);
    // a browser-session cookie (closing the browser ends it), and the reminder to sign out on every page
    expect((await sessionCookie(page))?.expires).toBe(-1);
    await expect(page.getByTestId("shared-notice")).toBeVisible();
    await page.goto(`${PROD_URL}/da/me`);
    await expect(page.getByTestId("no-passkey-here")).toBeVisible();
  });

  test("this service's metadata, for registering it with NemLog-in", async ({ request }) => {
    const response = await request.get(`${PROD_URL}/api/mitid/saml/metadata`);
    expect(response.status()).toBe(200);
    const xml = await response.text();
    expect(xml).toContain(`entityID="${PROD_URL}/api/mitid/saml/metadata"`);
    expect(xml).toContain(`Location="${PROD_URL}/api/mitid/saml/acs"`);
  });
});

test.describe("MitID through a broker (OpenID Connect), production build", () => {
  async function broker(page: Page, login: string) {
    await page.goto(`${PROD_BROKER_URL}/da/sign-in`);
    await page.getByRole("link", { name: "Log ind med MitID" }).click();
    await expect(page).toHaveURL(new RegExp(`^${OIDC_URL}/interaction/`));
    await page.locator("input[name=login]").fill(login);
    await page.locator("input[name=password]").fill("any");
    await page.locator("button[type=submit]").click();
    const consent = page.locator("button[type=submit]");
    if (await consent.isVisible().catch(() => false)) await consent.click();
  }

  test("a new citizen signs in through the broker, and the next sign-in finds the same plan", async ({ page }) => {
    const cpr = freshCpr();
    await broker(page, cpr);
    await expect(page).toHaveURL(`${PROD_BROKER_URL}/da/plan/start`);
    await page.goto(`${PROD_BROKER_URL}/da/me`);
    await expect(page.getByTestId("who")).toHaveText("Broker Borger");
    await signOut(page, PROD_BROKER_URL);
    // the broker remembers the person (single sign-on there): the next sign-in comes straight back, to the same plan
    await page.goto(`${PROD_BROKER_URL}/da/sign-in`);
    await page.getByRole("link", { name: "Log ind med MitID" }).click();
    await expect(page).toHaveURL(`${PROD_BROKER_URL}/da/plan`);
  });

  test("a level below Substantial from the broker is refused with a plain message", async ({ page }) => {
    await broker(page, `${freshCpr()}:low`);
    await expect(page).toHaveURL(`${PROD_BROKER_URL}/da/sign-in?via=mitid&error=level`);
    await expect(page.getByRole("alert").filter({ hasText: /\S/ })).toContainText("Dit MitID-login var ikke sikkert nok");
    expect(await sessionCookie(page)).toBeUndefined();
  });
});

test.describe("a caseworker starts a plan with a citizen; the citizen's first MitID sign-in finds it", () => {
  test("Sara starts it on a home visit; the citizen signs in with MitID, sees what was written down and by whom, and keeps it", async ({
    browser,
  }) => {
    const cpr = freshCpr();
    // the caseworker, through the municipality's identity provider, on the production build
    const staffContext = await browser.newContext();
    const staff = await staffContext.newPage();
    await signInAsSara(staff);
    await staff.goto(`${PROD_URL}/da/staff`);
    await staff.getByRole("radio", { name: "Jeg skal forberede et møde eller et besøg" }).check();
    await staff.getByRole("textbox", { name: "CPR-nummer", exact: true }).fill(cpr);
    await staff.getByRole("button", { name: "Slå op" }).click();
    await staff.getByRole("link", { name: "Begynd en plan sammen med borgeren" }).click();
    await expect(staff.getByRole("heading", { level: 1 })).toHaveText("Begynd en plan sammen med en borger");
    await expectAccessible(staff);

    // nothing is ticked for the citizen: said no to, it tells what is missing and keeps what was written (never the number)
    await staff.getByLabel("Borgerens CPR-nummer").fill(cpr);
    await staff.getByLabel("Borgerens navn").fill("Ellen Holm");
    await staff.getByRole("button", { name: "Begynd planen" }).click();
    await expect(staff.getByText("Sæt kryds, når borgeren har sagt ja til netop dette.").first()).toBeVisible();
    await expect(staff.getByLabel("Borgerens navn")).toHaveValue("Ellen Holm");
    await expect(staff.getByLabel("Borgerens CPR-nummer")).toHaveValue("");
    await expectAccessible(staff);

    await finishStartingPlan(staff, cpr);
    // the plan itself opens (her name came with the consent), not a page asking for permission
    await expect(staff.getByRole("heading", { level: 1, name: "Ellen Holm" })).toBeVisible();
    await expect(staff.getByRole("heading", { name: /Spørg .* om lov/ })).toHaveCount(0);
    expect(staff.url()).not.toContain(cpr);
    await staffContext.close();

    // the citizen, later, on their own phone: MitID finds the plan by the number
    const citizenContext = await browser.newContext();
    const citizen = await citizenContext.newPage();
    await nemLogIn(citizen, { cpr, uuid: randomUUID() });
    await expect(citizen).toHaveURL(`${PROD_URL}/da/plan`);
    const started = citizen.getByTestId("started-with");
    await expect(started.getByRole("heading", { level: 2 })).toHaveText("Din plan blev begyndt sammen med en medarbejder");
    await expect(started).toContainText("Sara Holm begyndte din plan sammen med dig den");
    await expect(started).toContainText("Dit navn: Ellen Holm");
    await expect(started).toContainText("Sådan vil du helst kontaktes: Telefon");
    await expect(started).toContainText("Du sagde ja i en samtale med Sara Holm til, at Ældre og pleje må se: din historie, dine mål.");
    await expect(started).toContainText("Dit navn kommer altid med, så Ældre og pleje kan finde din plan.");
    await expectAccessible(citizen);
    await started.getByRole("button", { name: "Det er rigtigt, behold det" }).click();
    await expect(citizen.getByRole("status").filter({ hasText: "Tak. Det, der blev skrevet ned, er beholdt." })).toBeVisible();
    await expect(citizen.getByTestId("started-with")).toHaveCount(0);
    // and who started it is in the log of who has seen the plan
    await citizen.goto(`${PROD_URL}/da/plan/access-log`);
    const log = citizen.getByRole("list").filter({ hasText: "Sara Holm" });
    await expect(log).toContainText("Sara Holm, medarbejder i Ældre og pleje, begyndte din plan sammen med dig og skrev dit ja ned.");
    // and nobody was turned away on the way: no refused look at her plan
    await expect(citizen.getByText("men havde ikke lov")).toHaveCount(0);
    await citizenContext.close();
  });
});

test.describe("the assisted route: a citizen who never opened the app", () => {
  test("Sara starts the plan on a visit, writes with the citizen, records the yes told to her, prints the letter; later the citizen signs in and confirms one thing and undoes another", async ({
    browser,
  }) => {
    test.setTimeout(180_000);
    const cpr = freshCpr();
    const staffContext = await browser.newContext();
    const staff = await staffContext.newPage();
    await signInAsSara(staff);
    await staff.goto(`${PROD_URL}/da/staff/start`);
    await staff.getByLabel("Borgerens navn").fill("Asta Møller");
    await finishStartingPlan(staff, cpr);

    // written with the citizen: a part of her story, and a goal
    const write = staff.getByTestId("write-with");
    await write.getByText("En del af borgerens historie").click();
    await write.getByLabel("Hvilken del af historien?").selectOption({ label: "Om mig" });
    await write.getByLabel("Med borgerens egne ord").fill("Jeg er Asta. Jeg har været syerske hele mit liv.");
    await write.getByRole("button", { name: "Gem, så borgeren kan sige ja" }).first().click();
    await expect(write.getByRole("status").filter({ hasText: "Gemt. Borgeren kan nu sige ja eller nej." })).toBeVisible();
    await staff.reload();
    await staff.getByTestId("write-with").getByText("Et mål", { exact: true }).click();
    await staff.getByTestId("write-with").getByLabel("Målet, som borgeren siger det").fill("Komme i kirke om søndagen");
    await staff.getByTestId("write-with").getByRole("button", { name: "Gem, så borgeren kan sige ja" }).last().click();
    await expect(
      staff.getByTestId("write-with").getByRole("status").filter({ hasText: "Gemt. Borgeren kan nu sige ja eller nej." }),
    ).toBeVisible();
    await staff.reload();
    const waiting = staff.getByTestId("waiting-for-yes");
    await expect(waiting).toHaveCount(2);
    await expectAccessible(staff);
    // she said yes to the goal out loud: Sara records it
    const goal = waiting.filter({ hasText: "Komme i kirke om søndagen" });
    await goal.getByRole("checkbox", { name: "Borgeren har sagt ja til netop dette" }).check();
    await goal.getByRole("button", { name: /Skriv borgerens ja ned/ }).click();
    // no longer waiting: it is in her plan, among the goals
    await expect(staff.getByTestId("waiting-for-yes")).toHaveCount(1);
    await expect(staff.getByText("Komme i kirke om søndagen").first()).toBeVisible();

    // the letter for a citizen without a screen: the goal she said yes to; not the story that waits for her
    const href = await staff.getByTestId("print-letter").getAttribute("href");
    const response = await staff.request.get(`${PROD_URL}${href}`);
    expect(response.headers()["content-type"]).toBe("application/pdf");
    const letter = await pdfText(Buffer.from(await response.body()));
    expect(letter.text).toContain("Kære Asta Møller");
    expect(letter.text).toContain("Komme i kirke om søndagen");
    expect(letter.text).not.toContain("syerske");
    await staffContext.close();

    // later, on her own phone: MitID finds the plan; she says yes to her story and undoes the goal
    const citizenContext = await browser.newContext({ viewport: { width: 320, height: 700 }, isMobile: true, hasTouch: true });
    const citizen = await citizenContext.newPage();
    await nemLogIn(citizen, { cpr, uuid: randomUUID() });
    await expect(citizen).toHaveURL(`${PROD_URL}/da/plan`);
    const withYou = citizen.getByTestId("written-with");
    await expect(withYou.getByRole("heading", { level: 2 })).toHaveText("Skrevet sammen med dig");
    await expectAccessible(citizen);
    const storyItem = withYou.getByTestId("written-with-item").filter({ hasText: "syerske" });
    await expect(storyItem).toContainText("Sara Holm skrev det sammen med dig");
    await storyItem.getByRole("button", { name: /Ja, det er rigtigt/ }).click();
    await expect(citizen.getByRole("status").filter({ hasText: "Det står nu i din plan." })).toBeVisible();
    await expect(citizen.getByTestId("written-with-mark")).toContainText("Skrevet af Sara Holm sammen med dig");
    const goalItem = citizen.getByTestId("written-with-item").filter({ hasText: "Komme i kirke om søndagen" });
    await expect(goalItem).toContainText("Sara Holm har skrevet ned, at du sagde ja");
    await goalItem.getByRole("button", { name: /Fortryd/ }).click();
    await expect(citizen.getByRole("status").filter({ hasText: "Det er fortrudt." })).toBeVisible();
    await citizen.goto(`${PROD_URL}/da/plan/goals`);
    await expect(citizen.getByText("Komme i kirke om søndagen")).toHaveCount(0);
    await expectAccessible(citizen);
    await citizenContext.close();
  });
});

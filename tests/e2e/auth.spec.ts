import { expect, test, type BrowserContext, type Page } from "@playwright/test";
import pg from "pg";
import { PERSONAS } from "@/lib/demo/personas";
import { demoDb, OIDC_URL, PROD_URL, SMTP_MESSAGES_URL } from "./servers";
import { expectAccessible } from "./support";

type Mail = { to: string[]; subject: string; text: string; html: string };

const inge = PERSONAS.find((p) => p.key === "citizen")!;

async function sql<T extends pg.QueryResultRow>(query: string, params: unknown[] = []) {
  const client = new pg.Client({ connectionString: demoDb() });
  await client.connect();
  try {
    return (await client.query<T>(query, params)).rows;
  } finally {
    await client.end();
  }
}

async function requestLink(page: Page, email: string) {
  await page.goto("/da/sign-in");
  await page.getByLabel("Din e-mail").fill(email);
  await page.getByRole("button", { name: "Send mig et link" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Se din e-mail");
  await expectAccessible(page);
  await page.goto("/da/demo/outbox");
  await expectAccessible(page);
  const href = await page.getByTestId("mail").filter({ hasText: email }).first().getByRole("link").getAttribute("href");
  expect(href).toContain("/api/auth/magic-link/verify?token=");
  return href!;
}
const sessionCookie = async (context: BrowserContext) => (await context.cookies()).find((c) => c.name.endsWith("session_token"));

test.describe("sign-in", () => {
  test("a citizen signs in by a link from the demo outbox; the link works once; sign-out ends the session on the server", async ({
    page,
    browser,
    request,
  }) => {
    const link = await requestLink(page, inge.email);
    await page.goto(link);
    await expect(page).toHaveURL(/\/da\/me$/);
    await expect(page.getByTestId("who")).toHaveText(inge.name);
    await expect(page.getByTestId("roles")).toContainText("Du har din egen plan.");
    await expectAccessible(page);

    const cookie = await sessionCookie(page.context());
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: "Lax" });
    const before = await sql(`SELECT s.id FROM session s JOIN "user" u ON u.id = s."userId" WHERE u.email = $1`, [inge.email]);
    expect(before.length).toBeGreaterThan(0);
    // the token is stored hashed: the link's token is nowhere in the database
    const token = new URL(link).searchParams.get("token")!;
    expect(await sql(`SELECT id FROM verification WHERE identifier LIKE '%' || $1 || '%' OR value LIKE '%' || $1 || '%'`, [token])).toEqual(
      [],
    );

    const other = await browser.newContext();
    const second = await other.newPage();
    await second.goto(link);
    await expect(second).toHaveURL(/\/da\/sign-in\?error=INVALID_TOKEN$/);
    await expect(second.getByRole("alert").filter({ hasText: "Linket virker ikke længere" })).toBeVisible();
    expect(await sessionCookie(other)).toBeUndefined();
    await other.close();

    await page.getByRole("button", { name: "Log ud", exact: true }).click();
    await expect(page).toHaveURL(/\/da$/);
    const res = await request.get("/api/auth/get-session", { headers: { cookie: `${cookie!.name}=${cookie!.value}` } });
    expect(await res.json()).toBeNull();
    await page.goto("/da/me");
    await expect(page).toHaveURL(/\/da\/sign-in$/);
  });

  test("sign-out takes with it what the person left in this browser: drafts and an invite link waiting", async ({ page, context }) => {
    await page.goto("/da/sign-in");
    await page
      .getByTestId("persona-picker")
      .getByRole("button", { name: /Inge Hansen/ })
      .click();
    await expect(page).toHaveURL(/\/da\/me$/);
    await page.goto("/da/plan/story");
    await page.getByLabel("Med dine egne ord").first().fill(`Ikke gemt ${Date.now()}`);
    await expect.poll(() => page.evaluate(() => Object.keys(window.localStorage).filter((k) => k.startsWith("tio:draft:")).length)).toBe(1);
    // an invite link opened in this browser: its route keeps the token waiting in a cookie (not followed to the
    // landing page, which would forget a link that does not work)
    expect((await context.request.get(`/da/invite/${"A".repeat(43)}`, { maxRedirects: 0 })).status()).toBe(303);
    expect((await context.cookies()).map((c) => c.name)).toContain("tio_invite");
    await page.goto("/da/me");
    await page.getByRole("button", { name: "Log ud", exact: true }).click();
    await expect(page).toHaveURL(/\/da$/);
    expect((await context.cookies()).map((c) => c.name)).not.toContain("tio_invite");
    expect(await page.evaluate(() => Object.keys(window.localStorage).filter((k) => k.startsWith("tio:draft")))).toEqual([]);
  });

  test("on a shared computer, chosen before signing in: the session ends with the browser, nothing is kept in it, and no passkey is made there", async ({
    page,
    context,
  }) => {
    // a long walk: nine pages, each checked with axe
    test.setTimeout(120_000);
    // the last person's unsaved words, left in this browser before the choice
    await page.goto("/da/sign-in");
    await page.evaluate(() =>
      window.localStorage.setItem("tio:draft:story:LIFE", JSON.stringify({ text: "Den forriges ord", version: 1 })),
    );
    await expectAccessible(page);
    const choose = page.getByRole("button", { name: "Ja, andre bruger også denne computer" });
    await choose.focus();
    await page.keyboard.press("Enter");
    await expect(page.getByTestId("shared-state")).toContainText("Du har sagt, at andre også bruger denne computer");
    await expectAccessible(page);

    // a real sign-in link, opened in this browser
    const link = await requestLink(page, inge.email);
    // the link itself says it was asked for on a shared computer (a mail program's own browser has no cookie)
    expect(decodeURIComponent(link)).toContain("/da/me?device=shared");
    await page.goto(link);
    await expect(page).toHaveURL(/\/da\/me\?device=shared$/);
    const cookie = await sessionCookie(context);
    // no expiry date: closing the browser ends it
    expect(cookie?.expires).toBe(-1);
    const [row] = await sql<{ sharedDevice: boolean; minutes: number }>(
      `SELECT s."sharedDevice", EXTRACT(EPOCH FROM (s."expiresAt" - now())) / 60 AS minutes FROM session s WHERE s.token = $1`,
      [decodeURIComponent(cookie!.value).split(".")[0]],
    );
    expect(row?.sharedDevice).toBe(true);
    expect(Number(row?.minutes)).toBeLessThanOrEqual(30);
    await expect(page.getByTestId("shared-notice")).toContainText("Husk at logge ud");
    // a passkey made here would let the next person in
    await expect(page.getByTestId("no-passkey-here")).toBeVisible();
    await expect(page.getByRole("button", { name: "Lav en adgangsnøgle" })).toHaveCount(0);
    await expectAccessible(page);
    // nor a push subscription, which would outlive the session and show the next person's pop-ups
    await page.goto("/da/me/notifications");
    await expect(page.getByTestId("push-not-shared")).toBeVisible();

    // typing keeps nothing in the browser, and the last person's words are gone
    await page.goto("/da/plan/story");
    await page.getByLabel("Med dine egne ord").first().fill(`Skrevet på biblioteket ${Date.now()}`);
    // drafts are written as one types (a synchronous handler): had one been kept, it would be there now
    expect(await page.evaluate(() => Object.keys(window.localStorage).filter((k) => k.startsWith("tio:")))).toEqual([]);
    await page.setViewportSize({ width: 320, height: 640 });
    await expectAccessible(page);

    // the reminder's own button signs out
    await page.getByTestId("shared-notice").locator("..").getByRole("button", { name: "Log ud" }).click();
    await expect(page).toHaveURL(/\/da$/);
    expect(await sessionCookie(context)).toBeUndefined();
  });

  test("on a shared computer, typing counts as use, and a page nobody has used for 30 minutes leaves the screen", async ({ page }) => {
    await page.clock.install();
    await page.goto("/da/sign-in");
    await page.getByRole("button", { name: "Ja, andre bruger også denne computer" }).click();
    await expect(page.getByTestId("shared-state")).toContainText("Du har sagt");
    await page
      .getByTestId("persona-picker")
      .getByRole("button", { name: /Inge Hansen/ })
      .click();
    await expect(page).toHaveURL(/\/da\/me$/);
    await page.goto("/da/plan/story");
    const field = page.getByLabel("Med dine egne ord").first();
    const tellings: string[] = [];
    page.on("request", (r) => {
      if (r.method() === "POST" && r.url().includes("/da/plan/story") && r.headers()["next-action"]) tellings.push(r.url());
    });
    // 20 minutes, then a few words, two minutes apart, then 20 more: 42 minutes, never 30 without use
    await page.clock.fastForward("20:00");
    await field.pressSequentially("Stadig");
    await page.clock.fastForward("02:00");
    await field.pressSequentially(" her");
    // the page told the server the person is still here (a server action; at most once a minute)
    await expect.poll(() => tellings.length).toBeGreaterThan(0);
    await page.clock.fastForward("20:00");
    await expect(page).toHaveURL(/\/da\/plan\/story$/);
    // then nobody: after 30 minutes the plan leaves the screen
    await page.clock.fastForward("31:00");
    await expect(page).not.toHaveURL(/\/da\/plan\/story$/);
  });

  test("an expired link is refused", async ({ page }) => {
    const email = `late-${Date.now()}@example.test`;
    const link = await requestLink(page, email);
    await sql(`UPDATE verification SET "expiresAt" = now() - interval '1 minute' WHERE "expiresAt" > now()`);
    await page.goto(link);
    await expect(page).toHaveURL(/\/da\/sign-in\?error=INVALID_TOKEN$/);
    expect(await sessionCookie(page.context())).toBeUndefined();
  });

  test("bad input gets a clear, translated error next to the field", async ({ page }) => {
    await page.goto("/da/sign-in");
    await page.getByRole("button", { name: "Send mig et link" }).click();
    await expect(page.getByRole("alert").filter({ hasText: "Der er noget, du skal rette" })).toBeFocused();
    await expect(page.locator("#email-error")).toHaveText("Skriv noget her.");
    await page.getByLabel("Din e-mail").fill("ikke en adresse");
    await page.getByRole("button", { name: "Send mig et link" }).click();
    await expect(page.locator("#email-error")).toHaveText("Skriv en e-mailadresse, fx navn@eksempel.dk.");
    await expect(page.getByLabel("Din e-mail")).toHaveAttribute("aria-invalid", "true");
    await expectAccessible(page);
  });

  test("the email form works without JavaScript", async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto("/en/sign-in");
    await page.getByLabel("Your email").fill("nope");
    await page.getByRole("button", { name: "Send me a link" }).click();
    await expect(page.locator("#email-error")).toHaveText("Write an email address, e.g. name@example.com.");
    await page.getByLabel("Your email").fill(`nojs-${Date.now()}@example.test`);
    await page.getByRole("button", { name: "Send me a link" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Check your email");
    await context.close();
  });

  test("a passkey is added after signing in, then signs in alone (Chromium's virtual authenticator)", async ({ page }) => {
    const cdp = await page.context().newCDPSession(page);
    await cdp.send("WebAuthn.enable");
    const { authenticatorId } = await cdp.send("WebAuthn.addVirtualAuthenticator", {
      options: {
        protocol: "ctap2",
        transport: "internal",
        hasResidentKey: true,
        hasUserVerification: true,
        isUserVerified: true,
        automaticPresenceSimulation: true,
      },
    });
    const email = `passkey-${Date.now()}@example.test`;
    await page.goto(await requestLink(page, email));
    await expect(page.getByTestId("passkeys")).toHaveText("Du har ingen adgangsnøgle.");
    await page.getByRole("button", { name: "Lav en adgangsnøgle" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Adgangsnøglen er lavet" })).toBeVisible();
    await expect(page.getByTestId("passkeys")).toHaveText("Du har én adgangsnøgle.");
    const { credentials } = await cdp.send("WebAuthn.getCredentials", { authenticatorId });
    expect(credentials).toHaveLength(1);

    await page.getByRole("button", { name: "Log ud", exact: true }).click();
    await expect(page).toHaveURL(/\/da$/);
    await page.goto("/da/sign-in");
    await page.getByRole("button", { name: "Log ind med adgangsnøgle" }).click();
    await expect(page).toHaveURL(/\/da\/me$/);
    await expect(page.getByText(email)).toBeVisible();

    // listed, and removed: a lost phone's passkey no longer signs anyone in
    const list = page.getByRole("list", { name: "Dine adgangsnøgler" });
    await expect(list.getByRole("listitem")).toHaveCount(1);
    await expect(list).toContainText("Adgangsnøgle lavet");
    await expectAccessible(page);
    await list.getByRole("button", { name: /^Fjern: Adgangsnøgle lavet/ }).click();
    await expect(page.getByRole("status").filter({ hasText: "Adgangsnøglen er fjernet." })).toBeVisible();
    await expect(page.getByTestId("passkeys")).toHaveText("Du har ingen adgangsnøgle.");
    await page.getByRole("button", { name: "Log ud", exact: true }).click();
    await page.goto("/da/sign-in");
    await page.getByRole("button", { name: "Log ind med adgangsnøgle" }).click();
    await expect(page.getByText("Det lykkedes ikke. Prøv igen, eller få et link på e-mail.")).toBeVisible();
    await expect(page).toHaveURL(/\/da\/sign-in$/);
  });

  test("a caseworker signs in through the municipality's identity provider (local OIDC)", async ({ page }) => {
    await page.goto("/da/sign-in");
    await page.getByRole("button", { name: "Log ind som medarbejder" }).click();
    await expect(page).toHaveURL(new RegExp(`^${OIDC_URL}/interaction/`));
    await page.locator("input[name=login]").fill("sara.holm");
    await page.locator("input[name=password]").fill("any");
    await page.locator("button[type=submit]").click();
    await page.locator("button[type=submit]").click(); // consent
    await expect(page).toHaveURL(/localhost:\d+\/da\/me$/);
    await expect(page.getByTestId("who")).toHaveText("Sara Holm");
    await expect(page.getByTestId("roles")).toContainText("Du er medarbejder i: Ældre og pleje.");
  });

  async function throughStaffProvider(page: Page, login: string) {
    await page.goto("/da/sign-in");
    await page.getByRole("button", { name: "Log ind som medarbejder" }).click();
    await expect(page).toHaveURL(new RegExp(`^${OIDC_URL}/interaction/`));
    await page.locator("input[name=login]").fill(login);
    await page.locator("input[name=password]").fill("any");
    await page.locator("button[type=submit]").click();
    await page.locator("button[type=submit]").click(); // consent
  }

  test("a provider that says someone has a citizen's address does not make them that citizen: no joining by email", async ({ page }) => {
    await throughStaffProvider(page, inge.email);
    await expect(page).toHaveURL(/\/da\/sign-in\?via=staff&error=account_not_linked$/);
    await expect(page.getByRole("alert").filter({ hasText: /\S/ })).toHaveText(
      "Dit login fra kommunen er ikke koblet til en konto her. Spørg kommunens it-support.",
    );
    await expectAccessible(page);
    expect(await sessionCookie(page.context())).toBeUndefined();
    await page.goto("/da/plan");
    await expect(page).toHaveURL(/\/da\/sign-in$/);
    const accounts = await sql(`SELECT a."providerId" FROM account a JOIN "user" u ON u.id = a."userId" WHERE u.email = $1`, [inge.email]);
    expect(accounts).toEqual([]);
  });

  test("a caseworker who comes by an email link is a private person: staff powers come only from the staff sign-in", async ({ page }) => {
    const omar = PERSONAS.find((p) => p.key === "caseworker")!;
    await requestLink(page, omar.email).then((href) => page.goto(href));
    await expect(page).toHaveURL(/\/da\/me$/);
    await expect(page.getByTestId("who")).toHaveText("Omar Aziz");
    await expect(page.getByTestId("roles")).toHaveText(
      "Du er logget ind som privatperson. Som medarbejder logger du ind med kommunens login. Log ind som medarbejder",
    );
    await expectAccessible(page);
    await page.goto("/da/staff");
    await expect(page).toHaveURL(/\/da\/me$/);
    // Inge consented to Omar's area, yet her plan stays closed to him here
    const [ingeRecord] = await sql<{ id: string }>(`SELECT c.id FROM "Citizen" c JOIN "user" u ON u.id = c."userId" WHERE u.email = $1`, [
      inge.email,
    ]);
    await page.goto(`/da/staff/citizens/${ingeRecord!.id}`);
    await expect(page).toHaveURL(/\/da\/me$/);
    await expect(page.getByText("Inge Hansen")).toHaveCount(0);
  });

  test("a staff session lasts a working day; then the caseworker signs in through the provider again", async ({ page, context }) => {
    await throughStaffProvider(page, "lene.dahl");
    await expect(page).toHaveURL(/\/da\/me$/);
    await expect(page.getByTestId("roles")).toContainText("Du er medarbejder i: Ældre og pleje.");
    const token = decodeURIComponent((await sessionCookie(context))!.value).split(".")[0];
    const [row] = await sql<{ hours: number }>(
      `SELECT extract(epoch FROM "expiresAt" - "createdAt") / 3600 AS hours FROM session WHERE token = $1 AND "staffId" IS NOT NULL`,
      [token],
    );
    expect(Number(row!.hours)).toBeCloseTo(10, 1);
    await page.goto("/da/staff");
    await expect(page).toHaveURL(/\/da\/staff$/);
    // the day is over (the session began 10 hours and a minute ago, and was extended like a citizen's)
    await sql(`UPDATE session SET "createdAt" = now() - interval '601 minutes', "expiresAt" = now() + interval '6 days' WHERE token = $1`, [
      token,
    ]);
    await page.goto("/da/staff");
    await expect(page).toHaveURL(/\/da\/me$|\/da\/sign-in$/);
    expect(await sql(`SELECT 1 FROM session WHERE token = $1`, [token])).toEqual([]);
  });

  test("the demo persona picker signs in a seeded person", async ({ page }) => {
    await page.goto("/da/sign-in");
    await expectAccessible(page);
    await page
      .getByTestId("persona-picker")
      .getByRole("button", { name: /Mette Hansen/ })
      .click();
    await expect(page).toHaveURL(/\/da\/me$/);
    await expect(page.getByTestId("who")).toHaveText("Mette Hansen");
    await expect(page.getByTestId("roles")).toContainText("Du er pårørende til én person.");
  });
});

test.describe("the production build", () => {
  test("has no persona picker and no demo outbox", async ({ page }) => {
    await page.goto(`${PROD_URL}/da/sign-in`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Log ind");
    await expect(page.getByTestId("persona-picker")).toHaveCount(0);
    await expect(page.getByText("Prøv demoen")).toHaveCount(0);
    const outbox = await page.goto(`${PROD_URL}/da/demo/outbox`);
    expect(outbox?.status()).toBe(404);
  });

  test("sends a real sign-in link by mail, which signs in once", async ({ page, browser }) => {
    const email = `ny-${Date.now()}@example.test`;
    await page.goto(`${PROD_URL}/da/sign-in`);
    await page.getByLabel("Din e-mail").fill(email);
    await page.getByRole("button", { name: "Send mig et link" }).click();
    await expect(page).toHaveURL(/\/da\/sign-in\/sent$/);
    // what the mail server received
    const received = async () => (await (await fetch(`${SMTP_MESSAGES_URL}?to=${encodeURIComponent(email)}`)).json()) as Mail[];
    await expect.poll(async () => (await received()).length).toBe(1);
    const [mail] = await received();
    expect(mail!.subject).toBe("Dit link til Fortæl det én gang");
    expect(mail!.html).toContain('lang="da"');
    const link = /https?:\/\/\S+/.exec(mail!.text)![0];
    expect(link.startsWith(`${PROD_URL}/api/auth/magic-link/verify?token=`)).toBe(true);
    await page.goto(link);
    await expect(page).toHaveURL(/\/da\/me$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Min side");
    await expect(page.locator("main")).toContainText(email);
    // once: the same link in another browser signs nobody in
    const other = await browser.newContext();
    const again = await other.newPage();
    await again.goto(link);
    await expect(again).not.toHaveURL(/\/da\/me$/);
    await again.goto(`${PROD_URL}/da/me`);
    await expect(again).toHaveURL(/\/da\/sign-in/);
    await other.close();
  });

  test("the sign-in form sends at most 5 links to one address in a quarter of an hour, then says to wait", async ({ page }) => {
    test.slow(); // it may wait for the next quarter of an hour to begin
    // the limit counts in fixed quarters of an hour: start well inside one
    const left = 900_000 - (Date.now() % 900_000);
    if (left < 45_000) await page.waitForTimeout(left + 500);
    const email = `mange-${Date.now()}@example.test`;
    const ask = async () => {
      await page.goto(`${PROD_URL}/da/sign-in`);
      await page.getByLabel("Din e-mail").fill(email);
      await page.getByRole("button", { name: "Send mig et link" }).click();
    };
    for (let i = 0; i < 5; i++) {
      await ask();
      await expect(page).toHaveURL(/\/da\/sign-in\/sent$/);
    }
    await ask();
    await expect(page.locator("[role=alert]").filter({ hasText: "Vent et kvarter" })).toBeVisible();
    await expect(page.getByLabel("Din e-mail")).toHaveValue(email);
    const received = (await (await fetch(`${SMTP_MESSAGES_URL}?to=${encodeURIComponent(email)}`)).json()) as Mail[];
    expect(received).toHaveLength(5);
  });

  test("does not pretend to send mail it cannot send", async ({ page }) => {
    await page.goto(`${PROD_URL}/da/sign-in`);
    // the mail server refuses this address
    await page.getByLabel("Din e-mail").fill("inge@refused.example");
    await page.getByRole("button", { name: "Send mig et link" }).click();
    await expect(page.locator("[role=alert]").filter({ hasText: "Vi kunne ikke sende e-mailen" })).toBeVisible();
  });
});

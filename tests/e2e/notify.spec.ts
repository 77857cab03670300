import { expect, test, type Browser, type Page } from "@playwright/test";
import { expectAccessible, expectNoHorizontalScroll } from "./support";
import { coordinatedBySara, newCitizenSignedIn, onDemoDb, SARA, section, signInAs } from "./citizen";
import { PUSH_URL } from "./servers";

// Telling people, in the browser, on the demo build with its worker running
// (mail and SMS land in the demo outbox; web push goes to the local push
// service): a citizen's "contact me" reaches the coordinator at once and the
// citizen sees when; a caseworker's message shows in "Nyt til dig"; the
// citizen chooses how they are told and confirms a number by its link; the stop
// link in a mail works without signing in; the service worker shows a push.

/** Sara coordinates for the citizen, and chose no quiet hours (the tests run at any hour). */
async function coordinatedAndAwake(citizenId: string) {
  await coordinatedBySara(citizenId);
  await onDemoDb((c) => quietHoursOff(c, SARA));
}

async function quietHoursOff(c: import("pg").Client, email: string) {
  await c.query(
    `INSERT INTO "NotificationSettings" ("userId", "quietFrom", "quietTo", "updatedAt") SELECT id, 0, 0, now() FROM "user" WHERE email = $1
     ON CONFLICT ("userId") DO UPDATE SET "quietFrom" = 0, "quietTo" = 0`,
    [email],
  );
}

/** The newest mail or text in the demo outbox to `to` whose subject is `subject`, waiting for the worker to put it there. */
async function outboxTo(to: string, subject: string): Promise<{ subject: string; body: string }> {
  let found: { subject: string; body: string } | undefined;
  await expect
    .poll(
      async () => {
        found = await onDemoDb(async (c) => {
          const { rows } = await c.query(
            `SELECT subject, body FROM "OutboxEmail" WHERE "to" = $1 AND subject = $2 ORDER BY "createdAt" DESC LIMIT 1`,
            [to, subject],
          );
          return rows[0];
        });
        return Boolean(found);
      },
      { timeout: 20_000 },
    )
    .toBe(true);
  return found!;
}

async function phoneCitizen(browser: Browser, name: string) {
  const phone = await browser.newContext({ viewport: { width: 320, height: 740 }, isMobile: true, hasTouch: true });
  const page = await phone.newPage();
  const citizenId = await newCitizenSignedIn(page, name);
  await coordinatedAndAwake(citizenId);
  const email = await onDemoDb(async (c) => {
    const { rows } = await c.query(`SELECT u.email FROM "user" u JOIN "Citizen" ci ON ci."userId" = u.id WHERE ci.id = $1`, [citizenId]);
    await quietHoursOff(c, rows[0].email);
    return rows[0].email as string;
  });
  return { page, citizenId, email };
}

test("'contact me' reaches the coordinator at once, with nothing from the plan, and the citizen sees when she was told", async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const name = `Karen Mølgaard ${Date.now() % 100_000}`;
  const { page } = await phoneCitizen(browser, name);
  await page.goto("/da/plan/contact-request");
  await page.getByLabel("Hvad er du i tvivl om? (valgfrit)").fill("Jeg forstår ikke brevet om min rollator.");
  await page.getByRole("button", { name: "Kontakt mig" }).click();
  await expect(page.getByTestId("contact-open")).toContainText("Sara Holm kontakter dig senest");

  const mail = await outboxTo(SARA, "En borger vil gerne kontaktes");
  expect(mail.body).toContain("/da/staff/citizens/");
  for (const word of ["rollator", "Karen", "Mølgaard", "Ældre"]) expect(mail.body).not.toContain(word);

  // the page says she was told, and when, only now that it happened
  await expect
    .poll(async () => (await page.reload(), await page.getByTestId("contact-told").textContent()), { timeout: 15_000 })
    .toMatch(/^Sara Holm fik besked om din henvendelse \d+\. \w+ \d{4}/);
  await expectAccessible(page);
  await expectNoHorizontalScroll(page);
});

test("a message from the caseworker shows in 'Nyt til dig', and is marked read by keyboard", async ({ page, browser }) => {
  test.setTimeout(150_000);
  const name = `Bent Lauridsen ${Date.now() % 100_000}`;
  const { page: citizen, citizenId, email } = await phoneCitizen(browser, name);

  await page.setViewportSize({ width: 1280, height: 900 });
  await signInAs(page, /Sara Holm/);
  await page.goto(`/da/staff/citizens/${citizenId}`);
  const messages = section(page, "Beskeder til borgeren");
  await messages.getByLabel("Besked", { exact: true }).fill("Hej Bent. Hjælperen kommer onsdag.");
  await messages.getByRole("button", { name: "Send beskeden" }).click();
  await expect(page.getByTestId("messages")).toContainText("Hjælperen kommer onsdag");

  // the mail says only that something is waiting
  const mail = await outboxTo(email, "Du har fået en besked");
  expect(mail.body).not.toContain("Hjælperen");
  expect(mail.body).toMatch(/\/da\/stop\?t=\S+/);

  await citizen.goto("/da/plan");
  const forYou = citizen.getByTestId("for-you");
  await expect(forYou.getByTestId("for-you-item").first()).toContainText("Ny: Du har fået en besked fra kommunen");
  await expect(forYou.getByTestId("for-you-unread")).toHaveText("1 ny");
  await expectAccessible(citizen);
  await expectNoHorizontalScroll(citizen);
  const markRead = forYou.getByRole("button", { name: "Markér som læst: Du har fået en besked fra kommunen" });
  await markRead.focus();
  await citizen.keyboard.press("Enter");
  await expect(citizen.getByTestId("for-you-unread")).toHaveText("Du har set det hele.");
  await expect(citizen.getByTestId("for-you-item").first()).toHaveAttribute("data-read", "yes");

  // the stop link in the mail: a page with a button, no sign-in needed
  const stopUrl = /(https?:\/\/\S+\/da\/stop\?t=\S+)/.exec(mail.body)![1]!;
  const stranger = await (await browser.newContext()).newPage();
  await stranger.goto(stopUrl);
  await expect(stranger.getByRole("heading", { level: 1 })).toHaveText("Stop beskeder");
  await expectAccessible(stranger);
  await stranger.getByRole("button", { name: "Stop mails" }).click();
  await expect(stranger.getByTestId("stop-done")).toContainText("Du får ikke flere mails fra os.");
  await citizen.goto("/da/me/notifications");
  await expect(citizen.getByLabel(`Mail til ${email}`)).not.toBeChecked();
});

test("the citizen chooses how she is told, and a new number is used once its link is opened", async ({ browser }) => {
  test.setTimeout(120_000);
  const { page } = await phoneCitizen(browser, `Inge Dam ${Date.now() % 100_000}`);
  await page.goto("/da/me/notifications");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Sådan får du besked");
  await expectAccessible(page);
  await expectNoHorizontalScroll(page);

  await page.getByRole("radio", { name: "Samlet én gang om dagen" }).check();
  await page.getByLabel("Tidspunkt for den samlede besked").selectOption("9");
  await page.getByRole("checkbox", { name: "Du har fået en besked fra kommunen" }).check();
  await page.getByLabel("Nyt mobilnummer (valgfrit)").fill("20 30 40 50");
  await page.getByRole("button", { name: "Gem" }).click();
  const notice = page.getByTestId("settings-notice");
  await expect(notice).toContainText("Gemt.");
  await expect(notice).toContainText("Vi har sendt et link i en SMS til nummeret.");
  await expect(page.getByRole("radio", { name: "Samlet én gang om dagen" })).toBeChecked();
  await expect(page.getByLabel("Tidspunkt for den samlede besked")).toHaveValue("9");
  // not in use until confirmed
  await expect(page.getByText("SMS (skriv et nummer nedenfor)")).toBeVisible();

  const sms = await outboxTo("+4520304050", "SMS");
  const link = /(https?:\/\/\S+\/da\/confirm\?t=\S+)/.exec(sms.body)![1]!;
  await page.goto(link);
  await expectAccessible(page);
  await page.getByRole("button", { name: "Ja, brug den" }).click();
  await expect(page.getByTestId("confirm-done")).toContainText("Vi sender SMS til det nummer fra nu af.");
  await page.goto(link);
  await page.getByRole("button", { name: "Ja, brug den" }).click();
  await expect(page.getByTestId("confirm-failed")).toBeVisible(); // once
  await page.goto("/da/me/notifications");
  await expect(page.getByRole("checkbox", { name: "SMS til +4520304050" })).toBeChecked();

  // a bad number writes nothing and says why
  await page.getByLabel("Nyt mobilnummer (valgfrit)").fill("12");
  await page.getByRole("radio", { name: "Med det samme" }).check();
  await page.getByRole("button", { name: "Gem" }).click();
  await expect(page.getByTestId("settings-notice")).toContainText("Skriv et dansk mobilnummer med 8 cifre");
  await expect(page.getByRole("radio", { name: "Samlet én gang om dagen" })).toBeChecked();
});

test("web push: delivered encrypted to the device's push service, and shown by the service worker", async ({ page, browser, context }) => {
  test.setTimeout(120_000);
  const { citizenId, email } = await phoneCitizen(browser, `Ole Hviid ${Date.now() % 100_000}`);
  // the citizen's device, subscribed at the local push service as a browser would be
  const subscription = (await (await fetch(`${PUSH_URL}/subscriptions`, { method: "POST", body: "{}" })).json()) as {
    endpoint: string;
    keys: { p256dh: string; auth: string };
  };
  await onDemoDb(async (c) => {
    await c.query(
      `INSERT INTO "PushDevice" (id, "userId", endpoint, p256dh, auth, label) SELECT gen_random_uuid(), id, $2, $3, $4, 'Min telefon' FROM "user" WHERE email = $1`,
      [email, subscription.endpoint, subscription.keys.p256dh, subscription.keys.auth],
    );
    await c.query(`UPDATE "NotificationSettings" SET email = false FROM "user" u WHERE u.id = "userId" AND u.email = $1`, [email]);
  });
  await signInAs(page, /Sara Holm/);
  await page.goto(`/da/staff/citizens/${citizenId}`);
  const messages = section(page, "Beskeder til borgeren");
  await messages.getByLabel("Besked", { exact: true }).fill("Husk tandlægen i morgen.");
  await messages.getByRole("button", { name: "Send beskeden" }).click();

  const id = subscription.endpoint.split("/").pop();
  await expect
    .poll(async () => (await (await fetch(`${PUSH_URL}/messages?subscription=${id}`)).json()) as { payload: unknown }[], {
      timeout: 20_000,
    })
    .toEqual([
      expect.objectContaining({
        payload: {
          title: "Du har fået en besked",
          body: "Den er fra en medarbejder i kommunen.",
          url: "/da/plan",
          tag: expect.any(String),
        },
      }),
    ]);

  // the service worker shows what a push service hands it (delivered through the browser's own DevTools protocol)
  await context.grantPermissions(["notifications"]);
  await page.goto("/da/me/notifications");
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => true));
  const cdp = await context.newCDPSession(page);
  const registration = new Promise<string>((resolve) =>
    cdp.on("ServiceWorker.workerRegistrationUpdated", ({ registrations }) => {
      const active = registrations.find((r: { isDeleted: boolean }) => !r.isDeleted);
      if (active) resolve(active.registrationId);
    }),
  );
  await cdp.send("ServiceWorker.enable");
  const origin = new URL(page.url()).origin;
  await cdp.send("ServiceWorker.deliverPushMessage", {
    origin,
    registrationId: await registration,
    data: JSON.stringify({
      title: "Du har fået en besked",
      body: "Den er fra en medarbejder i kommunen.",
      url: "/da/plan",
      tag: "t1",
    }),
  });
  await expect
    .poll(() =>
      page.evaluate(async () => (await (await navigator.serviceWorker.ready).getNotifications()).map((n) => [n.title, n.data?.url])),
    )
    .toEqual([["Du har fået en besked", "/da/plan"]]);
  // a push that is not ours (an address elsewhere) shows nothing of it
  await cdp.send("ServiceWorker.deliverPushMessage", {
    origin,
    registrationId: await registration,
    data: JSON.stringify({ title: "Klik her", body: "x", url: "https://evil.example/", tag: "t2" }),
  });
  await page.waitForTimeout(500);
  expect(
    await page.evaluate(async () => (await (await navigator.serviceWorker.ready).getNotifications()).map((n) => n.title)),
  ).not.toContain("Klik her");
});

/** Keeps the helper honest: a page that is not signed in is sent to sign in. */
test("the settings and the news page need sign-in; the stop page with a made-up token says it does not work", async ({
  page,
}: {
  page: Page;
}) => {
  await page.goto("/da/me/notifications");
  await expect(page).toHaveURL(/\/da\/sign-in/);
  await page.goto("/da/news");
  await expect(page).toHaveURL(/\/da\/sign-in/);
  // the answer page says nothing was stopped because an address says so
  await page.goto("/da/stop?done=ALL");
  await expect(page.getByTestId("stop-done")).toHaveCount(0);
  await page.goto("/da/confirm?done=SMS");
  await expect(page.getByTestId("confirm-done")).toHaveCount(0);
  await page.goto("/da/stop?t=bm90LWEtdG9rZW4.abcdefabcdefabcdefabcdefabcdefab");
  await expect(page.getByTestId("stop-failed")).toBeVisible();
  await expectAccessible(page);
});

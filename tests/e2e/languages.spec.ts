import fs from "node:fs";
import path from "node:path";
import { expect, test, type Locator, type Page } from "@playwright/test";
import { expectAccessible, expectNoHorizontalScroll } from "./support";
import { dayFromNow, newCitizenSignedIn, section } from "./citizen";

// The citizen's main journey in Arabic (right to left) and Ukrainian, on a phone: first visit,
// story, my people, a goal with a step, an agreement, who has seen my plan, settings and the
// printed plan. Every page is checked with axe and at 320 px; the Arabic pages must read from
// the right. The words come from the catalogues, so a translator's corrections never break it.
test.use({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });

type Messages = Record<string, Record<string, unknown>>;
const catalogue = (locale: string): Messages =>
  JSON.parse(fs.readFileSync(path.join(import.meta.dirname, "../../messages", `${locale}.json`), "utf8"));

/** A text from a catalogue by its dotted key, with {placeholders} filled in. */
const words =
  (m: Messages) =>
  (key: string, values: Record<string, string> = {}) => {
    const text = key.split(".").reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], m);
    if (typeof text !== "string") throw new Error(`no text ${key}`);
    return text.replace(/\{(\w+)\}/g, (_, name: string) => values[name] ?? `{${name}}`);
  };

/** axe, and nothing sideways at the narrowest phone we support. */
async function checkPage(page: Page) {
  await expectAccessible(page);
  await page.setViewportSize({ width: 320, height: 640 });
  await expectNoHorizontalScroll(page);
  await page.setViewportSize({ width: 360, height: 740 });
}

/**
 * Which side of the page's main column a heading's text starts at: in Arabic its first line ends at
 * the column's right edge, in Ukrainian it begins at the left edge.
 */
async function startSide(heading: Locator) {
  return heading.evaluate((el) => {
    const main = el.closest("main")!;
    const style = getComputedStyle(main);
    const box = main.getBoundingClientRect();
    const [right, left] = [box.right - parseFloat(style.paddingRight), box.left + parseFloat(style.paddingLeft)];
    const range = document.createRange();
    range.selectNodeContents(el);
    const text = range.getClientRects()[0]!;
    return { textAtRight: Math.abs(text.right - right) < 2, textAtLeft: Math.abs(text.left - left) < 2 };
  });
}

for (const locale of ["ar", "uk"] as const) {
  const t = words(catalogue(locale));
  const rtl = locale === "ar";

  test(`the main journey in ${locale}: ${rtl ? "right to left, " : ""}every page accessible and fit for 320 px`, async ({ page }) => {
    test.setTimeout(180_000);
    const name = rtl ? "أميرة حداد" : "Олена Коваленко";
    await newCitizenSignedIn(page, name);

    // the language is chosen with the header's link, on the same page
    await page.goto("/da/plan");
    await page.getByRole("link", { name: rtl ? "بالعربية" : "Українською" }).click();
    await expect(page).toHaveURL(new RegExp(`/${locale}/plan$`));
    await expect(page.locator("html")).toHaveAttribute("lang", locale);
    await expect(page.locator("html")).toHaveAttribute("dir", rtl ? "rtl" : "ltr");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(name); // my plan is headed by my name

    // the page reads from its start side: the heading's text and the notice's coloured edge
    const side = await startSide(page.getByRole("heading", { level: 1 }));
    expect(side, "the heading starts at the start side").toEqual(
      rtl ? { textAtRight: true, textAtLeft: false } : { textAtRight: false, textAtLeft: true },
    );
    const notice = page.locator("section").filter({ has: page.getByRole("heading", { name: t("Plan.startTitle"), exact: true }) });
    const edge = await notice.evaluate((el) => ({
      left: getComputedStyle(el).borderLeftWidth,
      right: getComputedStyle(el).borderRightWidth,
    }));
    expect(edge).toEqual(rtl ? { left: "0px", right: "4px" } : { left: "4px", right: "0px" });
    await checkPage(page);

    // first visit: four gentle questions, each skippable
    await page.getByRole("link", { name: t("Plan.startLink") }).click();
    await expect(page.getByText(t("Start.progress", { step: "1", total: "4" }))).toBeVisible();
    await checkPage(page);
    await page
      .getByLabel(t("Start.questions.ABOUT_ME.question"))
      .fill(rtl ? "اسمي أميرة وأسكن في أورهوس" : "Мене звати Олена, я живу в Орхусі");
    await page.getByRole("button", { name: t("StartForm.next") }).click();
    for (const n of [2, 3, 4]) {
      await expect(page.getByText(t("Start.progress", { step: String(n), total: "4" }))).toBeVisible();
      await page.getByRole("link", { name: t("StartForm.skip") }).click();
    }
    await expect(page).toHaveURL(new RegExp(`/${locale}/plan$`));
    await expect(section(page, t("Plan.aboutMe"))).toContainText(rtl ? "اسمي أميرة" : "Мене звати Олена");

    // my story: one section saved on its own
    await page.getByRole("link", { name: t("Plan.editStory") }).click();
    const matters = section(page, t("Story.sections.WHAT_MATTERS.title"));
    await matters.getByLabel(t("StoryForm.label")).fill(rtl ? "أحفادي وحديقتي" : "Мої онуки і мій сад");
    await matters.getByRole("button", { name: t("StoryForm.save") }).click();
    await expect(matters.getByRole("status").filter({ hasText: t("StoryForm.saved") })).toBeVisible();
    await checkPage(page);

    // my people: a daughter, closest
    await page.goto(`/${locale}/plan/network`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(t("Network.title"));
    await page.getByLabel(t("NetworkMemberForm.name"), { exact: true }).fill(rtl ? "ليلى" : "Марія");
    await page.getByRole("radio", { name: t("NetworkMemberForm.rings.CLOSEST") }).check();
    await page.getByRole("button", { name: t("NetworkMemberForm.add"), exact: true }).click();
    await expect(page.getByRole("status").filter({ hasText: t("NetworkMemberForm.added") })).toBeVisible();
    await expect(section(page, t("Network.ringsTitle.CLOSEST"))).toContainText(rtl ? "ليلى" : "Марія");
    await checkPage(page);

    // a goal, and a step on the way, ticked off
    await page.goto(`/${locale}/plan/goals/new`);
    await page.getByLabel(t("GoalForm.title"), { exact: true }).fill(rtl ? "أن أمشي إلى السوق وحدي" : "Самій ходити на ринок");
    await page.getByLabel(t("GoalForm.reviewOn")).fill(dayFromNow(30));
    await checkPage(page);
    await page.getByRole("button", { name: t("GoalForm.create") }).click();
    await expect(page.getByRole("status").filter({ hasText: t("Goal.notice.created") })).toBeVisible();
    await page.getByLabel(t("GoalForm.step")).fill(rtl ? "أشتري حذاءً مريحًا" : "Купити зручне взуття");
    await page.getByRole("button", { name: t("GoalForm.addStep") }).click();
    await expect(section(page, t("Goal.stepsTitle")).getByRole("listitem")).toContainText(
      rtl ? "أشتري حذاءً مريحًا" : "Купити зручне взуття",
    );
    await checkPage(page);

    // an agreement
    await page.goto(`/${locale}/plan/agreements`);
    await page.getByLabel(t("AgreementForm.what")).fill(rtl ? "ليلى تأخذني إلى الطبيب" : "Марія відвезе мене до лікаря");
    await page.getByLabel(t("AgreementForm.dueOn")).fill(dayFromNow(7));
    await page.getByRole("button", { name: t("AgreementForm.add") }).click();
    await expect(page.getByRole("status").filter({ hasText: t("AgreementForm.added") })).toBeVisible();
    await expect(section(page, t("Agreements.openTitle"))).toContainText(rtl ? "ليلى تأخذني إلى الطبيب" : "Марія відвезе мене до лікаря");
    await checkPage(page);

    // the one-page plan has it all; who has seen it; the consents and the relatives pages
    await page.goto(`/${locale}/plan`);
    await expect(section(page, t("Plan.whatMatters"))).toContainText(rtl ? "أحفادي وحديقتي" : "Мої онуки і мій сад");
    await expect(section(page, t("Plan.peopleTitle"))).toContainText(rtl ? "ليلى" : "Марія");
    await checkPage(page);
    for (const [address, title] of [
      ["plan/access-log", "AccessLog.title"],
      ["plan/consents", "Consents.title"],
      ["plan/relatives", "Relatives.title"],
      ["me/notifications", "NotifySettings.title"],
      ["me", "Me.title"],
    ] as const) {
      await page.goto(`/${locale}/${address}`);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(t(title));
      await checkPage(page);
    }

    // the plan on paper, in the page's language
    const pdf = await page.request.get(`/${locale}/plan/print`);
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()["content-type"]).toBe("application/pdf");
    expect((await pdf.body()).toString("latin1")).toContain(rtl ? "IBMPlexSansArabic" : "IBMPlexSans");

    // the stored language: chosen in the settings, it is where the settings page comes back
    await page.goto(`/da/plan/settings`);
    await page.getByRole("radio", { name: rtl ? "العربية" : "Українська" }).check();
    await page.getByRole("button", { name: "Gem", exact: true }).click();
    await expect(page).toHaveURL(new RegExp(`/${locale}/plan/settings\\?saved=1$`));
    await expect(page.getByRole("status").filter({ hasText: t("Settings.saved") })).toBeVisible();
    await checkPage(page);
  });
}

test("the front page and sign-in in Arabic read right to left, with links to the other three languages", async ({ page }) => {
  const t = words(catalogue("ar"));
  await page.goto("/ar");
  await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(t("Home.title"));
  const languages = page.getByRole("list", { name: t("Common.languageLabel") });
  await expect(languages.getByRole("link")).toHaveText(["På dansk", "In English", "Українською"]);
  expect(await startSide(page.getByRole("heading", { level: 1 }))).toEqual({ textAtRight: true, textAtLeft: false });
  await checkPage(page);
  await page.goto("/ar/sign-in");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(t("SignIn.title"));
  await checkPage(page);
  // the web app manifest says the language and its direction
  const manifest = await (await page.request.get("/manifest/ar")).json();
  expect(manifest).toMatchObject({ lang: "ar", dir: "rtl", name: t("App.name") });
});

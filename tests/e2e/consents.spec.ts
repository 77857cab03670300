import { expect, test } from "@playwright/test";
import { expectAccessible } from "./support";
import { newCitizenSignedIn, onDemoDb, section } from "./citizen";

// Consent asked just in time, answered on the citizen's phone: all, part, or no; and taken back.
test.use({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });

/** A caseworker (by email) of an area (by key) asks this citizen for parts of the plan, as the staff pages will. */
async function caseworkerAsks(citizenId: string, email: string, areaKey: string, parts: string[], reason: string) {
  await onDemoDb((c) =>
    c.query(
      `INSERT INTO "ConsentRequest" (id, "citizenId", "serviceAreaId", "staffId", reason, parts)
       SELECT gen_random_uuid(), $1, a.id, s.id, $5, $4::"RecordPart"[]
       FROM "StaffMember" s JOIN "user" u ON u.id = s."userId", "ServiceArea" a
       WHERE u.email = $2 AND a.key = $3 AND a."municipalityId" = s."municipalityId"`,
      [citizenId, email, areaKey, `{${parts.join(",")}}`, reason],
    ),
  );
}

test("the citizen says yes to part of what was asked, for three months, and later takes it back; a no is fine too", async ({ page }) => {
  const citizenId = await newCitizenSignedIn(page, "Poul Dam");
  await caseworkerAsks(
    citizenId,
    "sara.holm@solbjerg.dk",
    "elderly-care",
    ["PROFILE", "STORY", "GOALS"],
    "Så vi kan hjælpe dig med badet uden at spørge om det hele igen.",
  );
  await caseworkerAsks(
    citizenId,
    "omar.aziz@solbjerg.dk",
    "health",
    ["PROFILE", "GOALS"],
    "Så vi kan træne det, der betyder noget for dig.",
  );

  await page.goto("/da/plan");
  await page.getByRole("navigation", { name: "Mine sider" }).getByRole("link", { name: "Mere" }).click();
  await page.getByRole("link", { name: "Kommunens adgang til min plan" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Kommunens adgang til min plan");
  await expect(page.getByText("Ingen i kommunen kan se din plan lige nu.")).toBeVisible();
  await expectAccessible(page);

  const sara = page.getByTestId("consent-request").filter({ hasText: "Sara Holm fra Ældre og pleje" });
  await expect(sara).toContainText("Så vi kan hjælpe dig med badet");
  await sara.getByRole("checkbox", { name: "dine mål" }).uncheck();
  await sara.getByRole("radio", { name: "3 måneder" }).check();
  await sara.getByRole("button", { name: "Ja, det må de" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Tak. De kan nu se det, du valgte." })).toBeVisible();
  const given = page.getByTestId("consent").filter({ hasText: "Ældre og pleje" });
  await expect(given).toContainText("Må se: dit navn, din historie");
  await expect(given).toContainText("Til og med");

  const omar = page.getByTestId("consent-request").filter({ hasText: "Omar Aziz fra Sundhed og genoptræning" });
  await omar.getByRole("button", { name: "Nej tak" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Du har sagt nej tak." })).toBeVisible();
  await expect(page.getByTestId("consent-request")).toHaveCount(0);
  await expectAccessible(page);

  // the database holds what she chose: the story, not the goals, for about three months; health got nothing
  const rows = await onDemoDb(
    async (c) =>
      (
        await c.query(
          `SELECT a.key, c.parts::text[] AS parts, c."validUntil" FROM "Consent" c JOIN "ServiceArea" a ON a.id = c."serviceAreaId" WHERE c."citizenId" = $1`,
          [citizenId],
        )
      ).rows,
  );
  expect(rows.map((r) => [r.key, r.parts])).toEqual([["elderly-care", ["PROFILE", "STORY"]]]);
  const days = (new Date(rows[0].validUntil).getTime() - Date.now()) / 86_400_000;
  expect(days).toBeGreaterThan(88);
  expect(days).toBeLessThan(94);

  // taken back: the consent is gone from the page, and withdrawn in the record
  await given.getByRole("button", { name: "Tag det tilbage for Ældre og pleje" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Det er taget tilbage." })).toBeVisible();
  await expect(section(page, "Det har jeg sagt ja til")).toContainText("Ingen i kommunen kan se din plan lige nu.");
  const withdrawn = await onDemoDb(
    async (c) =>
      (await c.query(`SELECT count(*)::int AS n FROM "Consent" WHERE "citizenId" = $1 AND "withdrawnAt" IS NOT NULL`, [citizenId])).rows[0]
        .n,
  );
  expect(withdrawn).toBe(1);
});

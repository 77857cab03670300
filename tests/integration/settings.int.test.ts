import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { connect, type Db } from "@/lib/db/connect";
import { readSettings } from "@/lib/profile/queries";
import { updateSettings } from "@/lib/profile/commands";
import { grantConsent } from "@/lib/consents/commands";
import { makeWorld, useDatabase } from "../support/fixtures";

let db: Db;
beforeAll(async () => {
  await useDatabase(inject("databaseUrl"));
  db = connect(inject("databaseUrl"), { max: 2 });
});
afterAll(() => db.$disconnect());

describe("the citizen's settings", () => {
  it("are the citizen's to change; a stale change is refused with the current copy", async () => {
    const w = await makeWorld(db);
    expect(await readSettings(w.actors.citizen, w.citizen.id)).toEqual({
      ok: true,
      value: { preferredLocale: "da", plainLanguage: false, version: 1 },
    });
    const saved = await updateSettings(w.actors.citizen, {
      citizenId: w.citizen.id,
      preferredLocale: "en",
      plainLanguage: "on",
      version: 1,
    });
    expect(saved).toEqual({ ok: true, value: { preferredLocale: "en", plainLanguage: true, version: 2 } });
    const stale = await updateSettings(w.actors.citizen, {
      citizenId: w.citizen.id,
      preferredLocale: "da",
      plainLanguage: false,
      version: 1,
    });
    expect(stale).toEqual({ ok: false, error: "conflict", current: { preferredLocale: "en", plainLanguage: true, version: 2 } });
  });

  it("nobody else may change them, not even with consent to the profile", async () => {
    const w = await makeWorld(db);
    await grantConsent(w.actors.citizen, { citizenId: w.citizen.id, serviceAreaId: w.areaA.id, parts: ["PROFILE"] });
    const relative = await w.relativeWith("son", ["SEE_STORY", "SEE_CONTACT", "ADD_AGREEMENTS", "ADD_NETWORK", "SEE_GOALS_AND_AGREEMENTS"]);
    for (const actor of [w.actors.staffA, relative, w.actors.otherCitizen, w.actors.anonymous]) {
      expect(await updateSettings(actor, { citizenId: w.citizen.id, preferredLocale: "en", plainLanguage: true, version: 1 })).toEqual({
        ok: false,
        error: "not-found",
      });
    }
    expect(await db.citizen.findUniqueOrThrow({ where: { id: w.citizen.id } })).toMatchObject({
      preferredLocale: "da",
      plainLanguage: false,
      version: 1,
    });
  });

  it("refuses a language the app does not speak", async () => {
    const w = await makeWorld(db);
    expect(await updateSettings(w.actors.citizen, { citizenId: w.citizen.id, preferredLocale: "xx", version: 1 })).toEqual({
      ok: false,
      error: "invalid",
      fieldErrors: { preferredLocale: ["Validation.chooseOne"] },
    });
  });
});

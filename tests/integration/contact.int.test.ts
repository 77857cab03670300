import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { connect, type Db } from "@/lib/db/connect";
import { readContactPreferences, DEFAULT_CONTACT } from "@/lib/contact/queries";
import { updateContactPreferences } from "@/lib/contact/commands";
import { grantConsent } from "@/lib/consents/commands";
import { makeWorld, useDatabase } from "../support/fixtures";

let db: Db;
beforeAll(async () => {
  await useDatabase(inject("databaseUrl"));
  db = connect(inject("databaseUrl"), { max: 2 });
});
afterAll(() => db.$disconnect());

const wishes = {
  channel: "PHONE",
  times: "Formiddag",
  visit: "RING_DOORBELL",
  language: "dansk",
  interpreter: "NONE",
  someonePresent: "Min datter",
};

describe("how to contact me", () => {
  it("the citizen saves them; a stale save is refused with the current copy", async () => {
    const w = await makeWorld(db);
    expect(await readContactPreferences(w.actors.citizen, w.citizen.id)).toEqual({ ok: true, value: DEFAULT_CONTACT });
    const first = await updateContactPreferences(w.actors.citizen, { ...wishes, citizenId: w.citizen.id, version: 0 });
    expect(first).toMatchObject({ ok: true, value: { visit: "RING_DOORBELL", version: 1 } });
    const second = await updateContactPreferences(w.actors.citizen, {
      ...wishes,
      visit: "CALL_BEFORE",
      citizenId: w.citizen.id,
      version: 1,
    });
    expect(second).toMatchObject({ ok: true, value: { visit: "CALL_BEFORE", version: 2 } });
    const stale = await updateContactPreferences(w.actors.citizen, { ...wishes, citizenId: w.citizen.id, version: 1 });
    expect(stale).toMatchObject({ ok: false, error: "conflict", current: { visit: "CALL_BEFORE", version: 2 } });
  });

  it("a relative sees them only with SEE_CONTACT; staff read them with consent but never change them", async () => {
    const w = await makeWorld(db);
    await w.assign(w.actors.staffA, w.areaA);
    await updateContactPreferences(w.actors.citizen, { ...wishes, citizenId: w.citizen.id, version: 0 });
    const withContact = await w.relativeWith("son", ["SEE_CONTACT"]);
    const without = await w.relativeWith("friend", ["SEE_STORY"]);
    expect((await readContactPreferences(withContact, w.citizen.id)).ok).toBe(true);
    expect(await readContactPreferences(without, w.citizen.id)).toEqual({ ok: false, error: "not-found" });
    await grantConsent(w.actors.citizen, { citizenId: w.citizen.id, serviceAreaId: w.areaA.id, parts: ["CONTACT"] });
    expect(await readContactPreferences(w.actors.staffA, w.citizen.id)).toMatchObject({ ok: true, value: { visit: "RING_DOORBELL" } });
    expect(
      await updateContactPreferences(w.actors.staffA, { ...wishes, visit: "NO_PREFERENCE", citizenId: w.citizen.id, version: 1 }),
    ).toEqual({ ok: false, error: "not-found" });
    expect(await updateContactPreferences(withContact, { ...wishes, citizenId: w.citizen.id, version: 1 })).toEqual({
      ok: false,
      error: "not-found",
    });
  });

  it("bad input gets message keys and writes nothing", async () => {
    const w = await makeWorld(db);
    const bad = await updateContactPreferences(w.actors.citizen, {
      ...wishes,
      channel: "PIGEON",
      times: "x".repeat(301),
      citizenId: w.citizen.id,
      version: 0,
    });
    expect(bad).toEqual({ ok: false, error: "invalid", fieldErrors: { channel: ["Validation.chooseOne"], times: ["Validation.tooLong"] } });
    expect(await db.contactPreferences.count({ where: { citizenId: w.citizen.id } })).toBe(0);
  });
});

import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import fc from "fast-check";
import { connect, type Db } from "@/lib/db/connect";
import { CONSENTABLE_PARTS } from "@/lib/access/policy";
import { OPERATIONS, type OneOperationName, type PartsOperationName } from "@/lib/access/operations";
import { readParts, throughGate } from "@/lib/record/gate";
import { readStory } from "@/lib/story/queries";
import { updateStorySection } from "@/lib/story/commands";
import { grantConsent, withdrawConsent } from "@/lib/consents/commands";
import { readAccessLog } from "@/lib/access-log/queries";
import type { Actor } from "@/lib/record/actor";
import { makeWorld, useDatabase } from "../support/fixtures";

let db: Db;
beforeAll(async () => {
  await useDatabase(inject("databaseUrl"));
  db = connect(inject("databaseUrl"), { max: 4 });
});
afterAll(() => db.$disconnect());

const accessRows = (citizenId: string) => db.accessLog.findMany({ where: { citizenId }, orderBy: { id: "asc" } });

describe("no lost updates", () => {
  it("20 concurrent writers on one story section: exactly one applied, nineteen conflicts with the current copy", async () => {
    const w = await makeWorld(db);
    const base = await updateStorySection(w.actors.citizen, {
      citizenId: w.citizen.id,
      kind: "ABOUT_ME",
      text: "Første udgave",
      version: 0,
    });
    expect(base).toMatchObject({ ok: true, value: { version: 1 } });

    const texts = Array.from({ length: 20 }, (_, i) => `Skriver nummer ${i} 🌿 æøå`);
    const results = await Promise.all(
      texts.map((text) => updateStorySection(w.actors.citizen, { citizenId: w.citizen.id, kind: "ABOUT_ME", text, version: 1 })),
    );

    const applied = results.filter((r) => r.ok);
    const conflicts = results.filter((r) => !r.ok && r.error === "conflict");
    expect(applied).toHaveLength(1);
    expect(conflicts).toHaveLength(19);
    const saved = await db.storySection.findUniqueOrThrow({ where: { citizenId_kind: { citizenId: w.citizen.id, kind: "ABOUT_ME" } } });
    expect(saved.version).toBe(2);
    expect(texts).toContain(saved.text);
    // every loser saw the winner's words, so nothing was lost silently
    for (const c of conflicts) expect(c).toMatchObject({ current: { text: saved.text, version: 2 } });
    // one change-log row for the base and one for the winner, none for the losers
    expect(await db.changeLog.count({ where: { citizenId: w.citizen.id, part: "STORY" } })).toBe(2);
  });

  it("holds for varied interleavings and for the very first write", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.nat(15), { minLength: 2, maxLength: 8 }), fc.boolean(), async (delays, firstWrite) => {
        const w = await makeWorld(db);
        if (!firstWrite)
          await updateStorySection(w.actors.citizen, { citizenId: w.citizen.id, kind: "GOOD_DAY", text: "start", version: 0 });
        const version = firstWrite ? 0 : 1;
        const results = await Promise.all(
          delays.map(async (ms, i) => {
            await new Promise((r) => setTimeout(r, ms));
            return updateStorySection(w.actors.citizen, { citizenId: w.citizen.id, kind: "GOOD_DAY", text: `w${i}`, version });
          }),
        );
        const saved = await db.storySection.findUniqueOrThrow({ where: { citizenId_kind: { citizenId: w.citizen.id, kind: "GOOD_DAY" } } });
        expect(results.filter((r) => r.ok)).toHaveLength(1);
        expect(results.filter((r) => !r.ok && r.error === "conflict")).toHaveLength(delays.length - 1);
        expect(saved.version).toBe(version + 1);
      }),
      { numRuns: 6 },
    );
  });

  it("a stale write is refused and returns the current copy, never overwrites", async () => {
    const w = await makeWorld(db);
    await updateStorySection(w.actors.citizen, { citizenId: w.citizen.id, kind: "WHAT_IS_HARD", text: "Trapperne", version: 0 });
    await updateStorySection(w.actors.citizen, { citizenId: w.citizen.id, kind: "WHAT_IS_HARD", text: "Trapperne og indkøb", version: 1 });
    const stale = await updateStorySection(w.actors.citizen, {
      citizenId: w.citizen.id,
      kind: "WHAT_IS_HARD",
      text: "Gammel tekst",
      version: 1,
    });
    expect(stale).toMatchObject({ ok: false, error: "conflict", current: { text: "Trapperne og indkøb", version: 2 } });
  });
});

describe("forbidden looks like not found, and is logged", () => {
  it("staff without consent, another citizen, a revoked relative and anonymous get 'not found' for every operation that reads or writes; each refusal is counted, once per part and hour", async () => {
    const w = await makeWorld(db);
    const revoked = await w.relativeWith(
      "revoked",
      ["SEE_STORY", "SEE_GOALS_AND_AGREEMENTS", "ADD_AGREEMENTS", "ADD_NETWORK", "SEE_CONTACT"],
      { endedAt: new Date(Date.now() - 1000) },
    );
    const outsiders: [string, Actor][] = [
      ["staff without consent", w.actors.staffA],
      ["another citizen", w.actors.otherCitizen],
      ["revoked relative", revoked],
      ["anonymous", w.actors.anonymous],
    ];
    // every operation on one record but asking for consent (which staff of the municipality may do before any consent)
    const operations = Object.entries(OPERATIONS).filter(([, op]) => op.kind === "parts" || (op.kind === "one" && op.action !== "ASK"));
    for (const [who, actor] of outsiders) {
      for (const [name, op] of operations) {
        let ran = false;
        const work = async () => {
          ran = true;
        };
        const result =
          op.kind === "parts"
            ? await readParts(actor, w.citizen.id, name as PartsOperationName, work)
            : await throughGate(actor, w.citizen.id, name as OneOperationName, work);
        expect(result, `${who} ${name}`).toEqual({ ok: false, error: "not-found" });
        expect(ran).toBe(false);
      }
    }
    const rows = await accessRows(w.citizen.id);
    expect(rows.every((r) => r.outcome === "DENIED")).toBe(true);
    // nobody signed in is refused at the door: nothing of theirs is ever in a citizen's log
    expect(new Set(rows.map((r) => r.actorRole))).toEqual(new Set(["STAFF", "CITIZEN", "RELATIVE"]));
    // one row per person, part, action and true reason within the hour, with the number of tries and the first
    // try's purpose (the reason: no consent, or an ended relationship; an operation not meant for the position says so)
    const firstTries = (role: "STAFF" | "RELATIVE", reason: string) => {
      const seen = new Map<string, { purpose: string; count: number }>();
      for (const [, op] of operations) {
        const [part, action] = op.kind === "one" ? [op.part, op.action] : ["PROFILE", "READ"];
        const why = op.kind === "one" && op.roles && !op.roles.includes(role) ? "not-permitted" : reason;
        const key = `${part}:${action}:${why}`;
        const row = seen.get(key);
        if (row) row.count++;
        else seen.set(key, { purpose: op.purpose, count: 1 });
      }
      return [...seen].map(([key, v]) => [key, v.purpose, v.count]).sort();
    };
    const logged = (role: string) =>
      rows
        .filter((r) => r.actorRole === role)
        .map((r) => [`${r.part}:${r.action}:${r.reason}`, r.purpose, r.count])
        .sort();
    expect(logged("STAFF")).toEqual(firstTries("STAFF", "no-consent"));
    expect(logged("RELATIVE")).toEqual(firstTries("RELATIVE", "relationship-ended"));
    expect(rows.filter((r) => r.actorRole === "CITIZEN").reduce((n, r) => n + r.count, 0)).toBe(operations.length);
  });

  it("the gate does only operations of the registry: a hand-made access is refused before it reaches the record", async () => {
    const w = await makeWorld(db);
    let ran = false;
    const made = { part: "STORY", action: "READ", purpose: "view" } as unknown as OneOperationName;
    await expect(throughGate(w.actors.citizen, w.citizen.id, made, async () => (ran = true))).rejects.toThrow(/not an operation/);
    await expect(throughGate(w.actors.citizen, w.citizen.id, "plan.read" as OneOperationName, async () => (ran = true))).rejects.toThrow(
      /not an operation/,
    );
    expect(ran).toBe(false);
  });

  it("a record that does not exist answers exactly like a forbidden one", async () => {
    const w = await makeWorld(db);
    const missing = await readStory(w.actors.staffA, "00000000-0000-4000-8000-000000000000");
    const forbidden = await readStory(w.actors.staffA, w.citizen.id);
    const malformed = await readStory(w.actors.staffA, "not-an-id");
    expect(missing).toEqual(forbidden);
    expect(malformed).toEqual(forbidden);
  });

  it("staff of another municipality see nothing, even with a consent row for an area id they hold", async () => {
    const w = await makeWorld(db);
    const elsewhere = await makeWorld(db);
    const intruder = await elsewhere.staffIn("intruder", [w.areaA], elsewhere.municipality.id);
    await grantConsent(w.actors.citizen, { citizenId: w.citizen.id, serviceAreaId: w.areaA.id, parts: ["STORY"] });
    expect(await readStory(intruder, w.citizen.id)).toEqual({ ok: false, error: "not-found" });
  });
});

describe("consent", () => {
  it("an area sees only what was consented, only while it is active; withdrawal works on the very next call", async () => {
    const w = await makeWorld(db);
    await w.assign(w.actors.staffA, w.areaA); // the caseworker works with the citizen (need to know)
    await updateStorySection(w.actors.citizen, { citizenId: w.citizen.id, kind: "ABOUT_ME", text: "Jeg hedder Inge", version: 0 });
    expect(await readStory(w.actors.staffA, w.citizen.id)).toEqual({ ok: false, error: "not-found" });

    const granted = await grantConsent(w.actors.citizen, {
      citizenId: w.citizen.id,
      serviceAreaId: w.areaA.id,
      parts: ["STORY", "AGREEMENTS"],
    });
    expect(granted.ok).toBe(true);
    expect(await readStory(w.actors.staffA, w.citizen.id)).toMatchObject({ ok: true, value: [{ text: "Jeg hedder Inge" }] });
    expect(await readStory(w.actors.staffB, w.citizen.id)).toEqual({ ok: false, error: "not-found" }); // another area
    expect(await throughGate(w.actors.staffA, w.citizen.id, "network.list", async () => 1)).toEqual({
      ok: false,
      error: "not-found",
    });
    // staff never rewrite the citizen's own words
    expect(await updateStorySection(w.actors.staffA, { citizenId: w.citizen.id, kind: "ABOUT_ME", text: "Rettet", version: 1 })).toEqual({
      ok: false,
      error: "not-found",
    });

    const withdrawn = await withdrawConsent(w.actors.citizen, {
      citizenId: w.citizen.id,
      consentId: granted.ok ? granted.value.consentId : "",
    });
    expect(withdrawn.ok).toBe(true);
    expect(await readStory(w.actors.staffA, w.citizen.id)).toEqual({ ok: false, error: "not-found" });
    const last = (await accessRows(w.citizen.id)).at(-1)!;
    expect(last).toMatchObject({ outcome: "DENIED", reason: "consent-withdrawn", serviceAreaId: w.areaA.id });
  });

  it("only the citizen can grant or withdraw consent", async () => {
    const w = await makeWorld(db);
    for (const actor of [w.actors.staffA, w.actors.otherCitizen, w.actors.anonymous]) {
      expect(await grantConsent(actor, { citizenId: w.citizen.id, serviceAreaId: w.areaA.id, parts: ["STORY"] })).toEqual({
        ok: false,
        error: "not-found",
      });
    }
    expect(await db.consent.count({ where: { citizenId: w.citizen.id } })).toBe(0);
  });

  it("a relative sees the parts the citizen allowed and nothing else; narrowing works on the next call", async () => {
    const w = await makeWorld(db);
    const relative = await w.relativeWith("daughter", ["SEE_STORY"]);
    expect((await readStory(relative, w.citizen.id)).ok).toBe(true);
    expect((await throughGate(relative, w.citizen.id, "contact.read", async () => 1)).ok).toBe(false);
    await db.relationship.updateMany({
      where: { citizenId: w.citizen.id, userId: relative.kind === "user" ? relative.userId : "" },
      data: { permissions: [] },
    });
    expect(await readStory(relative, w.citizen.id)).toEqual({ ok: false, error: "not-found" });
  });
});

describe("the access log", () => {
  it("holds nothing of the citizen's own attempts, even refused ones: they are no one else's access", async () => {
    const w = await makeWorld(db);
    // a caseworker's operation, tried by the citizen on their own record
    expect(await throughGate(w.actors.citizen, w.citizen.id, "help.add", async () => 1)).toEqual({ ok: false, error: "not-found" });
    expect(await throughGate(w.actors.citizen, w.citizen.id, "message.send", async () => 1)).toEqual({ ok: false, error: "not-found" });
    expect(await accessRows(w.citizen.id)).toEqual([]);
    // the same tried by another citizen is someone else's refused access
    expect(await throughGate(w.actors.otherCitizen, w.citizen.id, "help.add", async () => 1)).toEqual({ ok: false, error: "not-found" });
    expect((await accessRows(w.citizen.id)).map((r) => [r.actorRole, r.outcome, r.purpose])).toEqual([["CITIZEN", "DENIED", "add-help"]]);
  });

  it("has exactly one row per read by someone other than the citizen, and none for the citizen's own reads", async () => {
    const w = await makeWorld(db);
    await w.assign(w.actors.staffA, w.areaA);
    await grantConsent(w.actors.citizen, { citizenId: w.citizen.id, serviceAreaId: w.areaA.id, parts: [...CONSENTABLE_PARTS] });
    const relative = await w.relativeWith("son", ["SEE_STORY"]);
    await readStory(w.actors.citizen, w.citizen.id);
    await readStory(w.actors.citizen, w.citizen.id);
    expect(await accessRows(w.citizen.id)).toHaveLength(0);

    await readStory(w.actors.staffA, w.citizen.id, "told-once");
    await readStory(relative, w.citizen.id);
    await readStory(relative, w.citizen.id);
    const rows = await accessRows(w.citizen.id);
    expect(rows.map((r) => [r.actorRole, r.part, r.action, r.outcome, r.purpose])).toEqual([
      ["STAFF", "STORY", "READ", "ALLOWED", "told-once"],
      ["RELATIVE", "STORY", "READ", "ALLOWED", "view"],
      ["RELATIVE", "STORY", "READ", "ALLOWED", "view"],
    ]);
    expect(rows[0]).toMatchObject({ serviceAreaId: w.areaA.id, actorUserId: w.actors.staffA.userId });
  });

  it("the citizen reads their own log, newest first, filterable by area; nobody else may", async () => {
    const w = await makeWorld(db);
    await w.assign(w.actors.staffA, w.areaA);
    await w.assign(w.actors.staffB, w.areaB);
    await grantConsent(w.actors.citizen, { citizenId: w.citizen.id, serviceAreaId: w.areaA.id, parts: ["STORY"] });
    await grantConsent(w.actors.citizen, { citizenId: w.citizen.id, serviceAreaId: w.areaB.id, parts: ["STORY"] });
    await readStory(w.actors.staffA, w.citizen.id);
    await readStory(w.actors.staffB, w.citizen.id);
    const all = await readAccessLog(w.actors.citizen, w.citizen.id);
    expect(all.ok && all.value.entries.map((e) => [e.areaKey, e.actorName, e.part, e.outcome])).toEqual([
      ["job-education", `staff-b ${w.tag}`, "STORY", "ALLOWED"],
      ["elderly-care", `staff-a ${w.tag}`, "STORY", "ALLOWED"],
    ]);
    const onlyA = await readAccessLog(w.actors.citizen, w.citizen.id, { serviceAreaId: w.areaA.id });
    expect(onlyA.ok && onlyA.value.entries).toHaveLength(1);
    expect(await readAccessLog(w.actors.staffA, w.citizen.id)).toEqual({ ok: false, error: "not-found" });
  });

  it("is append-only in the database: UPDATE, DELETE and TRUNCATE are refused, even to the tables' owner", async () => {
    // the app's role has no such rights at all (least-privilege.int.test.ts); the trigger holds against the owner too
    const owner = connect(inject("ownerUrl"), { max: 1 });
    try {
      const w = await makeWorld(db);
      await readStory(w.actors.staffA, w.citizen.id);
      await updateStorySection(w.actors.citizen, { citizenId: w.citizen.id, kind: "ABOUT_ME", text: "Hej", version: 0 });
      await expect(owner.accessLog.updateMany({ where: { citizenId: w.citizen.id }, data: { purpose: "hidden" } })).rejects.toThrow(
        /append-only/,
      );
      await expect(owner.accessLog.deleteMany({ where: { citizenId: w.citizen.id } })).rejects.toThrow(/append-only/);
      await expect(owner.$executeRawUnsafe(`TRUNCATE "ChangeLog"`)).rejects.toThrow(/append-only/);
      await expect(owner.changeLog.deleteMany({ where: { citizenId: w.citizen.id } })).rejects.toThrow(/append-only/);
      expect(await db.accessLog.count({ where: { citizenId: w.citizen.id } })).toBe(1);
      expect(await db.changeLog.count({ where: { citizenId: w.citizen.id } })).toBe(1);
    } finally {
      await owner.$disconnect();
    }
  });
});

describe("bad input", () => {
  it("gets field errors as message keys, and nothing is written", async () => {
    const w = await makeWorld(db);
    const tooLong = await updateStorySection(w.actors.citizen, {
      citizenId: w.citizen.id,
      kind: "ABOUT_ME",
      text: "x".repeat(4001),
      version: 0,
    });
    expect(tooLong).toEqual({ ok: false, error: "invalid", fieldErrors: { text: ["Validation.tooLong"] } });
    const wrong = await updateStorySection(w.actors.citizen, { citizenId: "nope", kind: "SECRET", version: -1 });
    expect(wrong).toMatchObject({ ok: false, error: "invalid" });
    expect(Object.keys((wrong as { fieldErrors: object }).fieldErrors).sort()).toEqual(["citizenId", "kind", "text", "version"]);
    const noParts = await grantConsent(w.actors.citizen, { citizenId: w.citizen.id, serviceAreaId: w.areaA.id, parts: [] });
    expect(noParts).toEqual({ ok: false, error: "invalid", fieldErrors: { parts: ["Validation.chooseAtLeastOne"] } });
    const logPart = await grantConsent(w.actors.citizen, { citizenId: w.citizen.id, serviceAreaId: w.areaA.id, parts: ["ACCESS_LOG"] });
    expect(logPart).toMatchObject({ ok: false, error: "invalid" });
    expect(await db.storySection.count({ where: { citizenId: w.citizen.id } })).toBe(0);
    expect(await db.consent.count({ where: { citizenId: w.citizen.id } })).toBe(0);
    expect(await db.changeLog.count({ where: { citizenId: w.citizen.id } })).toBe(0);
  });

  it("keeps the citizen's words as written: æøå, emoji and line breaks", async () => {
    const w = await makeWorld(db);
    const text = "Jeg elsker rødgrød med fløde 🍓\nOg min hund Bølle 🐕";
    const saved = await updateStorySection(w.actors.citizen, {
      citizenId: w.citizen.id,
      kind: "WHAT_MATTERS",
      text: `  ${text.replace("\n", "\r\n")}  `,
      version: 0,
    });
    expect(saved).toMatchObject({ ok: true, value: { text } });
  });
});

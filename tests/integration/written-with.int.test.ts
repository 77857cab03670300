import { describe, expect, it } from "vitest";
import type { Actor } from "@/lib/record/actor";
import { CONSENTABLE_PARTS, type Part } from "@/lib/access/policy";
import { answerWrittenWith, recordYes, writeWith } from "@/lib/written-with/commands";
import { readWrittenWith } from "@/lib/written-with/queries";
import { updateStorySection } from "@/lib/story/commands";
import { readPlan } from "@/lib/plan/queries";
import { makeWorld } from "../support/fixtures";
import { appDatabase } from "../support/app-database";

// Written with me (issue 14): a caseworker writes a part of the story, a goal or the contact wishes with the
// citizen; nothing changes until the citizen says yes (on their phone, or to a caseworker who records it); a yes
// recorded for them they can see and undo; their own words are never overwritten without them.
const db = appDatabase();
const userIdOf = (a: Actor) => (a.kind === "user" ? a.userId : "");

async function world(parts: readonly Part[] = CONSENTABLE_PARTS) {
  const w = await makeWorld(db);
  await db.consent.create({ data: { citizenId: w.citizen.id, serviceAreaId: w.areaA.id, parts: [...parts], reason: "t" } });
  // the caseworker works with the citizen: only then is a yes told to them recorded
  const staffId = w.actors.staffA.kind === "user" ? w.actors.staffA.staff!.staffId : "";
  await db.assignment.create({ data: { citizenId: w.citizen.id, staffId, serviceAreaId: w.areaA.id } });
  return { ...w, c: w.citizen.id };
}
const story = (c: string, text = "Jeg hedder Inge og har boet i Solbjerg hele mit liv.") => ({
  citizenId: c,
  target: "STORY",
  storyKind: "ABOUT_ME",
  text,
});

describe("written with me", () => {
  it("is a proposal until the citizen says yes on their phone; then it is in the plan, marked as written with the caseworker", async () => {
    const w = await world();
    const written = await writeWith(w.actors.staffA, story(w.c));
    expect(written.ok).toBe(true);
    // nothing in the plan yet
    expect(await db.storySection.count({ where: { citizenId: w.c } })).toBe(0);
    expect(await db.notification.count({ where: { citizenId: w.c, kind: "written-with", recipientId: userIdOf(w.actors.citizen) } })).toBe(
      1,
    );
    const waiting = await readWrittenWith(w.actors.citizen, w.c);
    expect(waiting.ok && waiting.value.map((x) => [x.target, x.status, x.content.text])).toEqual([
      ["STORY", "WAITING", "Jeg hedder Inge og har boet i Solbjerg hele mit liv."],
    ]);
    const item = waiting.ok ? waiting.value[0]! : null;
    const answer = { citizenId: w.c, writtenWithId: item!.id, target: "STORY", version: item!.version };
    // two presses at once: one yes
    const both = await Promise.all([
      answerWrittenWith(w.actors.citizen, { ...answer, answer: "CONFIRM" }),
      answerWrittenWith(w.actors.citizen, { ...answer, answer: "CONFIRM" }),
    ]);
    expect(both.filter((r) => r.ok)).toHaveLength(1);
    const plan = await readPlan(w.actors.citizen, w.c);
    expect(plan.ok && plan.value.story?.ABOUT_ME).toMatchObject({
      text: "Jeg hedder Inge og har boet i Solbjerg hele mit liv.",
      writtenWith: { by: expect.stringContaining("staff-a"), toldTo: false },
    });
    // the citizen changes it: now the words are theirs, and say so
    const section = await db.storySection.findFirstOrThrow({ where: { citizenId: w.c } });
    await updateStorySection(w.actors.citizen, { citizenId: w.c, kind: "ABOUT_ME", text: "Jeg hedder Inge.", version: section.version });
    const mine = await readPlan(w.actors.citizen, w.c);
    expect(mine.ok && mine.value.story?.ABOUT_ME?.writtenWith).toBe(null);
  });

  it("a yes told to a caseworker is recorded, seen by the citizen, and can be undone: what was there comes back", async () => {
    const w = await world();
    await updateStorySection(w.actors.citizen, { citizenId: w.c, kind: "ABOUT_ME", text: "Mine egne ord.", version: 0 });
    const s = await writeWith(w.actors.staffA, story(w.c, "Skrevet sammen med Sara."));
    const g = await writeWith(w.actors.staffA, { citizenId: w.c, target: "GOAL", title: "Gå til bageren selv", whyItMatters: "" });
    expect(s.ok && g.ok).toBe(true);
    const id = (r: typeof s) => (r.ok ? r.value.writtenWithId : "");
    // not without the caseworker's word that the citizen said yes
    expect(await recordYes(w.actors.staffA, { citizenId: w.c, writtenWithId: id(s), target: "STORY" })).toMatchObject({
      ok: false,
      fieldErrors: { agreed: ["Validation.citizenAgreed"] },
    });
    expect((await recordYes(w.actors.staffA, { citizenId: w.c, writtenWithId: id(s), target: "STORY", agreed: "yes" })).ok).toBe(true);
    expect((await recordYes(w.actors.staffA, { citizenId: w.c, writtenWithId: id(g), target: "GOAL", agreed: "yes" })).ok).toBe(true);
    expect((await db.storySection.findFirstOrThrow({ where: { citizenId: w.c } })).text).toBe("Skrevet sammen med Sara.");
    expect(await db.goal.count({ where: { citizenId: w.c, title: "Gå til bageren selv" } })).toBe(1);
    expect(await db.notification.count({ where: { citizenId: w.c, kind: "written-with-yes-recorded" } })).toBe(2);

    const recorded = await readWrittenWith(w.actors.citizen, w.c);
    expect(recorded.ok && recorded.value.map((x) => [x.target, x.status, x.confirmedHow])).toEqual([
      ["STORY", "CONFIRMED", "CONVERSATION"],
      ["GOAL", "CONFIRMED", "CONVERSATION"],
    ]);
    const [st, go] = recorded.ok ? recorded.value : [];
    // undo: the citizen's own words come back, the goal goes
    expect(
      (
        await answerWrittenWith(w.actors.citizen, {
          citizenId: w.c,
          writtenWithId: st!.id,
          target: "STORY",
          answer: "UNDO",
          version: st!.version,
        })
      ).ok,
    ).toBe(true);
    expect((await db.storySection.findFirstOrThrow({ where: { citizenId: w.c } })).text).toBe("Mine egne ord.");
    expect(
      (
        await answerWrittenWith(w.actors.citizen, {
          citizenId: w.c,
          writtenWithId: go!.id,
          target: "GOAL",
          answer: "UNDO",
          version: go!.version,
        })
      ).ok,
    ).toBe(true);
    expect(await db.goal.count({ where: { citizenId: w.c } })).toBe(0);
    // and it is no longer waiting to be seen
    const after = await readWrittenWith(w.actors.citizen, w.c);
    expect(after.ok && after.value).toEqual([]);
  });

  it("never overwrites the citizen's own words without them, and never undoes what they changed since", async () => {
    const w = await world();
    const s = await writeWith(w.actors.staffA, story(w.c, "Sara skrev dette."));
    // the citizen writes their own words before the caseworker records a yes: the yes is refused
    await updateStorySection(w.actors.citizen, { citizenId: w.c, kind: "ABOUT_ME", text: "Mine ord, skrevet i går aftes.", version: 0 });
    const id = s.ok ? s.value.writtenWithId : "";
    expect(await recordYes(w.actors.staffA, { citizenId: w.c, writtenWithId: id, target: "STORY", agreed: "yes" })).toEqual({
      ok: false,
      error: "invalid",
      fieldErrors: { _form: ["Validation.changedSinceWritten"] },
    });
    expect((await db.storySection.findFirstOrThrow({ where: { citizenId: w.c } })).text).toBe("Mine ord, skrevet i går aftes.");

    // a yes the citizen gave themselves, then changed: undo would throw away their change, so it is refused
    const t = await writeWith(w.actors.staffA, {
      citizenId: w.c,
      target: "CONTACT",
      channel: "VISIT",
      times: "",
      visit: "RING_DOORBELL",
      language: "",
      interpreter: "NONE",
      someonePresent: "",
    });
    const tid = t.ok ? t.value.writtenWithId : "";
    const row = await db.writtenWith.findUniqueOrThrow({ where: { id: tid } });
    expect(
      (
        await answerWrittenWith(w.actors.citizen, {
          citizenId: w.c,
          writtenWithId: tid,
          target: "CONTACT",
          answer: "CONFIRM",
          version: row.version,
        })
      ).ok,
    ).toBe(true);
    const prefs = await db.contactPreferences.findUniqueOrThrow({ where: { citizenId: w.c } });
    expect(prefs).toMatchObject({ channel: "VISIT", visit: "RING_DOORBELL", writtenWithId: tid });
    await db.contactPreferences.update({
      where: { citizenId: w.c },
      data: { times: "formiddag", version: { increment: 1 }, writtenWithId: null },
    });
    expect(
      await answerWrittenWith(w.actors.citizen, {
        citizenId: w.c,
        writtenWithId: tid,
        target: "CONTACT",
        answer: "UNDO",
        version: row.version + 1,
      }),
    ).toEqual({ ok: false, error: "invalid", fieldErrors: { _form: ["Validation.changedSinceWrittenWith"] } });
  });

  it("only an area whose consent lets it read the part writes with the citizen; nobody else answers for them", async () => {
    const w = await world(["PROFILE", "STORY"]);
    expect((await writeWith(w.actors.staffA, story(w.c))).ok).toBe(true);
    expect(await writeWith(w.actors.staffA, { citizenId: w.c, target: "GOAL", title: "x", whyItMatters: "" })).toEqual({
      ok: false,
      error: "not-found",
    });
    expect(await writeWith(w.actors.staffB, story(w.c))).toEqual({ ok: false, error: "not-found" });
    const relative = await w.relativeWith("r", ["SEE_STORY"]);
    expect(await writeWith(relative, story(w.c))).toEqual({ ok: false, error: "not-found" });
    const row = await db.writtenWith.findFirstOrThrow({ where: { citizenId: w.c } });
    const answer = { citizenId: w.c, writtenWithId: row.id, target: "STORY", answer: "CONFIRM", version: row.version };
    // a caseworker who does not work with the citizen records no yes, though their area may read the story
    const other = await w.staffIn("other-a", [w.areaA]);
    expect(await recordYes(other, { citizenId: w.c, writtenWithId: row.id, target: "STORY", agreed: "yes" })).toEqual({
      ok: false,
      error: "not-found",
    });
    // staff cannot say yes as if they were the citizen, and a relative cannot either
    expect(await answerWrittenWith(w.actors.staffA, answer)).toEqual({ ok: false, error: "not-found" });
    expect(await answerWrittenWith(relative, answer)).toEqual({ ok: false, error: "not-found" });
    // a wrong target for the row is nothing
    expect(await answerWrittenWith(w.actors.citizen, { ...answer, target: "GOAL" })).toEqual({ ok: false, error: "not-found" });
    // bad input: field errors, nothing written
    expect(await writeWith(w.actors.staffA, { ...story(w.c), storyKind: "NOPE" })).toMatchObject({ ok: false, error: "invalid" });
    expect(await db.writtenWith.count({ where: { citizenId: w.c } })).toBe(1);
    // in the citizen's log, why
    expect(await db.accessLog.count({ where: { citizenId: w.c, purpose: "write-with", outcome: "ALLOWED", action: "PROPOSE" } })).toBe(1);
  });
});

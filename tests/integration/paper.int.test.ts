import { describe, expect, it } from "vitest";
import type { Actor } from "@/lib/record/actor";
import { CONSENTABLE_PARTS, type Part } from "@/lib/access/policy";
import { planPdf, PRINTS } from "@/lib/paper/plan";
import { makeWorld } from "../support/fixtures";
import { appDatabase } from "../support/app-database";
import { pdfText } from "../support/pdf-text";

// The plan on paper (issue 14): a real PDF whose text is extracted and read here. It holds what the reader may
// see and nothing more; a caseworker's letter is in the citizen's language, with a way to sign in, and is logged.
const db = appDatabase();
const staffIdOf = (a: Actor) => (a.kind === "user" && a.staff ? a.staff.staffId : "");

async function world(parts: readonly Part[] = CONSENTABLE_PARTS) {
  const w = await makeWorld(db);
  const c = w.citizen.id;
  await db.consent.create({ data: { citizenId: c, serviceAreaId: w.areaA.id, parts: [...parts], reason: "test" } });
  await db.storySection.create({ data: { citizenId: c, kind: "WHAT_MATTERS", text: "At kunne gå tur med min hund Bella" } });
  await db.goal.create({ data: { citizenId: c, title: "Gå til bageren selv" } });
  await db.agreement.create({
    data: {
      citizenId: c,
      what: "Fysioterapeuten kommer tirsdag",
      responsible: "SERVICE_AREA",
      serviceAreaId: w.areaA.id,
      authorRole: "STAFF",
    },
  });
  await db.networkMember.create({
    data: { citizenId: c, name: "Mette Hansen", relation: "datter", closeness: "CLOSEST", kind: "PERSON", helpsWith: "indkøb" },
  });
  await db.staffMember.update({
    where: { id: staffIdOf(w.actors.staffA) },
    data: { phone: "+4589401234", hours: "Mandag til torsdag kl. 9-11" },
  });
  await db.coordination.create({ data: { citizenId: c, staffId: staffIdOf(w.actors.staffA), serviceAreaId: w.areaA.id } });
  return { ...w, c };
}

const text = async (r: Awaited<ReturnType<typeof planPdf>>) => {
  expect(r.ok).toBe(true);
  if (!r.ok) throw new Error("no pdf");
  expect(r.value.subarray(0, 5).toString()).toBe("%PDF-");
  return pdfText(r.value);
};

describe("the plan on paper", () => {
  it("the citizen's print: one page with their words, goals, agreements, people and how to reach the red thread", async () => {
    const w = await world();
    const { pages, text: t } = await text(await planPdf(w.actors.citizen, w.c, { locale: "da", letter: null }));
    expect(pages).toBe(1);
    for (const words of [
      `${w.citizen.name}s plan`,
      "At kunne gå tur med min hund Bella",
      "Gå til bageren selv",
      "Fysioterapeuten kommer tirsdag",
      "Mette Hansen (datter)",
      "Hjælper med: indkøb",
      "holder den røde tråd for dig",
      "89 40 12 34",
      "Mandag til torsdag kl. 9-11",
    ])
      expect(t).toContain(words);
    // the citizen's own print is no one else's access
    expect(await db.accessLog.count({ where: { citizenId: w.c } })).toBe(0);
  });

  it("a caseworker's letter holds only the parts their area may see, in the citizen's language, and is logged", async () => {
    const w = await world(["PROFILE", "STORY", "RED_THREAD"]);
    await db.citizen.update({ where: { id: w.c }, data: { preferredLocale: "en" } });
    const { pages, text: t } = await text(await planPdf(w.actors.staffA, w.c, { locale: "da", letter: { from: "Sara Holm" } }));
    expect(pages).toBeLessThanOrEqual(2);
    expect(t).toContain(`Dear ${w.citizen.name}`);
    expect(t).toContain("Sara Holm printed it for you");
    expect(t).toContain("At kunne gå tur med min hund Bella");
    expect(t).toContain("/en/sign-in");
    // not consented: not on paper
    for (const hidden of ["Gå til bageren selv", "Fysioterapeuten", "Mette Hansen", "indkøb"]) expect(t).not.toContain(hidden);
    const logged = await db.accessLog.findMany({ where: { citizenId: w.c, actorRole: "STAFF" }, select: { part: true, purpose: true } });
    expect(logged.map((l) => l.part).sort()).toEqual(["PROFILE", "RED_THREAD", "STORY"]);
    // a print, said as one: not the story "told once" again
    expect(new Set(logged.map((l) => l.purpose))).toEqual(new Set(["print-plan"]));
  });

  it("a reader without access gets nothing; printing is limited per person", async () => {
    const w = await world();
    expect(await planPdf(w.actors.staffB, w.c, { locale: "da", letter: { from: "x" } })).toEqual({ ok: false, error: "not-found" });
    expect(await planPdf(w.actors.otherCitizen, w.c, { locale: "da", letter: null })).toEqual({ ok: false, error: "not-found" });
    const runs = await Promise.all(
      Array.from({ length: PRINTS.max + 3 }, () => planPdf(w.actors.citizen, w.c, { locale: "da", letter: null })),
    );
    expect(runs.filter((r) => r.ok)).toHaveLength(PRINTS.max);
    expect(runs.filter((r) => !r.ok && r.error === "throttled")).toHaveLength(3);
  });
});

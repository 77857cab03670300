import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { consentInForce, consentInForceWhere, consentState, relationshipActive, relationshipActiveWhere } from "@/lib/access/in-force";
import { readConsents } from "@/lib/consents/requests";
import { myRelationship, readRelativeSpacesForStaff, sharedWithMe } from "@/lib/relatives/queries";
import { readTeam } from "@/lib/staff/team";
import { makeWorld } from "../support/fixtures";
import { appDatabase } from "../support/app-database";

// Issue 11: "consent in force" and "relationship active" are one rule each
// (lib/access/in-force.ts), a TypeScript predicate the policy decides with and
// a Prisma filter queries select with. Here PostgreSQL answers the filter for
// every combination of dates, and the answer must be exactly the rows the
// predicate accepts, at one fixed `now` given to both.
const db = appDatabase();

const now = new Date("2026-11-23T10:00:00.000Z");
const at = (ms: number) => new Date(now.getTime() + ms);
const DAY = 86_400_000;
/** Every kind of moment a date can be, relative to `now`, with the boundaries one millisecond (the column's precision) either side. */
const MOMENTS = {
  "long ago": at(-DAY),
  "a moment before": at(-1),
  "exactly now": now,
  "a moment after": at(1),
  later: at(DAY),
} as const;
const OPTIONAL = { none: null, ...MOMENTS } as const;
type Label = keyof typeof OPTIONAL;
const entries = <T extends object>(o: T) => Object.entries(o) as [keyof T & string, T[keyof T]][];

const sorted = (ids: Iterable<string>) => [...ids].sort();

describe("consent in force: the predicate and the filter agree", () => {
  it("on every combination of validFrom, validUntil and withdrawnAt", async () => {
    const w = await makeWorld(db);
    // validFrom is NOT NULL in the schema, so it takes every moment but none
    const cases = entries(MOMENTS).flatMap(([from, validFrom]) =>
      entries(OPTIONAL).flatMap(([until, validUntil]) =>
        entries(OPTIONAL).map(([withdrawn, withdrawnAt]) => ({
          label: `from ${from}, until ${until}, withdrawn ${withdrawn}`,
          validFrom,
          validUntil,
          withdrawnAt,
        })),
      ),
    );
    expect(cases).toHaveLength(5 * 6 * 6);
    const rows = await db.consent.createManyAndReturn({
      data: cases.map((c) => ({
        citizenId: w.citizen.id,
        serviceAreaId: w.areaA.id,
        parts: ["STORY"],
        reason: c.label,
        validFrom: c.validFrom,
        validUntil: c.validUntil,
        withdrawnAt: c.withdrawnAt,
      })),
      select: { id: true, reason: true, validFrom: true, validUntil: true, withdrawnAt: true },
    });

    // the dates come back exactly as written, so the boundary cases really sit on the boundary
    const byLabel = new Map(cases.map((c) => [c.label, c]));
    for (const r of rows) {
      const c = byLabel.get(r.reason)!;
      expect([r.validFrom, r.validUntil, r.withdrawnAt], r.reason).toEqual([c.validFrom, c.validUntil, c.withdrawnAt]);
    }

    const selected = await db.consent.findMany({ where: { citizenId: w.citizen.id, ...consentInForceWhere(now) }, select: { id: true } });
    const accepted = rows.filter((r) => consentInForce(r, now));
    const label = new Map(rows.map((r) => [r.id, r.reason]));
    expect(sorted(selected.map((r) => label.get(r.id)!))).toEqual(sorted(accepted.map((r) => r.reason)));

    // the same filter inside a relation filter, as queries use it (a citizen known to an area by its consent)
    for (const r of rows) {
      const known = await db.citizen.count({
        where: { id: w.citizen.id, consents: { some: { id: r.id, ...consentInForceWhere(now) } } },
      });
      expect(known === 1, r.reason).toBe(consentInForce(r, now));
    }

    // not a vacuous agreement: every state occurs, and the boundaries fall where the rule says
    expect(new Set(rows.map((r) => consentState(r, now)))).toEqual(new Set(["active", "withdrawn", "not-started", "expired"]));
    const inForce = (from: Label, until: Label, withdrawn: Label) =>
      selected.some((s) => label.get(s.id) === `from ${from}, until ${until}, withdrawn ${withdrawn}`);
    expect(inForce("exactly now", "none", "none")).toBe(true); // from validFrom, inclusive
    expect(inForce("a moment after", "none", "none")).toBe(false);
    expect(inForce("long ago", "exactly now", "none")).toBe(false); // until validUntil, exclusive
    expect(inForce("long ago", "a moment after", "none")).toBe(true);
    expect(inForce("long ago", "none", "exactly now")).toBe(false); // withdrawn at now: withdrawn
    expect(inForce("long ago", "none", "a moment after")).toBe(true); // a withdrawal dated later has not happened yet
  });
});

describe("relationship active: the predicate and the filter agree", () => {
  it("on every combination of endedAt and validUntil", async () => {
    const w = await makeWorld(db);
    const cases = entries(OPTIONAL).flatMap(([ended, endedAt]) =>
      entries(OPTIONAL).map(([until, validUntil]) => ({ label: `ended ${ended}, until ${until}`, endedAt, validUntil })),
    );
    expect(cases).toHaveLength(6 * 6);
    // one relative each: a citizen has one relationship per person
    const users = await db.user.createManyAndReturn({
      data: cases.map((c) => ({ id: randomUUID(), name: c.label, email: `${randomUUID()}@example.test` })),
      select: { id: true, name: true },
    });
    const userOf = new Map(users.map((u) => [u.name, u.id]));
    const rows = await db.relationship.createManyAndReturn({
      data: cases.map((c) => ({
        citizenId: w.citizen.id,
        userId: userOf.get(c.label)!,
        permissions: ["SEE_STORY"],
        endedAt: c.endedAt,
        validUntil: c.validUntil,
      })),
      select: { id: true, endedAt: true, validUntil: true, user: { select: { name: true } } },
    });
    const byLabel = new Map(cases.map((c) => [c.label, c]));
    for (const r of rows) {
      const c = byLabel.get(r.user.name)!;
      expect([r.endedAt, r.validUntil], r.user.name).toEqual([c.endedAt, c.validUntil]);
    }

    const selected = await db.relationship.findMany({
      where: { citizenId: w.citizen.id, ...relationshipActiveWhere(now) },
      select: { user: { select: { name: true } } },
    });
    const accepted = rows.filter((r) => relationshipActive(r, now));
    expect(sorted(selected.map((r) => r.user.name))).toEqual(sorted(accepted.map((r) => r.user.name)));

    expect(accepted.length).toBeGreaterThan(0);
    expect(accepted.length).toBeLessThan(rows.length);
    const active = (ended: Label, until: Label) => selected.some((s) => s.user.name === `ended ${ended}, until ${until}`);
    expect(active("none", "none")).toBe(true);
    expect(active("none", "exactly now")).toBe(false); // until validUntil, exclusive
    expect(active("none", "a moment after")).toBe(true);
    expect(active("exactly now", "none")).toBe(false); // ended at now: ended
    expect(active("a moment after", "none")).toBe(true); // an end dated later has not happened yet
  });
});

describe("the queries that select by these rules follow them", () => {
  it("a consent whose withdrawal is dated later is still listed as in force, and its area still knows the citizen", async () => {
    const w = await makeWorld(db);
    const later = new Date(Date.now() + 365 * DAY); // the gate reads the clock
    await db.consent.create({
      data: {
        citizenId: w.citizen.id,
        serviceAreaId: w.areaA.id,
        parts: ["STORY"],
        validFrom: new Date(Date.now() - DAY),
        withdrawnAt: later,
      },
    });
    const listed = await readConsents(w.actors.citizen, w.citizen.id);
    expect(listed.ok && listed.value.consents.map((c) => c.areaKey)).toEqual([w.areaA.key]);

    const lead = await w.staffIn("lead", [w.areaA]);
    await db.staffArea.updateMany({ where: { staffId: lead.staff.staffId }, data: { isLead: true } });
    const team = await readTeam(lead, w.areaA.id);
    expect(team?.citizens.map((c) => c.citizenId)).toEqual([w.citizen.id]);
  });

  it("a relative whose end is dated later still has the plan; one whose access ran out at now does not", async () => {
    const w = await makeWorld(db);
    const ending = await w.relativeWith("ending", ["SEE_STORY"], { endedAt: at(DAY) });
    const ranOut = await w.relativeWith("ran-out", ["SEE_STORY"], { validUntil: now });
    expect(await sharedWithMe(ending.userId, now)).toEqual([{ citizenId: w.citizen.id, name: w.citizen.name }]);
    expect(await sharedWithMe(ranOut.userId, now)).toEqual([]);
    const mine = await myRelationship(ending.userId, w.citizen.id, now);
    expect(mine?.may.read("STORY")).toBe(true);
    expect(await myRelationship(ranOut.userId, w.citizen.id, now)).toBeNull();
  });

  it("a caseworker sees the shared space of a relative whose end is dated later", async () => {
    const w = await makeWorld(db);
    await w.assign(w.actors.staffA, w.areaA);
    const ending = await w.relativeWith("ending", ["SEE_STORY"], { endedAt: new Date(Date.now() + 365 * DAY) });
    const relationship = await db.relationship.findFirstOrThrow({ where: { userId: ending.userId }, select: { id: true } });
    await db.relativeSpace.create({
      data: { relationshipId: relationship.id, citizenId: w.citizen.id, sharedWithStaff: true, helpWish: "SOME_HELP" },
    });
    await db.consent.create({ data: { citizenId: w.citizen.id, serviceAreaId: w.areaA.id, parts: ["RELATIVES"] } });
    const spaces = await readRelativeSpacesForStaff(w.actors.staffA, w.citizen.id);
    expect(spaces.ok && spaces.value.map((s) => s.space.helpWish)).toEqual(["SOME_HELP"]);
  });
});

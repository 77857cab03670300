import { describe, expect, it } from "vitest";
import * as inForce from "@/lib/access/in-force";
import * as policy from "@/lib/access/policy";

// The boundaries of the two rules in lib/access/in-force.ts; that the database
// filters agree with them is tests/integration/in-force.int.test.ts.
const now = new Date("2026-11-23T10:00:00.000Z");
const at = (ms: number) => new Date(now.getTime() + ms);
const before = at(-1);
const after = at(1);

describe("consent in force", () => {
  const consent = (c: Partial<inForce.ConsentDates>): inForce.ConsentDates => ({
    validFrom: at(-86_400_000),
    validUntil: null,
    withdrawnAt: null,
    ...c,
  });

  it("starts at validFrom, inclusive", () => {
    expect(inForce.consentInForce(consent({ validFrom: before }), now)).toBe(true);
    expect(inForce.consentInForce(consent({ validFrom: now }), now)).toBe(true);
    expect(inForce.consentState(consent({ validFrom: after }), now)).toBe("not-started");
  });

  it("ends at validUntil, exclusive, and never without one", () => {
    expect(inForce.consentInForce(consent({ validUntil: null }), now)).toBe(true);
    expect(inForce.consentInForce(consent({ validUntil: after }), now)).toBe(true);
    expect(inForce.consentState(consent({ validUntil: now }), now)).toBe("expired");
    expect(inForce.consentState(consent({ validUntil: before }), now)).toBe("expired");
  });

  it("ends when withdrawn, at or before now; a withdrawal dated later has not happened yet", () => {
    expect(inForce.consentState(consent({ withdrawnAt: before }), now)).toBe("withdrawn");
    expect(inForce.consentState(consent({ withdrawnAt: now }), now)).toBe("withdrawn");
    expect(inForce.consentInForce(consent({ withdrawnAt: after }), now)).toBe(true);
  });

  it("names withdrawn before not started before expired", () => {
    expect(inForce.consentState(consent({ validFrom: after, validUntil: before, withdrawnAt: before }), now)).toBe("withdrawn");
    expect(inForce.consentState(consent({ validFrom: after, validUntil: before }), now)).toBe("not-started");
  });

  it("says the same in its database form, as a filter on the same three dates", () => {
    expect(inForce.consentInForceWhere(now)).toEqual({
      AND: [
        { validFrom: { lte: now } },
        { OR: [{ validUntil: null }, { validUntil: { gt: now } }] },
        { OR: [{ withdrawnAt: null }, { withdrawnAt: { gt: now } }] },
      ],
    });
  });
});

describe("relationship active", () => {
  const active = (r: Partial<inForce.RelationshipDates>) => inForce.relationshipActive({ endedAt: null, validUntil: null, ...r }, now);

  it("lasts until validUntil, exclusive, and never ends without one", () => {
    expect(active({})).toBe(true);
    expect(active({ validUntil: after })).toBe(true);
    expect(active({ validUntil: now })).toBe(false);
    expect(active({ validUntil: before })).toBe(false);
  });

  it("ends when ended, at or before now; an end dated later has not happened yet", () => {
    expect(active({ endedAt: before })).toBe(false);
    expect(active({ endedAt: now })).toBe(false);
    expect(active({ endedAt: after })).toBe(true);
  });
});

describe("the policy", () => {
  it("decides with these very rules", () => {
    expect(policy.consentState).toBe(inForce.consentState);
    expect(policy.relationshipActive).toBe(inForce.relationshipActive);
  });
});

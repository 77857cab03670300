import { describe, expect, it } from "vitest";
import { cprHash, cprLookupSchema, DEV_CPR_HASH_KEY, normaliseCpr } from "@/lib/staff/cpr";
import { fieldErrors } from "@/lib/validation/result";
import { parseEnv } from "@/lib/env";

const KEY = "k".repeat(32);

describe("a CPR number, normalised", () => {
  it.each([
    ["010145-1234", "0101451234"],
    ["0101451234", "0101451234"],
    ["010145 1234", "0101451234"],
    ["  010145-1234 ", "0101451234"],
    // no modulus 11: numbers without it have been issued since 2007
    ["010145-1235", "0101451235"],
  ])("%s is %s", (input, digits) => {
    expect(normaliseCpr(input)).toBe(digits);
  });

  it.each([
    ["", "empty"],
    ["010145-123", "nine digits"],
    ["010145-12345", "eleven digits"],
    ["01014-51234", "a dash in the wrong place"],
    ["010145--1234", "two dashes"],
    ["010145/1234", "another separator"],
    ["O10145-1234", "a letter"],
    ["010145-123a", "a letter at the end"],
    ["000145-1234", "day 0"],
    ["320145-1234", "day 32"],
    ["310445-1234", "31 April"],
    ["010045-1234", "month 0"],
    ["011345-1234", "month 13"],
    ["290201-1234", "29 February 1901, not a leap year"],
    ["290200-1234", "29 February 1900 (seventh digit 0-3: the 1900s), not a leap year"],
    ["290258-5234", "29 February 1858 (seventh digit 5, year 58: the 1800s), not a leap year"],
  ])("%s is refused (%s)", (input) => {
    expect(normaliseCpr(input)).toBeNull();
  });

  it("takes the century from the seventh digit, so a leap day is judged in the right year", () => {
    expect(normaliseCpr("290200-4234")).toBe("2902004234"); // 2000: a leap year
    expect(normaliseCpr("290200-9234")).toBe("2902009234"); // 2000
    expect(normaliseCpr("290204-5234")).toBe("2902045234"); // 2004
    expect(normaliseCpr("290296-1234")).toBe("2902961234"); // 1996
    expect(normaliseCpr("290237-4234")).toBeNull(); // 1937 with 4: not a leap year
    expect(normaliseCpr("290236-4234")).toBe("2902364234"); // 2036
  });
});

describe("the lookup's schema", () => {
  it("gives the ten digits and the purpose, and one message key for anything else", () => {
    expect(cprLookupSchema.parse({ cpr: "010145-1234", purpose: "MEETING" })).toEqual({ cpr: "0101451234", purpose: "MEETING" });
    for (const purpose of [undefined, "", "meeting", "CURIOUS"]) {
      const parsed = cprLookupSchema.safeParse({ cpr: "010145-1234", purpose });
      expect(parsed.success, String(purpose)).toBe(false);
      if (!parsed.success) expect(fieldErrors(parsed.error)).toEqual({ purpose: ["Validation.chooseOne"] });
    }
    for (const cpr of ["320145-1234", "hello", "", 123, null, "1".repeat(500)]) {
      const parsed = cprLookupSchema.safeParse({ cpr, purpose: "REFERRAL" });
      expect(parsed.success, String(cpr)).toBe(false);
      if (!parsed.success) expect(fieldErrors(parsed.error)).toEqual({ cpr: ["Validation.cpr"] });
    }
  });
});

describe("the keyed hash", () => {
  it("is the same for every way of writing the number", () => {
    const h = cprHash("010145-1234", KEY);
    expect(cprHash("0101451234", KEY)).toBe(h);
    expect(cprHash("010145 1234", KEY)).toBe(h);
    expect(h).toMatch(/^[0-9a-f]{64}$/);
  });

  it("depends on the key and on every digit", () => {
    const h = cprHash("010145-1234", KEY);
    expect(cprHash("010145-1234", "j".repeat(32))).not.toBe(h);
    expect(cprHash("010145-1234", DEV_CPR_HASH_KEY)).not.toBe(h);
    expect(cprHash("010145-1235", KEY)).not.toBe(h);
    expect(cprHash("020145-1234", KEY)).not.toBe(h);
  });

  it("has no trace of the number in it, in any way of writing it", () => {
    for (const key of [KEY, DEV_CPR_HASH_KEY]) {
      const h = cprHash("010145-1234", key);
      for (const piece of ["0101451234", "010145", "1234", "145123"]) expect(h).not.toContain(piece);
    }
  });

  it("refuses what is not a CPR number, and a short key (fail closed)", () => {
    expect(() => cprHash("320145-1234", KEY)).toThrow(/not a CPR number/);
    expect(() => cprHash("010145-1234", "short")).toThrow(/32 characters/);
    expect(DEV_CPR_HASH_KEY.length).toBeGreaterThanOrEqual(32);
  });
});

describe("the key, from the environment", () => {
  const production = {
    DATABASE_URL: "postgres://a@b/c",
    NODE_ENV: "production",
    APP_URL: "https://fortael.kommune.dk",
    AUTH_SECRET: "x".repeat(32),
  };

  it("is required in a production build, and a long one", () => {
    expect(() => parseEnv(production)).toThrow(/CPR_HASH_KEY is required in production/);
    expect(() => parseEnv({ ...production, CPR_HASH_KEY: "short" })).toThrow(/CPR_HASH_KEY must be at least 32 characters/);
    expect(parseEnv({ ...production, CPR_HASH_KEY: KEY }).CPR_HASH_KEY).toBe(KEY);
  });

  it("is the clearly named development key elsewhere", () => {
    expect(parseEnv({ DATABASE_URL: "postgres://a@b/c" }).CPR_HASH_KEY).toBe(DEV_CPR_HASH_KEY);
    expect(DEV_CPR_HASH_KEY).toMatch(/development.*do-not-use-in-production/);
  });
});

import { describe, expect, it } from "vitest";
import { endOfDanishDay, lastDanishDay, optionalDate, optionalFutureDate, todayInDenmark, words } from "@/lib/validation/fields";
import { addAgreementSchema } from "@/lib/agreements/schema";

describe("a calendar day in Denmark", () => {
  it("is the Danish date, not the UTC one, around midnight", () => {
    expect(todayInDenmark(new Date("2026-11-23T23:30:00Z"))).toBe("2026-11-24"); // 00:30 in Copenhagen (winter)
    expect(todayInDenmark(new Date("2026-07-01T22:30:00Z"))).toBe("2026-07-02"); // 00:30 in summer time
    expect(todayInDenmark(new Date("2026-11-23T22:30:00Z"))).toBe("2026-11-23");
  });

  it("accepts an empty field or a day that exists, and names the problem otherwise", () => {
    expect(optionalDate.parse("")).toBeNull();
    expect(optionalDate.parse(undefined)).toBeNull();
    expect(optionalDate.parse("2028-02-29")).toBe("2028-02-29");
    for (const bad of ["2027-02-29", "24-12-2026", "i morgen", "2026-13-01"]) {
      expect(optionalDate.safeParse(bad).error?.issues[0]?.message, bad).toBe("Validation.invalidDate");
    }
    expect(optionalFutureDate.safeParse("2020-01-01").error?.issues[0]?.message).toBe("Validation.dateInPast");
    expect(optionalFutureDate.parse(todayInDenmark())).toBe(todayInDenmark());
  });
});

describe("words", () => {
  it("trims, makes line endings plain, counts æøå and emoji as the browser's counter does, and says what is wrong", () => {
    expect(words(10).parse("  Hej\r\ndig  ")).toBe("Hej\ndig");
    expect(words(5).parse("æøå🌷")).toBe("æøå🌷"); // the emoji is two UTF-16 units, like maxLength and the counter
    expect(words(3).safeParse("æøå🌷").error?.issues[0]?.message).toBe("Validation.tooLong");
    expect(words(10, { required: true }).safeParse("   ").error?.issues[0]?.message).toBe("Validation.required");
  });
});

describe("who an agreement is for", () => {
  const base = { citizenId: "6f1c2a3b-1d2e-4f50-8a6b-7c8d9e0f1a2b", what: "Noget" };
  it("is me, someone in my network or an area, by one choice", () => {
    const id = "0b9d3c2a-5e4f-4a1b-9c8d-7e6f5a4b3c2d";
    expect(addAgreementSchema.parse({ ...base, who: "CITIZEN" }).who).toEqual({
      responsible: "CITIZEN",
      networkMemberId: null,
      serviceAreaId: null,
    });
    expect(addAgreementSchema.parse({ ...base, who: `NETWORK_MEMBER:${id}` }).who).toEqual({
      responsible: "NETWORK_MEMBER",
      networkMemberId: id,
      serviceAreaId: null,
    });
    expect(addAgreementSchema.parse({ ...base, who: `SERVICE_AREA:${id}` }).who).toEqual({
      responsible: "SERVICE_AREA",
      networkMemberId: null,
      serviceAreaId: id,
    });
    for (const bad of ["", "SOMEONE", "NETWORK_MEMBER:", "SERVICE_AREA:not-an-id", `CITIZEN:${id}`]) {
      expect(addAgreementSchema.safeParse({ ...base, who: bad }).error?.issues[0]?.message, bad).toBe("Validation.chooseOne");
    }
  });
});

describe("until and including a Danish day", () => {
  it("lasts through the end of that day in Copenhagen, winter and summer, and says the day back", () => {
    expect(endOfDanishDay("2026-12-24").toISOString()).toBe("2026-12-24T23:00:00.000Z"); // midnight CET
    expect(endOfDanishDay("2026-07-01").toISOString()).toBe("2026-07-01T22:00:00.000Z"); // midnight CEST
    expect(endOfDanishDay("2026-03-28").toISOString()).toBe("2026-03-28T23:00:00.000Z"); // the night summer time begins
    expect(endOfDanishDay("2026-10-24").toISOString()).toBe("2026-10-24T22:00:00.000Z"); // the night it ends
    for (const day of ["2026-12-24", "2026-07-01", "2026-03-28", "2026-10-24", "2026-12-31"])
      expect(lastDanishDay(endOfDanishDay(day))).toBe(day);
    expect(lastDanishDay(null)).toBeNull();
  });
});

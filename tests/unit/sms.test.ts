import { describe, expect, it } from "vitest";
import { msisdn } from "@/lib/notify/sms";

describe("a stored phone number, as the SMS gateway wants it", () => {
  it.each([
    ["12345678", "4512345678"],
    ["20 30 40 50", "4520304050"],
    ["+45 12 34 56 78", "4512345678"],
    ["+4512345678", "4512345678"],
    ["0045 12345678", "4512345678"],
    ["+45-12-34-56-78", "4512345678"],
    ["(+45) 12.34.56.78", "4512345678"],
    ["\u00a012 34 56 78 ", "4512345678"],
  ])("Danish: %j is %s", (stored, expected) => {
    expect(msisdn(stored)).toBe(expected);
  });

  it.each([
    ["+46 70 123 45 67", "46701234567"],
    ["0046701234567", "46701234567"],
    ["+298 123456", "298123456"],
    ["+299 12 34 56", "299123456"],
    ["+1 (212) 555-0100", "12125550100"],
  ])("abroad: %j is %s", (stored, expected) => {
    expect(msisdn(stored)).toBe(expected);
  });

  it.each([
    "",
    "   ",
    "1234567", // too short for Denmark
    "123456789", // too long for Denmark, and no country code
    "4512345678", // a country code without + or 00 is not told from a long number
    "02345678", // no Danish number starts with 0
    "+45 1234 567", // Danish, but seven digits
    "+45 12 34 56 78 9",
    "+0 123456789",
    "+1234567890123456", // over 15 digits
    "+123456", // too short to be a number anywhere
    "++4512345678",
    "tlf. 12345678",
    "12345678 eller 87654321",
    "1234abcd",
  ])("not a number we can send to: %j", (stored) => {
    expect(msisdn(stored)).toBeNull();
  });
});

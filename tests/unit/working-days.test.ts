import { describe, expect, it } from "vitest";
import { closedDays, contactDue, easterSunday, isWorkingDay, workingDaysAfter } from "@/lib/contact-requests/working-days";

describe("working days in Denmark", () => {
  it("finds Easter Sunday in known years", () => {
    expect(easterSunday(2025)).toBe("2025-04-20");
    expect(easterSunday(2026)).toBe("2026-04-05");
    expect(easterSunday(2027)).toBe("2027-03-28");
    expect(easterSunday(2038)).toBe("2038-04-25");
  });

  it("closes on the public holidays around Easter, Ascension and Whitsun, and on the fixed days", () => {
    const days = closedDays(2026);
    // Maundy Thursday, Good Friday, Easter Monday, Ascension Day, Whit Monday
    for (const d of ["2026-04-02", "2026-04-03", "2026-04-06", "2026-05-14", "2026-05-25"]) expect(days.has(d), d).toBe(true);
    for (const d of ["2026-01-01", "2026-06-05", "2026-12-24", "2026-12-25", "2026-12-26", "2026-12-31"]) expect(days.has(d), d).toBe(true);
    // the old Great Prayer Day (fourth Friday after Easter) is a working day since 2024
    expect(isWorkingDay("2026-05-01")).toBe(true);
  });

  it("skips weekends and holidays when counting", () => {
    expect(workingDaysAfter("2026-11-23", 2)).toBe("2026-11-25"); // Monday -> Wednesday
    expect(workingDaysAfter("2026-11-27", 2)).toBe("2026-12-01"); // Friday -> Tuesday
    expect(workingDaysAfter("2026-11-28", 1)).toBe("2026-11-30"); // Saturday -> Monday
    expect(workingDaysAfter("2026-12-23", 2)).toBe("2026-12-29"); // over Christmas
    expect(workingDaysAfter("2026-04-01", 1)).toBe("2026-04-07"); // over Easter
  });

  it("sets the deadline at the end of the Danish day", () => {
    // Friday 27 November 2026, 22:30 in Copenhagen (21:30 UTC): due by the end of Tuesday 1 December
    const due = contactDue(new Date("2026-11-27T21:30:00Z"), 2);
    expect(due.toISOString()).toBe("2026-12-01T23:00:00.000Z");
    // Monday 00:30 in Copenhagen is still Monday there, though Sunday in UTC
    expect(contactDue(new Date("2026-11-22T23:30:00Z"), 2).toISOString()).toBe("2026-11-25T23:00:00.000Z");
    // summer time: the day ends at 22:00 UTC
    expect(contactDue(new Date("2026-06-15T08:00:00Z"), 2).toISOString()).toBe("2026-06-17T22:00:00.000Z");
  });
});

import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { danishMinutes, inQuietHours, nextDanishTime, planDeliveries, type Wishes } from "@/lib/notify/timing";

// When a notification goes out, as the person asked: quiet hours, the daily digest, urgent kinds, Danish time.
const wishes = (over: Partial<Wishes> = {}): Wishes => ({
  email: true,
  sms: true,
  push: true,
  quietFrom: 21 * 60,
  quietTo: 7 * 60,
  digest: false,
  digestAt: 8 * 60,
  urgentKinds: [],
  ...over,
});
const all = { email: true, sms: true, push: true };

describe("quiet hours and Danish time", () => {
  it("quiet hours may run across midnight, within a day, or not at all", () => {
    expect(inQuietHours(22 * 60, 21 * 60, 7 * 60)).toBe(true);
    expect(inQuietHours(6 * 60 + 59, 21 * 60, 7 * 60)).toBe(true);
    expect(inQuietHours(7 * 60, 21 * 60, 7 * 60)).toBe(false);
    expect(inQuietHours(13 * 60, 12 * 60, 14 * 60)).toBe(true);
    expect(inQuietHours(14 * 60, 12 * 60, 14 * 60)).toBe(false);
    expect(inQuietHours(3 * 60, 0, 0)).toBe(false);
  });

  it("the next 07:00 in Denmark, in winter and summer time and across the changes", () => {
    // 23:30 Danish winter time (UTC+1) → 07:00 next morning = 06:00Z
    expect(nextDanishTime(new Date("2026-01-14T22:30:00Z"), 420).toISOString()).toBe("2026-01-15T06:00:00.000Z");
    // summer time (UTC+2)
    expect(nextDanishTime(new Date("2026-07-14T21:30:00Z"), 420).toISOString()).toBe("2026-07-15T05:00:00.000Z");
    // the night the clocks go forward (29 March 2026): 07:00 is already summer time
    expect(nextDanishTime(new Date("2026-03-28T23:00:00Z"), 420).toISOString()).toBe("2026-03-29T05:00:00.000Z");
    // the night they go back (25 October 2026)
    expect(nextDanishTime(new Date("2026-10-24T23:00:00Z"), 420).toISOString()).toBe("2026-10-25T06:00:00.000Z");
    // later today when it has not come yet
    expect(nextDanishTime(new Date("2026-01-15T05:00:00Z"), 420).toISOString()).toBe("2026-01-15T06:00:00.000Z");
  });

  it("the next time is always after now, within a day, and shows the asked minutes on the Danish clock", () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date("2025-01-01"), max: new Date("2030-12-31"), noInvalidDate: true }),
        fc.integer({ min: 0, max: 1439 }),
        (now, minutes) => {
          const next = nextDanishTime(now, minutes);
          expect(next.getTime()).toBeGreaterThan(now.getTime());
          expect(next.getTime() - now.getTime()).toBeLessThanOrEqual(25 * 3_600_000);
          // a time skipped in spring (02:00-03:00) comes an hour later
          if (danishMinutes(next) !== minutes) expect(danishMinutes(next)).toBe(minutes + 60);
        },
      ),
    );
  });
});

describe("planning the deliveries", () => {
  const day = new Date("2026-01-15T12:00:00Z"); // 13:00 Danish
  const night = new Date("2026-01-15T22:00:00Z"); // 23:00 Danish

  it("at once on every chosen channel that can reach the person; none: the app only", () => {
    expect(planDeliveries("message", wishes(), all, day)).toEqual([
      { channel: "EMAIL", dueAt: day, digest: false },
      { channel: "SMS", dueAt: day, digest: false },
      { channel: "PUSH", dueAt: day, digest: false },
    ]);
    expect(planDeliveries("message", wishes({ sms: false }), { email: false, sms: true, push: false }, day)).toEqual([]);
  });

  it("in quiet hours, held until they end; a kind the person chose as urgent goes at once", () => {
    const [held] = planDeliveries("message", wishes({ sms: false, push: false }), all, night);
    expect(held!.dueAt.toISOString()).toBe("2026-01-16T06:00:00.000Z");
    const [urgent] = planDeliveries("message", wishes({ sms: false, push: false, urgentKinds: ["message"] }), all, night);
    expect(urgent!.dueAt).toBe(night);
  });

  it("with the daily digest, at the digest's time, marked for it; urgent kinds still at once", () => {
    const [d] = planDeliveries("consent-request", wishes({ digest: true, email: true, sms: false, push: false }), all, day);
    expect(d).toEqual({ channel: "EMAIL", dueAt: new Date("2026-01-16T07:00:00.000Z"), digest: true });
    const [u] = planDeliveries(
      "consent-request",
      wishes({ digest: true, sms: false, push: false, urgentKinds: ["consent-request"] }),
      all,
      day,
    );
    expect(u).toEqual({ channel: "EMAIL", dueAt: day, digest: false });
  });
});

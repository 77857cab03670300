import { describe, expect, it } from "vitest";
import { VISIT_GAP_MS, visitAt } from "@/lib/plan/visit";

describe("a visit to my plan", () => {
  const now = new Date("2026-11-23T10:00:00Z");
  const ago = (ms: number) => new Date(now.getTime() - ms);

  it("the very first one has nothing new, and begins", () => {
    expect(visitAt(now, null, null)).toEqual({ since: null, begin: true });
  });
  it("after a break of an hour or more, a new one begins and the news is since the last one began", () => {
    expect(visitAt(now, ago(VISIT_GAP_MS), ago(10 * VISIT_GAP_MS))).toEqual({ since: ago(VISIT_GAP_MS), begin: true });
    expect(visitAt(now, ago(3 * 86_400_000), null)).toEqual({ since: ago(3 * 86_400_000), begin: true });
  });
  it("a reload within the hour is the same visit: the same news, nothing recorded", () => {
    expect(visitAt(now, ago(VISIT_GAP_MS - 1), ago(5 * 86_400_000))).toEqual({ since: ago(5 * 86_400_000), begin: false });
    expect(visitAt(now, ago(1000), null)).toEqual({ since: null, begin: false });
  });
});

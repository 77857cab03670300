import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import {
  CITIZEN_DESTINATIONS,
  currentDestination,
  currentMark,
  relativeDestinations,
  staffDestinations,
} from "@/lib/navigation/destinations";

const app = path.join(process.cwd(), "app", "[locale]");

/** Every page under a folder of app/[locale], as a path without the locale (a [param] stands as "x"). */
function pagesUnder(folder: string): string[] {
  return fs
    .readdirSync(path.join(app, folder), { recursive: true, encoding: "utf8" })
    .filter((f) => f === "page.tsx" || f.endsWith(`${path.sep}page.tsx`))
    .map((f) => `/${folder}/${path.dirname(f)}`.replace(/\/\.$/, "").replace(/\[[^\]]+\]/g, "x"))
    .sort();
}

describe("the citizen's navigation", () => {
  it("has at most five destinations, each a page that exists", () => {
    expect(CITIZEN_DESTINATIONS.length).toBeLessThanOrEqual(5);
    for (const d of CITIZEN_DESTINATIONS) {
      expect(fs.existsSync(path.join(app, d.href, "page.tsx")), d.href).toBe(true);
    }
  });

  it("marks one destination on every page of the citizen's", () => {
    const pages = [...pagesUnder("plan"), ...pagesUnder("news"), ...pagesUnder("me")];
    expect(pages.length).toBeGreaterThan(15);
    const unmarked = pages.filter((p) => currentDestination(p, CITIZEN_DESTINATIONS) === null);
    expect(unmarked).toEqual([]);
  });

  it("takes the longest path: goals are under More, a contact request under Help, relatives under My people", () => {
    expect(currentDestination("/plan", CITIZEN_DESTINATIONS)).toBe("plan");
    expect(currentDestination("/plan/story", CITIZEN_DESTINATIONS)).toBe("plan");
    expect(currentDestination("/plan/goals/abc", CITIZEN_DESTINATIONS)).toBe("more");
    expect(currentDestination("/plan/contact", CITIZEN_DESTINATIONS)).toBe("more");
    expect(currentDestination("/plan/contact-request", CITIZEN_DESTINATIONS)).toBe("help");
    expect(currentDestination("/plan/relatives", CITIZEN_DESTINATIONS)).toBe("people");
    expect(currentDestination("/news", CITIZEN_DESTINATIONS)).toBe("messages");
    expect(currentDestination("/me/notifications", CITIZEN_DESTINATIONS)).toBe("more");
    // a path that only begins with the same letters is another page
    expect(currentDestination("/planning", CITIZEN_DESTINATIONS)).toBeNull();
  });
});

describe("how the current place is marked for a screen reader", () => {
  const marks = (pathname: string) =>
    Object.fromEntries(
      CITIZEN_DESTINATIONS.map((d) => [d.key, currentMark(pathname, d, currentDestination(pathname, CITIZEN_DESTINATIONS))]),
    );
  it("says 'current page' on the destination's own page, and only there", () => {
    expect(marks("/plan/help")).toEqual({ plan: undefined, people: undefined, messages: undefined, help: "page", more: undefined });
  });
  it("says 'current' (not 'current page') on a page below it", () => {
    expect(marks("/plan/contact-request")).toEqual({
      plan: undefined,
      people: undefined,
      messages: undefined,
      help: "true",
      more: undefined,
    });
    expect(marks("/plan/story").plan).toBe("true");
    expect(marks("/me").more).toBe("true");
  });
  it("marks nothing on a page outside the five", () => {
    expect(Object.values(marks("/sign-in")).filter(Boolean)).toEqual([]);
  });
  it("on a caseworker's pages: the caseload is the current page on /staff, finding a citizen the current place while starting a plan", () => {
    const staff = staffDestinations({ lead: false });
    const mark = (pathname: string) =>
      Object.fromEntries(staff.map((d) => [d.key, currentMark(pathname, d, currentDestination(pathname, staff))]));
    expect(mark("/staff")).toEqual({ staffCitizens: "page", staffFind: undefined, staffProfile: undefined });
    expect(mark("/staff/start")).toEqual({ staffCitizens: undefined, staffFind: "true", staffProfile: undefined });
  });
});

describe("a relative's and a caseworker's navigation", () => {
  it("a relative's marks the shared plan and their own space apart, and has no space for an attorney only", () => {
    const mine = relativeDestinations("c1", { space: true });
    expect(currentDestination("/relative/c1", mine)).toBe("sharedPlan");
    expect(currentDestination("/relative/c1/space", mine)).toBe("ownSpace");
    expect(relativeDestinations("c1", { space: false }).map((d) => d.key)).toEqual(["sharedPlan", "allShared"]);
  });

  it("a caseworker's marks every staff page, and shows the team to a lead only", () => {
    const lead = staffDestinations({ lead: true });
    const unmarked = pagesUnder("staff").filter((p) => currentDestination(p, lead) === null);
    expect(unmarked).toEqual([]);
    expect(currentDestination("/staff/citizens/x", lead)).toBe("staffCitizens");
    expect(currentDestination("/staff/start", lead)).toBe("staffFind");
    expect(staffDestinations({ lead: false }).map((d) => d.key)).not.toContain("staffTeam");
  });
});

/**
 * The few places each kind of person moves between (issue 16, part 7; docs/decisions/035):
 * a citizen's five, a relative's and a caseworker's short lists. Pure and safe in the browser.
 *
 * A destination is current on its own paths and everything under them; where two
 * match, the longer path wins (/plan/goals is under "More", not under "My plan").
 */
export type Destination = {
  /** The key of its words in the "Nav" messages. */
  key: string;
  /** Where its link goes, without the locale. */
  href: string;
  /** The pages it stands for, without the locale: each and everything under it. */
  paths: readonly string[];
};

const under = (pathname: string, path: string) => pathname === path || pathname.startsWith(`${path}/`);

/** The destination the page at `pathname` (without the locale) belongs to, if any. */
export function currentDestination(pathname: string, destinations: readonly Destination[]): string | null {
  let best: { key: string; length: number } | null = null;
  for (const d of destinations) {
    for (const p of d.paths) {
      if (under(pathname, p) && (!best || p.length > best.length)) best = { key: d.key, length: p.length };
    }
  }
  return best?.key ?? null;
}

/**
 * How a destination's link is marked on the page at `pathname`: "page" when it is that very
 * page, "true" when the page is one of the destination's others (the place you are in, not
 * the page itself), nothing otherwise. A screen reader says "current page" only when it is.
 */
export function currentMark(pathname: string, destination: Destination, current: string | null): "page" | "true" | undefined {
  if (destination.key !== current) return undefined;
  return pathname === destination.href.split("#")[0] ? "page" : "true";
}

/** The citizen's five: my plan, my people, messages, help, and more (everything else). */
export const CITIZEN_DESTINATIONS: readonly Destination[] = [
  { key: "plan", href: "/plan", paths: ["/plan"] },
  { key: "people", href: "/plan/network", paths: ["/plan/network", "/plan/relatives"] },
  { key: "messages", href: "/plan/messages", paths: ["/plan/messages", "/news"] },
  { key: "help", href: "/plan/help", paths: ["/plan/help", "/plan/contact-request"] },
  {
    key: "more",
    href: "/plan/more",
    paths: [
      "/plan/more",
      "/plan/goals",
      "/plan/agreements",
      "/plan/consents",
      "/plan/access-log",
      "/plan/contact",
      "/plan/settings",
      "/me",
    ],
  },
];

/** A relative's: the plan shared with them, their own space (when they are a relative, not only an attorney), all plans shared with them. */
export function relativeDestinations(citizenId: string, { space }: { space: boolean }): Destination[] {
  return [
    { key: "sharedPlan", href: `/relative/${citizenId}`, paths: [`/relative/${citizenId}`] },
    ...(space ? [{ key: "ownSpace", href: `/relative/${citizenId}/space`, paths: [`/relative/${citizenId}/space`] }] : []),
    { key: "allShared", href: "/me", paths: ["/me"] },
  ];
}

/** A caseworker's: my citizens and the work list, finding a citizen, my team (leads only), my profile. */
export function staffDestinations({ lead }: { lead: boolean }): Destination[] {
  return [
    { key: "staffCitizens", href: "/staff", paths: ["/staff"] },
    { key: "staffFind", href: "/staff#find-title", paths: ["/staff/start"] },
    ...(lead ? [{ key: "staffTeam", href: "/staff/team", paths: ["/staff/team"] }] : []),
    { key: "staffProfile", href: "/staff/profile", paths: ["/staff/profile"] },
  ];
}

"use client";

import { Link, usePathname } from "@/lib/i18n/navigation";
import { currentDestination, currentMark, type Destination } from "@/lib/navigation/destinations";

type Props = {
  /** The <nav>'s name for screen readers. */
  label: string;
  destinations: readonly Destination[];
  /** Each destination's words, by its key. */
  names: Record<string, string>;
};

/**
 * The few places a person moves between (docs/decisions/035): on a phone a bar at
 * the bottom of the screen, in reach of a thumb; on a wide screen a row under the
 * header. Plain links, rendered on the server with the current place marked
 * (aria-current "page" on its own page, "true" on the pages below it), so it works
 * before and without JavaScript. A word is never broken: where the words do not fit
 * one row (larger text on a narrow screen), the bar takes a second row. The page is
 * padded below for the bar (globals.css, [data-bottom-nav]), so it never covers the
 * page's end or what has focus.
 */
export function DestinationNav({ label, destinations, names }: Props) {
  const pathname = usePathname();
  const current = currentDestination(pathname, destinations);
  return (
    <nav
      aria-label={label}
      data-bottom-nav
      className="no-print fixed inset-x-0 bottom-0 z-40 border-t-2 border-gray-300 bg-white pb-[env(safe-area-inset-bottom)] md:static md:z-auto md:border-t-0 md:border-b-2 md:pb-0"
    >
      <ul className="mx-auto flex max-w-5xl flex-wrap md:gap-x-2 md:px-4">
        {destinations.map((d) => (
          <li key={d.key} className="flex flex-1 md:flex-none">
            <Link
              href={d.href}
              aria-current={currentMark(pathname, d, current)}
              className="flex min-h-14 w-full items-center justify-center border-t-4 border-transparent px-0.5 py-1 text-center text-sm leading-tight text-ink no-underline hover:underline md:min-h-11 md:border-t-0 md:border-b-4 md:px-3 md:text-base [&[aria-current]]:border-primary [&[aria-current]]:bg-info-light [&[aria-current]]:font-semibold [&[aria-current]]:text-primary"
            >
              {names[d.key]}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}

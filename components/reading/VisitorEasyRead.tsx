"use client";

import { useSearchParams } from "next/navigation";
import { usePathname } from "@/lib/i18n/navigation";

type Props = {
  /** Whether easy-read is on now: the button turns it off, else on. */
  on: boolean;
  /** The button's words, in the page's language. */
  label: string;
  action: (formData: FormData) => void | Promise<void>;
};

/**
 * For a visitor or a relative (no plan of their own): easy-read here and on, until the browser closes
 * (lib/reading/visitor.ts, docs/decisions/041). A form posting to a server action, so it works
 * without JavaScript; it comes back to the same page, with the parts of its address the page needs
 * (a stop link's token, a sign-in error). Not on the offline page: offline, nothing can be posted.
 */
export function VisitorEasyRead({ on, label, action }: Props) {
  const pathname = usePathname();
  const query = useSearchParams().toString();
  if (pathname === "/offline") return null;
  return (
    <form action={action}>
      <input type="hidden" name="easy" value={on ? "off" : "on"} />
      <input type="hidden" name="back" value={pathname} />
      {query && <input type="hidden" name="query" value={query} />}
      <button type="submit" className="inline-flex min-h-11 items-center px-1 text-primary underline hover:no-underline">
        {label}
      </button>
    </form>
  );
}

"use client";

import { useEffect } from "react";

type Props = {
  /** SHARED_IDLE_MINUTES: after this long without a key, a tap or a scroll, the page leaves. */
  idleMinutes: number;
  /** Tells the server the person is still here (it moves the session's end on: lib/auth/shared-computer.ts). */
  stillHere: () => Promise<void>;
  /** Where the page goes when nobody has used it: the session has ended on the server by then. */
  leaveTo: string;
};

/**
 * On a shared computer (decision 032): typing and tapping count as use, not only loading a page, so a person
 * writing for half an hour is not signed out mid-sentence; and a page nobody has used for the idle time does
 * not stay on screen for the next person. The server's end is never later than this page's: it is moved on
 * only by these calls and by pages, each at most once a minute.
 */
export function SharedComputerGuard({ idleMinutes, stillHere, leaveTo }: Props) {
  useEffect(() => {
    let last = Date.now();
    let told = Date.now();
    const used = () => {
      last = Date.now();
      if (last - told < 60_000) return;
      told = last;
      stillHere().catch(() => {});
    };
    const events = ["keydown", "pointerdown", "input", "scroll"] as const;
    for (const e of events) window.addEventListener(e, used, { capture: true, passive: true });
    const timer = window.setInterval(() => {
      if (Date.now() - last >= idleMinutes * 60_000) window.location.replace(leaveTo);
    }, 10_000);
    return () => {
      for (const e of events) window.removeEventListener(e, used, { capture: true });
      window.clearInterval(timer);
    };
  }, [idleMinutes, stillHere, leaveTo]);
  return null;
}

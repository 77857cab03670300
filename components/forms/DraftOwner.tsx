"use client";

import { useLayoutEffect } from "react";
import { claimDrafts } from "@/lib/forms/drafts";

/**
 * Claims this browser's drafts for the person signed in, forgetting anyone
 * else's. A layout effect: it runs before any form restores a draft (those use
 * ordinary effects), so another person's words are never put back on screen.
 */
export function DraftOwner({ owner }: { owner: string }) {
  useLayoutEffect(() => claimDrafts(owner), [owner]);
  return null;
}

"use client";

import { useLayoutEffect } from "react";
import { claimDrafts, keepNoDrafts } from "@/lib/forms/drafts";

/**
 * Claims this browser's drafts for the person signed in, forgetting anyone
 * else's; with no owner (a shared computer), forgets them all and keeps none. A
 * layout effect: it runs before any form restores a draft (those use ordinary
 * effects), so another person's words are never put back on screen.
 */
export function DraftOwner({ owner }: { owner: string | null }) {
  useLayoutEffect(() => (owner === null ? keepNoDrafts() : claimDrafts(owner)), [owner]);
  return null;
}

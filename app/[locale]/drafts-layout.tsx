import type { ReactNode } from "react";
import { getActor } from "@/lib/auth/actor";
import { draftOwner } from "@/lib/auth/draft-owner";
import { DraftOwner } from "@/components/forms/DraftOwner";

/**
 * The layout of every part of the app with forms that keep drafts (the plan, a
 * relative's view, the staff pages): this browser's drafts are the signed-in
 * person's, nobody else's (docs/decisions/018). Each of those folders' layout.tsx is this one.
 */
export default async function DraftsLayout({ children }: { children: ReactNode }) {
  const actor = await getActor();
  return (
    <>
      {actor.kind === "user" && <DraftOwner owner={draftOwner(actor.userId)} />}
      {children}
    </>
  );
}

import type { ReactNode } from "react";
import { getActor, onSharedComputer } from "@/lib/auth/actor";
import { draftOwner } from "@/lib/auth/draft-owner";
import { DraftOwner } from "@/components/forms/DraftOwner";

/**
 * The layout of every part of the app with forms that keep drafts (the plan, a
 * relative's view, the staff pages): this browser's drafts are the signed-in
 * person's, nobody else's (docs/decisions/018). Each of those folders' layout.tsx wraps this one.
 */
export default async function DraftsLayout({ children }: { children: ReactNode }) {
  const actor = await getActor();
  // on a shared computer nothing is kept in the browser (lib/auth/shared-computer.ts)
  const owner = actor.kind === "user" && !(await onSharedComputer()) ? draftOwner(actor.userId) : null;
  return (
    <>
      {actor.kind === "user" && <DraftOwner owner={owner} />}
      {children}
    </>
  );
}

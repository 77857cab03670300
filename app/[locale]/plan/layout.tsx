import type { ReactNode } from "react";
import { getActor } from "@/lib/auth/actor";
import { draftOwner } from "@/lib/auth/draft-owner";
import { DraftOwner } from "@/components/forms/DraftOwner";

/** Pages with forms that keep drafts: this browser's drafts are the signed-in person's, nobody else's. */
export default async function DraftsLayout({ children }: { children: ReactNode }) {
  const actor = await getActor();
  return (
    <>
      {actor.kind === "user" && <DraftOwner owner={draftOwner(actor.userId)} />}
      {children}
    </>
  );
}

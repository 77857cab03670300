import type { ReactNode } from "react";
import DraftsLayout from "@/app/[locale]/drafts-layout";
import { getActor } from "@/lib/auth/actor";
import { CitizenNav } from "@/components/nav/RoleNav";

/** The citizen's pages: their five destinations on each (docs/decisions/035), and drafts that are theirs (docs/decisions/018). */
export default async function PlanLayout({ children }: { children: ReactNode }) {
  const actor = await getActor();
  return (
    <DraftsLayout>
      {actor.kind === "user" && actor.citizenId && <CitizenNav />}
      {children}
    </DraftsLayout>
  );
}

import type { ReactNode } from "react";
import DraftsLayout from "@/app/[locale]/drafts-layout";
import { getActor } from "@/lib/auth/actor";
import { myRelationship } from "@/lib/relatives/queries";
import { myPower } from "@/lib/attorney/queries";
import { RelativeNav } from "@/components/nav/RoleNav";

/**
 * A plan shared with me: a relative's short navigation (docs/decisions/035), only while
 * the plan is shared with me or I hold a power for it, and drafts that are mine (docs/decisions/018).
 */
export default async function RelativeLayout({ children, params }: { children: ReactNode; params: Promise<{ citizenId: string }> }) {
  const [{ citizenId }, actor] = await Promise.all([params, getActor()]);
  const [mine, power] =
    actor.kind === "user" ? await Promise.all([myRelationship(actor.userId, citizenId), myPower(actor.userId, citizenId)]) : [null, null];
  return (
    <DraftsLayout>
      {(mine || power) && <RelativeNav citizenId={citizenId} space={Boolean(mine)} />}
      {children}
    </DraftsLayout>
  );
}

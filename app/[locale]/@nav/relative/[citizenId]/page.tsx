import { getActor } from "@/lib/auth/actor";
import { myRelationship } from "@/lib/relatives/queries";
import { myPower } from "@/lib/attorney/queries";
import { RelativeNav } from "@/components/nav/RoleNav";

/**
 * A relative's short navigation on a plan shared with them (docs/decisions/035, 040), only while
 * it is shared with them or they hold a power for it; their own space is in it when they have one.
 */
export default async function RelativeNavigation({ params }: { params: Promise<{ citizenId: string }> }) {
  const [{ citizenId }, actor] = await Promise.all([params, getActor()]);
  if (actor.kind !== "user") return null;
  const [mine, power] = await Promise.all([myRelationship(actor.userId, citizenId), myPower(actor.userId, citizenId)]);
  return mine || power ? <RelativeNav citizenId={citizenId} space={Boolean(mine)} /> : null;
}

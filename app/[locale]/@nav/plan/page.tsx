import { getActor } from "@/lib/auth/actor";
import { CitizenNav } from "@/components/nav/RoleNav";

// The citizen's five destinations on every page of their plan (docs/decisions/035, 040).
export default async function PlanNavigation() {
  const actor = await getActor();
  return actor.kind === "user" && actor.citizenId ? <CitizenNav /> : null;
}

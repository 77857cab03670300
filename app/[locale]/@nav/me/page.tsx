import { getActor } from "@/lib/auth/actor";
import { staffNavigation } from "@/lib/staff/team";
import { CitizenNav, StaffNav } from "@/components/nav/RoleNav";

/**
 * The pages every signed-in person has (my page, news for me, how I am told): a citizen's five
 * destinations, or a caseworker's short list (docs/decisions/035, 040). A relative's navigation
 * belongs to one shared plan, so it is not here: my page lists those plans.
 */
export default async function MyPageNavigation() {
  const actor = await getActor();
  if (actor.kind === "user" && actor.citizenId) return <CitizenNav />;
  const nav = await staffNavigation(actor);
  return nav ? <StaffNav lead={nav.lead} /> : null;
}

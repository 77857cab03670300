import { getActor } from "@/lib/auth/actor";
import { isStaff } from "@/lib/staff/caseload";
import { leadAreas } from "@/lib/staff/team";
import { StaffNav } from "@/components/nav/RoleNav";

// A caseworker's short navigation on every staff page, with the team's page when they lead one (docs/decisions/035, 040).
export default async function StaffNavigation() {
  const actor = await getActor();
  if (!isStaff(actor)) return null;
  return <StaffNav lead={(await leadAreas(actor)).length > 0} />;
}

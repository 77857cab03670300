import { getActor } from "@/lib/auth/actor";
import { staffNavigation } from "@/lib/staff/team";
import { StaffNav } from "@/components/nav/RoleNav";

// A caseworker's short navigation on every staff page, with the team's page when they lead one (docs/decisions/035, 040).
export default async function StaffNavigation() {
  const nav = await staffNavigation(await getActor());
  return nav ? <StaffNav lead={nav.lead} /> : null;
}

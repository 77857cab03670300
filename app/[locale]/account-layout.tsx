import type { ReactNode } from "react";
import { getActor } from "@/lib/auth/actor";
import { isStaff } from "@/lib/staff/caseload";
import { leadAreas } from "@/lib/staff/team";
import { CitizenNav, StaffNav } from "@/components/nav/RoleNav";

/**
 * The pages every signed-in person has (my page, news for me, how I am told):
 * a citizen finds their five destinations here too, a caseworker without a plan
 * of their own their short list (docs/decisions/035). A relative's navigation
 * belongs to one shared plan, so it is not here: my page lists those plans.
 * The layout of /me and /news is this one.
 */
export default async function AccountLayout({ children }: { children: ReactNode }) {
  const actor = await getActor();
  const citizen = actor.kind === "user" && Boolean(actor.citizenId);
  const lead = !citizen && isStaff(actor) ? (await leadAreas(actor)).length > 0 : false;
  return (
    <>
      {citizen ? <CitizenNav /> : isStaff(actor) && <StaffNav lead={lead} />}
      {children}
    </>
  );
}

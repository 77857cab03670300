import type { ReactNode } from "react";
import DraftsLayout from "@/app/[locale]/drafts-layout";
import { getActor } from "@/lib/auth/actor";
import { isStaff } from "@/lib/staff/caseload";
import { leadAreas } from "@/lib/staff/team";
import { StaffNav } from "@/components/nav/RoleNav";

/** The caseworker's pages: their short navigation (docs/decisions/035), and drafts that are theirs (docs/decisions/018). */
export default async function StaffLayout({ children }: { children: ReactNode }) {
  const actor = await getActor();
  const lead = isStaff(actor) ? (await leadAreas(actor)).length > 0 : false;
  return (
    <DraftsLayout>
      {isStaff(actor) && <StaffNav lead={lead} />}
      {children}
    </DraftsLayout>
  );
}

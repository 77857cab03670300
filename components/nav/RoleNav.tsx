import { getTranslations } from "next-intl/server";
import { CITIZEN_DESTINATIONS, relativeDestinations, staffDestinations, type Destination } from "@/lib/navigation/destinations";
import { DestinationNav } from "./DestinationNav";

// Each role's navigation with its words (docs/decisions/035). The navigation slot's
// pages (app/[locale]/@nav, docs/decisions/040) decide who sees which, from the session
// and the address; these only render.

async function RoleNav({
  label,
  destinations,
}: {
  label: "citizenLabel" | "relativeLabel" | "staffLabel";
  destinations: readonly Destination[];
}) {
  const t = await getTranslations("Nav");
  const names = Object.fromEntries(destinations.map((d) => [d.key, t(d.key)]));
  return <DestinationNav label={t(label)} destinations={destinations} names={names} />;
}

/** The citizen's five destinations, on every page of theirs. */
export function CitizenNav() {
  return <RoleNav label="citizenLabel" destinations={CITIZEN_DESTINATIONS} />;
}

/** A relative's, on the pages of a plan shared with them. `space`: they have a space of their own there. */
export function RelativeNav({ citizenId, space }: { citizenId: string; space: boolean }) {
  return <RoleNav label="relativeLabel" destinations={relativeDestinations(citizenId, { space })} />;
}

/** A caseworker's, on every staff page. `lead`: they lead a team. */
export function StaffNav({ lead }: { lead: boolean }) {
  return <RoleNav label="staffLabel" destinations={staffDestinations({ lead })} />;
}

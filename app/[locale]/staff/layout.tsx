import type { ReactNode } from "react";
import DraftsLayout from "@/app/[locale]/drafts-layout";

/** The caseworker's pages: drafts that are theirs (docs/decisions/018). Their navigation is the @nav slot's (docs/decisions/040). */
export default function StaffLayout({ children }: { children: ReactNode }) {
  return <DraftsLayout>{children}</DraftsLayout>;
}

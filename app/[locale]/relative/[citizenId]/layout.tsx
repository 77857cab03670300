import type { ReactNode } from "react";
import DraftsLayout from "@/app/[locale]/drafts-layout";

/** A plan shared with me: drafts that are mine (docs/decisions/018). My navigation here is the @nav slot's (docs/decisions/040). */
export default function RelativeLayout({ children }: { children: ReactNode }) {
  return <DraftsLayout>{children}</DraftsLayout>;
}

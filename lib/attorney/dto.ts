// A power of attorney as the citizen sees it: browser-safe types (no server code).
import type { AttorneyRight } from "@/lib/access/policy";

export type PowerDto = {
  id: string;
  holderName: string;
  rights: AttorneyRight[];
  source: "CITIZEN" | "PAPER" | "GUARDIANSHIP" | "DIGITAL";
  validFrom: string;
  /** The last Danish day it holds (null: until ended). */
  until: string | null;
  inForce: boolean;
  recordedBy: string | null;
};

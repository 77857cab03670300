import type { AgreementStatus } from "./schema";

export type AgreementDto = {
  id: string;
  what: string;
  responsible: "CITIZEN" | "NETWORK_MEMBER" | "SERVICE_AREA";
  /** A person's name, or a service area's key. */
  who: string | null;
  dueOn: string | null;
  overdue: boolean;
  status: AgreementStatus;
  version: number;
  /** Who wrote it down: the citizen, a relative (by name) or an area's caseworker. */
  author: { role: "CITIZEN" | "RELATIVE" | "STAFF"; name: string | null; areaKey: string | null };
};

/** What "who" can be in a new agreement: me, my people, the municipality's areas. */
export type WhoChoices = { people: { id: string; name: string }[]; areas: { id: string; key: string }[] };

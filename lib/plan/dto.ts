import type { StorySectionKind } from "@/lib/story/schema";

/** "My plan" as one page shows it. A part that is not shared with the reader is null. */
export type PlanDto = {
  citizenId: string;
  name: string;
  story: Partial<Record<StorySectionKind, { text: string; version: number }>> | null;
  goals: GoalSummaryDto[] | null;
  reachedOrLetGo: number | null;
  agreements: AgreementSummaryDto[] | null;
  network: NetworkSummaryDto[] | null;
  coordinator: { name: string; areaKeys: string[] } | null | undefined;
  help: { what: string; howOften: string; until: string | null; areaKey: string }[] | null;
};

export type GoalSummaryDto = { id: string; title: string; reviewOn: string | null; steps: { text: string; done: boolean }[] };
export type AgreementSummaryDto = {
  id: string;
  what: string;
  responsible: "CITIZEN" | "NETWORK_MEMBER" | "SERVICE_AREA";
  who: string | null;
  dueOn: string | null;
  overdue: boolean;
};
export type NetworkSummaryDto = { id: string; name: string; relation: string; closeness: "CLOSEST" | "CLOSE" | "FURTHER"; kind: "PERSON" | "COMMUNITY"; helpsWith: string };

export type GoalStepDto = { id: string; text: string; done: boolean; version: number };
export type GoalHelperDto = { ref: string; kind: "NETWORK_MEMBER" | "SERVICE_AREA"; name: string | null; areaKey: string | null };
export type GoalDto = {
  id: string;
  wish: string;
  title: string;
  reachedWhen: string;
  status: "ACTIVE" | "REACHED" | "LET_GO";
  closingNote: string;
  reviewOn: string | null;
  closedOn: string | null;
  version: number;
  steps: GoalStepDto[];
  /** Steps a caseworker proposed, waiting for the citizen's answer. */
  proposals: { id: string; text: string; areaKey: string | null }[];
  helpers: GoalHelperDto[];
};

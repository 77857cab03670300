import type { AgreementDto } from "@/lib/agreements/dto";
import type { StorySectionKind } from "@/lib/story/schema";
import type { MessageDto } from "@/lib/messages/dto";
import type { Part } from "@/lib/access/policy";

/** "My plan" as one page shows it. A part that is not shared with the reader is null. */
export type PlanDto = {
  citizenId: string;
  name: string;
  /** The parts the reader may read: a page asks for more only where it may, so nobody is logged trying. */
  readable: Part[];
  story: Partial<Record<StorySectionKind, { text: string; version: number }>> | null;
  goals: GoalSummaryDto[] | null;
  reachedOrLetGo: number | null;
  agreements: AgreementSummaryDto[] | null;
  network: NetworkSummaryDto[] | null;
  /** Who holds the red thread, and to whom it is offered while a handover waits (undefined: not shared). */
  coordinator: { name: string; areaKeys: string[]; inForce: boolean; handoverTo: string | null } | null | undefined;
  /** The open "contact me" request and when the answer is due (undefined: not shared). */
  contactRequest: { dueDay: string; overdue: boolean } | null | undefined;
  /** The newest messages from caseworkers. */
  messages: MessageDto[] | null;
  help: { what: string; howOften: string; until: string | null; areaKey: string }[] | null;
  /** How many times an area used the citizen's story instead of asking again (the citizen only). */
  toldOnce: number | null;
  /** What others changed since the citizen's last visit, newest first (null: not asked, or not the citizen's to see). */
  news: NewsDto | null;
};

/** One thing someone else did in the plan: who, in which area, what kind of thing, and its words. */
export type NewsItemDto = {
  at: string;
  actorRole: "RELATIVE" | "STAFF";
  actorName: string | null;
  areaKey: string | null;
  entity: string;
  added: boolean;
  words: string | null;
};
export type NewsDto = { items: NewsItemDto[]; total: number };

/** `proposed`: steps a caseworker suggested, waiting for the citizen's yes or no. */
export type GoalSummaryDto = {
  id: string;
  title: string;
  reviewOn: string | null;
  steps: { text: string; done: boolean }[];
  proposed: string[];
};
export type AgreementSummaryDto = Pick<AgreementDto, "id" | "what" | "responsible" | "who" | "dueOn" | "overdue">;
export type NetworkSummaryDto = {
  id: string;
  name: string;
  relation: string;
  closeness: "CLOSEST" | "CLOSE" | "FURTHER";
  kind: "PERSON" | "COMMUNITY";
  helpsWith: string;
};

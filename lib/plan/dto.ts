import type { AgreementDto } from "@/lib/agreements/dto";
import type { StorySectionKind } from "@/lib/story/schema";
import type { MessageDto } from "@/lib/messages/dto";
import type { Part } from "@/lib/access/policy";
import type { ContactPreferencesDto } from "@/lib/contact/schema";

/** "My plan" as one page shows it. A part that is not shared with the reader is null. */
export type PlanDto = {
  citizenId: string;
  /** For a caseworker of a consented area with no need to know yet: stating a reason would open the plan. */
  needsReason: boolean;
  name: string;
  /** The language the citizen chose for the municipality's words to them (their letters, their paper plan). */
  language: string;
  /** The parts the reader may read: a page asks for more only where it may, so nobody is logged trying. */
  readable: Part[];
  /** `writtenWith`: written by a caseworker with the citizen and confirmed by them (`toldTo`: the yes was told to a caseworker). */
  story: Partial<
    Record<StorySectionKind, { text: string; version: number; writtenWith: { by: string; on: string; toldTo: boolean } | null }>
  > | null;
  goals: GoalSummaryDto[] | null;
  reachedOrLetGo: number | null;
  agreements: AgreementSummaryDto[] | null;
  network: NetworkSummaryDto[] | null;
  /** How and when the citizen wants to be contacted (null: not shared with the reader). */
  contact: ContactPreferencesDto | null;
  /**
   * Who holds the red thread, for which one area, and to whom it is offered while a handover waits
   * (undefined: not shared). `line`: their direct phone and hours (null: not for this reader).
   */
  coordinator:
    | {
        name: string;
        areaKey: string | null;
        inForce: boolean;
        handoverTo: string | null;
        line: { phone: string; hours: string } | null;
      }
    | null
    | undefined;
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
  actorRole: "RELATIVE" | "PROXY" | "STAFF";
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
/** `byStaff`: a caseworker wrote it down (its professional words explain themselves to the citizen). */
export type AgreementSummaryDto = Pick<AgreementDto, "id" | "what" | "responsible" | "who" | "dueOn" | "overdue"> & { byStaff: boolean };
export type NetworkSummaryDto = {
  id: string;
  name: string;
  relation: string;
  closeness: "CLOSEST" | "CLOSE" | "FURTHER";
  kind: "PERSON" | "COMMUNITY";
  helpsWith: string;
};

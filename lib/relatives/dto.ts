import type { RelativePermission } from "@/lib/access/policy";

export type InvitationState = "PENDING" | "ACCEPTED" | "EXPIRED" | "REVOKED";
export type InvitationDto = {
  id: string;
  name: string | null;
  permissions: RelativePermission[];
  state: InvitationState;
  expiresAt: string;
  accessUntil: string | null;
  createdAt: string;
};
export type RelativeSpaceDto = {
  helpWish: "WANT_TO_HELP" | "SOME_HELP" | "NOT_NOW" | null;
  canDo: string;
  needsRespite: boolean;
  wantsPeers: boolean;
  wantsCoordinator: boolean;
  sharedWithCitizen: boolean;
  sharedWithStaff: boolean;
  version: number;
  checkIns: { id: string; feeling: "GOOD" | "OK" | "HARD"; note: string; at: string }[];
};
export type RelativeDto = {
  id: string;
  name: string;
  permissions: RelativePermission[];
  accessUntil: string | null;
  since: string;
  active: boolean;
  version: number;
  /** What the relative chose to share with the citizen of their own space, or null. */
  space: RelativeSpaceDto | null;
  /** What they added to the plan. */
  added: { agreements: number; people: number };
};

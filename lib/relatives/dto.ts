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
/**
 * Who really joined through the link, as their account proves it: the name MitID vouched for, or the address
 * the sign-in link was opened from. Shown beside the name the citizen gave, so a link opened by the wrong
 * person shows at once.
 */
export type JoinedAsDto = { by: "mitid"; name: string } | { by: "email"; email: string } | { by: "unknown" };
export type RelativeDto = {
  id: string;
  /** The name the citizen knows them by (the person in their network), else the account's own. */
  name: string;
  joinedAs: JoinedAsDto;
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

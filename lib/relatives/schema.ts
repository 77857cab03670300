import { z } from "zod";
import { RELATIVE_PERMISSIONS } from "@/lib/access/policy";
import { checkbox, id, listOf, optionalFutureDate, version, words } from "@/lib/validation/fields";
import { NAME_MAX } from "@/lib/network/schema";

// Safe for the browser. Errors are message keys.
export { RELATIVE_PERMISSIONS };
export const INVITE_DAYS = 7;
export const HELP_WISHES = ["WANT_TO_HELP", "SOME_HELP", "NOT_NOW"] as const;
export const FEELINGS = ["GOOD", "OK", "HARD"] as const;
export const SPACE_TEXT_MAX = 1000;

const permissions = listOf(z.enum(RELATIVE_PERMISSIONS, { error: "Validation.invalid" }), { min: 1 }).transform((p) => [...new Set(p)]);

/**
 * Whom to invite: someone already in the network ("NETWORK_MEMBER:<id>") or
 * someone new ("NEW", with a name and how they are related).
 */
export const createInvitationSchema = z
  .object({
    citizenId: id,
    who: z.string({ error: "Validation.chooseOne" }).min(1, { error: "Validation.chooseOne" }),
    newName: z.preprocess((v) => v ?? "", words(NAME_MAX)),
    newRelation: z.preprocess((v) => v ?? "", words(NAME_MAX)),
    permissions,
    accessUntil: optionalFutureDate,
  })
  .transform((v, ctx) => {
    if (v.who === "NEW") {
      if (!v.newName) ctx.addIssue({ code: "custom", path: ["newName"], message: "Validation.required" });
      return { ...v, networkMemberId: null };
    }
    const [kind, ref] = v.who.split(":");
    if (kind !== "NETWORK_MEMBER" || !id.safeParse(ref).success) {
      ctx.addIssue({ code: "custom", path: ["who"], message: "Validation.chooseOne" });
      return z.NEVER;
    }
    return { ...v, networkMemberId: ref! };
  });

export const revokeInvitationSchema = z.object({ citizenId: id, invitationId: id });

export const changeRelativeSchema = z.object({ citizenId: id, relationshipId: id, permissions, accessUntil: optionalFutureDate, version });
export const endRelativeSchema = z.object({ citizenId: id, relationshipId: id });

export const relativeSpaceSchema = z.object({
  citizenId: id,
  helpWish: z.preprocess(
    (v) => (v === "" || v === undefined ? null : v),
    z.enum(HELP_WISHES, { error: "Validation.chooseOne" }).nullable(),
  ),
  canDo: words(SPACE_TEXT_MAX),
  needsRespite: checkbox,
  wantsPeers: checkbox,
  wantsCoordinator: checkbox,
  sharedWithCitizen: checkbox,
  sharedWithStaff: checkbox,
  version,
});
export const checkInSchema = z.object({
  citizenId: id,
  feeling: z.enum(FEELINGS, { error: "Validation.chooseOne" }),
  note: words(SPACE_TEXT_MAX),
});

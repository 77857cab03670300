import { z } from "zod";
import { id, optionalFutureDate, version, words } from "@/lib/validation/fields";

// Safe for the browser. Errors are message keys.
export const AGREEMENT_WHAT_MAX = 300;
export const AGREEMENT_STATUSES = ["OPEN", "DONE", "NOT_DONE"] as const;
export type AgreementStatus = (typeof AGREEMENT_STATUSES)[number];

/**
 * Who an agreement is for, as the form's one choice says it: "CITIZEN" (me),
 * "NETWORK_MEMBER:<id>" (someone in my network) or "SERVICE_AREA:<id>".
 */
const who = z.string({ error: "Validation.chooseOne" }).transform((s, ctx) => {
  if (s === "CITIZEN") return { responsible: "CITIZEN" as const, networkMemberId: null, serviceAreaId: null };
  const [kind, ref] = s.split(":");
  if (kind === "NETWORK_MEMBER" && id.safeParse(ref).success)
    return { responsible: "NETWORK_MEMBER" as const, networkMemberId: ref!, serviceAreaId: null };
  if (kind === "SERVICE_AREA" && id.safeParse(ref).success)
    return { responsible: "SERVICE_AREA" as const, networkMemberId: null, serviceAreaId: ref! };
  ctx.addIssue({ code: "custom", message: "Validation.chooseOne" });
  return z.NEVER;
});

export const addAgreementSchema = z.object({
  citizenId: id,
  what: words(AGREEMENT_WHAT_MAX, { required: true }),
  who,
  dueOn: optionalFutureDate,
});

export const setAgreementStatusSchema = z.object({
  citizenId: id,
  agreementId: id,
  status: z.enum(AGREEMENT_STATUSES, { error: "Validation.chooseOne" }),
  version,
});

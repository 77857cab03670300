import "server-only";
import { InvalidInput, StaleWrite, throughGate } from "@/lib/record/gate";
import type { Actor } from "@/lib/record/actor";
import { fieldErrors, type Result } from "@/lib/validation/result";
import { toDbDate } from "@/lib/validation/fields";
import { addAgreementSchema, setAgreementStatusSchema } from "./schema";

/**
 * Writes down an agreement: what, who, by when. The citizen, a relative allowed
 * to add agreements, or a caseworker of a consented area; each is marked as the
 * author. The person must be in this citizen's network and the area in their
 * municipality, or nothing is written.
 */
export async function addAgreement(actor: Actor, input: unknown): Promise<Result<{ agreementId: string }>> {
  const parsed = addAgreementSchema.safeParse(input);
  if (!parsed.success) return { ok: false, error: "invalid", fieldErrors: fieldErrors(parsed.error) };
  const { citizenId, what, who, dueOn } = parsed.data;

  return throughGate(
    actor,
    citizenId,
    { part: "AGREEMENTS", action: "WRITE", purpose: "add-agreement" },
    async ({ tx, changed, role, serviceAreaId, userId }) => {
      if (who.networkMemberId) {
        const member = await tx.networkMember.findFirst({
          where: { id: who.networkMemberId, citizenId, removedAt: null },
          select: { id: true },
        });
        if (!member) throw new InvalidInput({ who: ["Validation.chooseOne"] });
      }
      if (who.serviceAreaId) {
        const area = await tx.serviceArea.findFirst({
          where: { id: who.serviceAreaId, municipality: { citizens: { some: { id: citizenId } } } },
          select: { id: true },
        });
        if (!area) throw new InvalidInput({ who: ["Validation.chooseOne"] });
      }
      const agreement = await tx.agreement.create({
        data: {
          citizenId,
          what,
          ...who,
          dueOn: toDbDate(dueOn),
          authorRole: role === "CITIZEN" ? "CITIZEN" : role === "RELATIVE" ? "RELATIVE" : "STAFF",
          authorUserId: userId,
          authorAreaId: serviceAreaId,
        },
      });
      changed({ entity: "Agreement", entityId: agreement.id, before: null, after: { what, ...who, dueOn } });
      return { agreementId: agreement.id };
    },
  );
}

/**
 * Done, not done, or open again. The citizen and the areas working with them
 * mark agreements; a relative may add them but not close them. A stale version
 * is refused with the current copy.
 */
export async function setAgreementStatus(actor: Actor, input: unknown): Promise<Result<{ version: number }>> {
  const parsed = setAgreementStatusSchema.safeParse(input);
  if (!parsed.success) return { ok: false, error: "invalid", fieldErrors: fieldErrors(parsed.error) };
  const { citizenId, agreementId, status, version } = parsed.data;

  return throughGate(
    actor,
    citizenId,
    { part: "AGREEMENTS", action: "WRITE", purpose: "mark-agreement", roles: ["CITIZEN", "STAFF"] },
    async ({ tx, changed }) => {
      const before = await tx.agreement.findFirst({ where: { id: agreementId, citizenId }, select: { status: true, version: true } });
      if (!before) throw new InvalidInput({ agreementId: ["Validation.invalid"] });
      const { count } = await tx.agreement.updateMany({
        where: { id: agreementId, citizenId, version },
        data: { status, version: { increment: 1 } },
      });
      if (count === 0) throw new StaleWrite(before);
      changed({ entity: "Agreement", entityId: agreementId, before: { status: before.status }, after: { status } });
      return { version: version + 1 };
    },
  );
}

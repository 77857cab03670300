import "server-only";
import { command } from "@/lib/record/command";
import { InvalidInput, StaleWrite } from "@/lib/record/gate";
import { toDbDate } from "@/lib/validation/fields";
import { addAgreementSchema, setAgreementStatusSchema } from "./schema";
import { pathFor } from "@/lib/notify/kinds";
import { relativesWhoMayRead } from "@/lib/notify/recipients";

/**
 * Writes down an agreement: what, who, by when. The citizen, a relative allowed
 * to add agreements, or a caseworker of a consented area; each is marked as the
 * author. The person must be in this citizen's network and the area in their
 * municipality, or nothing is written.
 */
export const addAgreement = command(
  "agreement.add",
  addAgreementSchema,
  async ({ tx, changed, tell, now, role, serviceAreaId, userId }, { citizenId, what, who, dueOn }): Promise<{ agreementId: string }> => {
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
        // someone acting for the citizen under a power of attorney writes as who they are: not as staff
        authorRole: role === "CITIZEN" ? "CITIZEN" : role === "RELATIVE" || role === "PROXY" ? "RELATIVE" : "STAFF",
        authorUserId: userId,
        authorAreaId: serviceAreaId,
      },
    });
    changed({ entity: "Agreement", entityId: agreement.id, before: null, after: { what, ...who, dueOn } });
    tell({
      to: await relativesWhoMayRead(tx, citizenId, "AGREEMENTS", now),
      kind: "agreement-added",
      path: pathFor("agreement-added", { citizenId }),
      subjectId: agreement.id,
    });
    return { agreementId: agreement.id };
  },
);

/**
 * Done, not done, or open again. The citizen and the areas working with them
 * mark agreements; a relative may add them but not close them. A stale version
 * is refused with the current copy.
 */
export const setAgreementStatus = command(
  "agreement.mark",
  setAgreementStatusSchema,
  async ({ tx, changed }, { citizenId, agreementId, status, version }): Promise<{ version: number }> => {
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

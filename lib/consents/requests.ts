import "server-only";
import { InvalidInput, throughGate } from "@/lib/record/gate";
import { command, staffOf } from "@/lib/record/command";
import type { Actor } from "@/lib/record/actor";
import type { Part } from "@/lib/access/policy";
import { consentInForceWhere } from "@/lib/access/in-force";
import type { Result } from "@/lib/validation/result";
import { answerConsentRequestSchema, consentEnds, requestConsentSchema } from "./schema";
import { pathFor } from "@/lib/notify/kinds";
import { citizenUser } from "@/lib/notify/recipients";

/**
 * A caseworker asks, for one of their areas, to see parts of a citizen's
 * record, saying why. Allowed to staff of the citizen's municipality before
 * any consent (the policy's ASK); logged like every other access. The citizen
 * answers on their phone; until then the area sees nothing. Asking starts the
 * caseworker's work with the citizen for that area: they are assigned, in the
 * same transaction, unless they already are.
 */
/** After a citizen says no, how long before the area may ask again (unless the citizen asks for contact first). */
export const ASK_AGAIN_AFTER_DAYS = 30;

export const requestConsent = command(
  "consent.ask",
  requestConsentSchema,
  async (ctx, { citizenId, serviceAreaId, reason, parts }) => {
    const { tx, changed } = ctx;
    const staffId = staffOf(ctx);
    const pending = await tx.consentRequest.count({ where: { citizenId, serviceAreaId, status: "PENDING" } });
    if (pending > 0) throw new InvalidInput({ _form: ["Validation.alreadyAsked"] });
    // a no is respected: the area asks again only after 30 days, unless the citizen has asked for contact since
    const declined = await tx.consentRequest.findFirst({
      where: {
        citizenId,
        serviceAreaId,
        status: "DECLINED",
        answeredAt: { gt: new Date(ctx.now.getTime() - ASK_AGAIN_AFTER_DAYS * 86_400_000) },
      },
      orderBy: { answeredAt: "desc" },
      select: { answeredAt: true },
    });
    if (declined?.answeredAt) {
      const askedSince = await tx.contactRequest.count({
        where: { citizenId, askedByUserId: null, createdAt: { gt: declined.answeredAt } },
      });
      if (askedSince === 0) throw new InvalidInput({ _form: ["Validation.declinedRecently"] });
    }
    // the area already sees the plan: asking again is no way to a caseworker's need to know (decision 029)
    const inForce = await tx.consent.count({ where: { citizenId, serviceAreaId, ...consentInForceWhere(ctx.now) } });
    const request = await tx.consentRequest.create({ data: { citizenId, serviceAreaId, staffId, reason, parts } });
    changed({ entity: "ConsentRequest", entityId: request.id, before: null, after: { serviceAreaId, parts, reason } });
    ctx.tell({
      to: [await citizenUser(tx, citizenId)],
      kind: "consent-request",
      path: pathFor("consent-request", { citizenId }),
      subjectId: request.id,
    });
    // asking is starting to work with the citizen for the area (found by an exact lookup, say): the asker is assigned
    const assigned = await tx.assignment.count({ where: { citizenId, staffId, serviceAreaId, endedAt: null } });
    if (assigned === 0 && inForce === 0)
      await tx.assignment.create({ data: { citizenId, staffId, serviceAreaId, beganByRequestId: request.id } });
    return { requestId: request.id };
  },
  // only for one of the asker's own areas; asking for another is no ask at all, and leaves no trace
  { only: (actor, { serviceAreaId }) => actor.kind === "user" && Boolean(actor.staff?.serviceAreaIds.includes(serviceAreaId)) },
);

export type ConsentRequestDto = { id: string; areaKey: string; staffName: string; reason: string; parts: Part[]; createdAt: string };
/** `givenHow`: in the app, or to a caseworker (`recordedBy`) in a conversation or on a signed paper form. */
export type ConsentDto = {
  id: string;
  areaKey: string;
  parts: Part[];
  validFrom: string;
  validUntil: string | null;
  givenHow: "APP" | "CONVERSATION" | "PAPER";
  recordedBy: string | null;
  /** Given for the citizen by someone holding a power of attorney: their name as the power names them. */
  givenByHolder: string | null;
};

/** The citizen's consents: requests waiting for an answer, and the consents in force (with their end). */
export async function readConsents(
  actor: Actor,
  citizenId: string,
): Promise<Result<{ requests: ConsentRequestDto[]; consents: ConsentDto[] }>> {
  return throughGate(actor, citizenId, "consent.list", async ({ tx, now }) => {
    const requests = await tx.consentRequest.findMany({
      where: { citizenId, status: "PENDING" },
      orderBy: { createdAt: "asc" },
      select: {
        id: true,
        reason: true,
        parts: true,
        createdAt: true,
        serviceArea: { select: { key: true } },
        staff: { select: { name: true } },
      },
    });
    const consents = await tx.consent.findMany({
      where: { citizenId, ...consentInForceWhere(now) },
      orderBy: { validFrom: "asc" },
      select: {
        id: true,
        parts: true,
        validFrom: true,
        validUntil: true,
        givenHow: true,
        givenByHolder: true,
        recordedBy: { select: { name: true } },
        serviceArea: { select: { key: true } },
      },
    });
    return {
      requests: requests.map((r) => ({
        id: r.id,
        areaKey: r.serviceArea.key,
        staffName: r.staff.name,
        reason: r.reason,
        parts: r.parts as Part[],
        createdAt: r.createdAt.toISOString(),
      })),
      consents: consents.map((c) => ({
        id: c.id,
        areaKey: c.serviceArea.key,
        parts: c.parts as Part[],
        validFrom: c.validFrom.toISOString(),
        validUntil: c.validUntil?.toISOString() ?? null,
        givenHow: c.givenHow,
        recordedBy: c.recordedBy?.name ?? null,
        givenByHolder: c.givenByHolder,
      })),
    };
  });
}

/**
 * The citizen answers: yes (choosing the parts, perhaps fewer than asked, and
 * for how long) or no. A yes gives the area a consent from now; either way the
 * request is answered once.
 */
export const answerConsentRequest = command(
  "consent.answer",
  answerConsentRequestSchema,
  async ({ tx, changed, now, role, userId }, answer) => {
    const { citizenId, requestId } = answer;
    const request = await tx.consentRequest.findFirst({
      where: { id: requestId, citizenId, status: "PENDING" },
      select: { serviceAreaId: true, reason: true, parts: true },
    });
    if (!request) throw new InvalidInput({ requestId: ["Validation.invalid"] });
    let consentId: string | null = null;
    if (answer.answer === "APPROVE") {
      // a yes to what was asked, or to less: never to more than the area asked for
      if (!answer.parts.every((p) => request.parts.includes(p))) throw new InvalidInput({ parts: ["Validation.invalid"] });
      const validUntil = consentEnds(answer.duration, now);
      // a yes given for the citizen under a power of attorney says so, with the holder's name as the power names them
      const holder =
        role === "PROXY"
          ? await tx.powerOfAttorney.findFirst({
              where: { citizenId, holderUserId: userId, endedAt: null },
              orderBy: { createdAt: "desc" },
              select: { holderName: true },
            })
          : null;
      const consent = await tx.consent.create({
        data: {
          citizenId,
          serviceAreaId: request.serviceAreaId,
          parts: answer.parts,
          validFrom: now,
          validUntil,
          reason: request.reason,
          givenByHolder: holder ? holder.holderName || "–" : null,
        },
      });
      consentId = consent.id;
      changed({
        entity: "Consent",
        entityId: consent.id,
        before: null,
        after: { serviceAreaId: request.serviceAreaId, parts: answer.parts, validUntil },
      });
    }
    const { count } = await tx.consentRequest.updateMany({
      where: { id: requestId, citizenId, status: "PENDING" },
      data: { status: answer.answer === "APPROVE" ? "APPROVED" : "DECLINED", answeredAt: now, consentId },
    });
    if (count === 0) throw new InvalidInput({ requestId: ["Validation.invalid"] });
    changed({ entity: "ConsentRequest", entityId: requestId, before: { status: "PENDING" }, after: { status: answer.answer } });
    // a no ends the work that asking began: the asker was assigned only to ask (decision 029)
    if (answer.answer === "DECLINE")
      await tx.assignment.updateMany({ where: { citizenId, beganByRequestId: requestId, endedAt: null }, data: { endedAt: now } });
    return { consentId };
  },
);

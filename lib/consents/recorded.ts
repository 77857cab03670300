import "server-only";
import { z } from "zod";
import { command, staffOf } from "@/lib/record/command";
import { InvalidInput, NotFound } from "@/lib/record/gate";
import { consentInForceWhere } from "@/lib/access/in-force";
import { CONSENTABLE_PARTS, type Part } from "@/lib/access/policy";
import { id, listOf, todayInDenmark } from "@/lib/validation/fields";
import { pathFor } from "@/lib/notify/kinds";
import { citizenUser } from "@/lib/notify/recipients";
import { CONSENT_DURATIONS, consentEnds } from "./schema";

/**
 * The assisted route (issue 14): consent the citizen gave a caseworker in a
 * conversation or on a signed paper form, and a withdrawal told to any
 * caseworker. The same Consent rows the policy decides by, with how they were
 * given and who recorded them; the citizen is told, sees it under "the
 * municipality's access to my plan" with how it was given, and can withdraw it
 * there like any other.
 */
const how = z.enum(["CONVERSATION", "PAPER"], { error: "Validation.chooseOne" });
// said out loud (or signed), ticked by the caseworker: the citizen agreed to exactly this
const agreed = z.literal("yes", { error: "Validation.citizenAgreed" });

export const recordConsentSchema = z.object({
  citizenId: id,
  serviceAreaId: z.uuid({ error: "Validation.chooseOne" }),
  parts: listOf(z.enum(CONSENTABLE_PARTS as [Part, ...Part[]], { error: "Validation.invalid" }), { min: 1 }).transform((p) => [
    ...new Set(p),
  ]),
  duration: z.enum(CONSENT_DURATIONS, { error: "Validation.chooseOne" }),
  how,
  agreed,
});

export const recordWithdrawalSchema = z.object({
  citizenId: id,
  serviceAreaId: z.uuid({ error: "Validation.chooseOne" }),
  how,
  agreed,
});

/** A consent to the caseworker's own area (one of theirs: a consent for someone else's area is not theirs to record). */
export const recordConsent = command(
  "consent.record",
  recordConsentSchema,
  async (ctx, { citizenId, serviceAreaId, parts, duration, how }) => {
    const { tx, now, changed, tell } = ctx;
    const me = staffOf(ctx);
    // only a caseworker who works with the citizen for that area, or whose area asked and waits for the answer
    const assigned = await tx.assignment.count({ where: { citizenId, staffId: me, serviceAreaId, endedAt: null } });
    const asked = await tx.consentRequest.count({ where: { citizenId, serviceAreaId, status: "PENDING" } });
    if (assigned === 0 && asked === 0) throw new NotFound();
    // the name always comes with it: without it the area could not even open the plan
    const granted = [...new Set<Part>(["PROFILE", ...parts])];
    const consent = await tx.consent.create({
      data: {
        citizenId,
        serviceAreaId,
        parts: granted,
        validFrom: now,
        validUntil: consentEnds(duration, now),
        givenHow: how,
        recordedById: me,
      },
    });
    // a question the area had put to the citizen is answered by it
    await tx.consentRequest.updateMany({
      where: { citizenId, serviceAreaId, status: "PENDING" },
      data: { status: "APPROVED", answeredAt: now, consentId: consent.id },
    });
    changed({
      entity: "Consent",
      entityId: consent.id,
      before: null,
      after: { serviceAreaId, parts: granted, validUntil: consent.validUntil, givenHow: how },
    });
    tell({
      to: [await citizenUser(tx, citizenId)],
      kind: "consent-recorded",
      path: pathFor("consent-recorded", { citizenId }),
      subjectId: consent.id,
    });
    return { consentId: consent.id };
  },
  { only: (actor, { serviceAreaId }) => actor.kind === "user" && Boolean(actor.staff?.serviceAreaIds.includes(serviceAreaId)) },
);

/**
 * The citizen tells a caseworker (any of the municipality's) that an area may no
 * longer see their plan: every consent of that area in force is withdrawn now,
 * recorded as told and by whom. The caseworker is answered the same whether or
 * not the area had consent, so recording a withdrawal is no way to learn which
 * areas help the citizen; the citizen is told either way.
 */
export const recordWithdrawal = command(
  "consent.record-withdrawal",
  recordWithdrawalSchema,
  async (ctx, { citizenId, serviceAreaId, how }) => {
    const { tx, now, changed, tell } = ctx;
    const me = staffOf(ctx);
    // told to a caseworker who works with the citizen (for any area): not to anyone who can type an id
    if ((await tx.assignment.count({ where: { citizenId, staffId: me, endedAt: null } })) === 0) throw new NotFound();
    const area = await tx.serviceArea.findFirst({
      where: { id: serviceAreaId, municipality: { citizens: { some: { id: citizenId } } } },
      select: { id: true },
    });
    if (!area) throw new InvalidInput({ serviceAreaId: ["Validation.chooseOne"] });
    const inForce = await tx.consent.findMany({ where: { citizenId, serviceAreaId, ...consentInForceWhere(now) }, select: { id: true } });
    if (inForce.length) {
      await tx.consent.updateMany({
        where: { id: { in: inForce.map((c) => c.id) } },
        data: { withdrawnAt: now, withdrawnHow: how, withdrawnById: me },
      });
      for (const c of inForce)
        changed({ entity: "Consent", entityId: c.id, before: { withdrawnAt: null }, after: { withdrawnAt: now, withdrawnHow: how } });
    }
    tell({
      to: [await citizenUser(tx, citizenId)],
      kind: "consent-withdrawal-recorded",
      path: pathFor("consent-withdrawal-recorded", { citizenId }),
      subjectId: null,
      // one message per area and day, however many times it is recorded
      dedupeKey: `consent-withdrawal-recorded:${citizenId}:${serviceAreaId}:${todayInDenmark(now)}`,
    });
    return null;
  },
);

import "server-only";
import { randomUUID } from "node:crypto";
import { z } from "zod";
import { CONSENTABLE_PARTS } from "@/lib/access/policy";
import { env } from "@/lib/env";
import { directoryDb } from "@/lib/db/directory";
import { InvalidInput, throughGate } from "@/lib/record/gate";
import { isUniqueViolation } from "@/lib/record/tx";
import type { Actor } from "@/lib/record/actor";
import { recordFailure } from "@/lib/security/attempts";
import { fieldErrors, type Result } from "@/lib/validation/result";
import { isStaff } from "./caseload";
import { cprHash, cprLookupSchema } from "./cpr";
import { CPR_LOOKUP_LIMIT } from "./cpr-lookup";

import { START_CHANNELS, START_MONTHS } from "./forms";

export const startPlanSchema = z.object({
  cpr: cprLookupSchema.shape.cpr,
  name: z
    .string({ error: "Validation.required" })
    .trim()
    .min(2, { error: "Validation.required" })
    .max(100, { error: "Validation.tooLong" }),
  channel: z.enum(START_CHANNELS, { error: "Validation.chooseOne" }),
  serviceAreaId: z.string({ error: "Validation.chooseOne" }).uuid({ error: "Validation.chooseOne" }),
  parts: z.preprocess(
    (v) => (v === undefined || v === "" ? [] : Array.isArray(v) ? v : [v]),
    z.array(z.enum(CONSENTABLE_PARTS, { error: "Validation.chooseAtLeastOne" })).min(1, { error: "Validation.chooseAtLeastOne" }),
  ),
  months: z.enum(START_MONTHS, { error: "Validation.chooseOne" }),
  how: z.enum(["CONVERSATION", "PAPER"], { error: "Validation.chooseOne" }),
  // said out loud, ticked by the caseworker: the citizen agreed to exactly this
  agreed: z.literal("yes", { error: "Validation.citizenAgreed" }),
});

/**
 * A caseworker starts a plan with a citizen who has none (a home visit, a call): after an exact CPR lookup
 * found nobody, the record comes into being with the citizen's name and how to reach them, the consent they
 * gave in the conversation (or on a signed paper form) to the caseworker's area, recorded as such and by whom,
 * and the caseworker assigned. One transaction through the gate, logged for the citizen to see. The citizen's
 * first MitID sign-in finds this record by the CPR number and shows them what was written down, and by whom.
 */
export async function startPlanWith(actor: Actor, input: unknown, now = new Date()): Promise<Result<{ citizenId: string }>> {
  if (!isStaff(actor)) return { ok: false, error: "not-found" };
  const parsed = startPlanSchema.safeParse(input);
  if (!parsed.success) return { ok: false, error: "invalid", fieldErrors: fieldErrors(parsed.error) };
  const s = parsed.data;
  // the name always comes with it: without it the caseworker could not even open the plan they started
  const parts = [...new Set(["PROFILE" as const, ...s.parts])];
  if (!actor.staff.serviceAreaIds.includes(s.serviceAreaId))
    return { ok: false, error: "invalid", fieldErrors: { serviceAreaId: ["Validation.chooseOne"] } };
  // a start is a lookup too: it counts against the same limit, so it cannot be used to test numbers
  const limit = CPR_LOOKUP_LIMIT(actor.staff.staffId);
  if ((await recordFailure(limit, now)) > limit.max)
    return { ok: false, error: "invalid", fieldErrors: { cpr: ["Validation.tooManyLookups"] } };

  const hash = cprHash(s.cpr, env().CPR_HASH_KEY);
  // a plan under the number already: answered as a lookup that found them, logged on their record as one
  const existing = await directoryDb().citizen.findUnique({
    where: { municipalityId_cprHash: { municipalityId: actor.staff.municipalityId, cprHash: hash } },
    select: { id: true },
  });
  if (existing) {
    await throughGate(actor, existing.id, "citizen.find-by-cpr", async () => null);
    return { ok: false, error: "invalid", fieldErrors: { cpr: ["Validation.planExists"] } };
  }
  const citizenId = randomUUID();
  const consentId = randomUUID();
  const staff = actor.staff;
  const until = new Date(now);
  until.setMonth(until.getMonth() + Number(s.months));
  try {
    return await throughGate(
      actor,
      citizenId,
      "citizen.start-with",
      async (ctx) => {
        // what was written down, as it was then: the citizen is shown this, whatever they change later
        ctx.changed({ entity: "Citizen", entityId: citizenId, before: null, after: { name: s.name, channel: s.channel } });
        ctx.changed({
          entity: "Consent",
          entityId: consentId,
          before: null,
          after: { serviceAreaId: s.serviceAreaId, parts, validUntil: until.toISOString().slice(0, 10), givenHow: s.how },
        });
        return { citizenId };
      },
      {
        prepare: async (tx) => {
          const existing = await tx.citizen.findUnique({
            where: { municipalityId_cprHash: { municipalityId: staff.municipalityId, cprHash: hash } },
            select: { id: true },
          });
          if (existing) throw new InvalidInput({ cpr: ["Validation.planExists"] });
          await tx.citizen.create({
            data: { id: citizenId, municipalityId: staff.municipalityId, name: s.name, cprHash: hash, startedById: staff.staffId },
          });
          await tx.contactPreferences.create({ data: { citizenId, channel: s.channel } });
          await tx.consent.create({
            data: {
              id: consentId,
              citizenId,
              serviceAreaId: s.serviceAreaId,
              parts,
              validFrom: now,
              validUntil: until,
              reason: "",
              givenHow: s.how,
              recordedById: staff.staffId,
            },
          });
          await tx.assignment.create({ data: { citizenId, staffId: staff.staffId, serviceAreaId: s.serviceAreaId, startedAt: now } });
        },
      },
    );
  } catch (e) {
    // two caseworkers starting a plan for the same number at the same moment: the second is told it exists
    if (isUniqueViolation(e)) return { ok: false, error: "invalid", fieldErrors: { cpr: ["Validation.planExists"] } };
    throw e;
  }
}

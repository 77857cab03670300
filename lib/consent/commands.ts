import "server-only";
import { throughGate } from "@/lib/record/gate";
import type { Actor } from "@/lib/record/actor";
import { fieldErrors, type Result } from "@/lib/validation/result";
import { grantConsentSchema, withdrawConsentSchema } from "./schema";

/** The citizen lets a service area of their municipality see parts of the record, from now, until a date or until withdrawn. */
export async function grantConsent(actor: Actor, input: unknown): Promise<Result<{ consentId: string }>> {
  const parsed = grantConsentSchema.safeParse(input);
  if (!parsed.success) return { ok: false, error: "invalid", fieldErrors: fieldErrors(parsed.error) };
  const { citizenId, serviceAreaId, parts, validUntil, reason } = parsed.data;
  if (validUntil && validUntil <= new Date())
    return { ok: false, error: "invalid", fieldErrors: { validUntil: ["Validation.dateInPast"] } };

  const result = await throughGate(
    actor,
    citizenId,
    { part: "CONSENTS", action: "WRITE", purpose: "grant-consent" },
    async ({ tx, changed, now }) => {
      const citizen = await tx.citizen.findUniqueOrThrow({ where: { id: citizenId }, select: { municipalityId: true } });
      const area = await tx.serviceArea.findFirst({
        where: { id: serviceAreaId, municipalityId: citizen.municipalityId },
        select: { id: true },
      });
      if (!area) return null;
      const consent = await tx.consent.create({ data: { citizenId, serviceAreaId, parts, validFrom: now, validUntil, reason } });
      changed({ entity: "Consent", entityId: consent.id, before: null, after: { serviceAreaId, parts, validUntil } });
      return { consentId: consent.id };
    },
  );
  if (result.ok && result.value === null) return { ok: false, error: "invalid", fieldErrors: { serviceAreaId: ["Validation.invalid"] } };
  return result as Result<{ consentId: string }>;
}

/** The citizen withdraws a consent. It takes effect on the area's very next request. */
export async function withdrawConsent(actor: Actor, input: unknown): Promise<Result<{ consentId: string }>> {
  const parsed = withdrawConsentSchema.safeParse(input);
  if (!parsed.success) return { ok: false, error: "invalid", fieldErrors: fieldErrors(parsed.error) };
  const { citizenId, consentId } = parsed.data;

  const result = await throughGate(
    actor,
    citizenId,
    { part: "CONSENTS", action: "WRITE", purpose: "withdraw-consent" },
    async ({ tx, changed, now }) => {
      const { count } = await tx.consent.updateMany({ where: { id: consentId, citizenId, withdrawnAt: null }, data: { withdrawnAt: now } });
      if (count === 0) return null;
      changed({ entity: "Consent", entityId: consentId, before: { withdrawnAt: null }, after: { withdrawnAt: now } });
      return { consentId };
    },
  );
  if (result.ok && result.value === null) return { ok: false, error: "not-found" };
  return result as Result<{ consentId: string }>;
}

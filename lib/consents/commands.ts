import "server-only";
import { InvalidInput, NotFound } from "@/lib/record/gate";
import { command } from "@/lib/record/command";
import { grantConsentSchema, withdrawConsentSchema } from "./schema";

/** The citizen lets a service area of their municipality see parts of the record, from now, until a date or until withdrawn. */
export const grantConsent = command(
  "consent.grant",
  grantConsentSchema,
  async ({ tx, changed, now }, { citizenId, serviceAreaId, parts, validUntil, reason }) => {
    const citizen = await tx.citizen.findUniqueOrThrow({ where: { id: citizenId }, select: { municipalityId: true } });
    const area = await tx.serviceArea.findFirst({
      where: { id: serviceAreaId, municipalityId: citizen.municipalityId },
      select: { id: true },
    });
    if (!area) throw new InvalidInput({ serviceAreaId: ["Validation.invalid"] });
    const consent = await tx.consent.create({ data: { citizenId, serviceAreaId, parts, validFrom: now, validUntil, reason } });
    changed({ entity: "Consent", entityId: consent.id, before: null, after: { serviceAreaId, parts, validUntil } });
    return { consentId: consent.id };
  },
);

/** The citizen withdraws a consent. It takes effect on the area's very next request. */
export const withdrawConsent = command(
  "consent.withdraw",
  withdrawConsentSchema,
  async ({ tx, changed, now }, { citizenId, consentId }) => {
    const { count } = await tx.consent.updateMany({
      where: { id: consentId, citizenId, withdrawnAt: null },
      data: { withdrawnAt: now, withdrawnHow: "APP" },
    });
    if (count === 0) throw new NotFound();
    changed({ entity: "Consent", entityId: consentId, before: { withdrawnAt: null }, after: { withdrawnAt: now } });
    return { consentId };
  },
);

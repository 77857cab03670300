"use server";

import { addAgreement, setAgreementStatus } from "@/lib/agreements/commands";
import { buttonAction, formAction, formActionFor } from "@/lib/forms/form-action";

const FIELDS = ["what", "who", "dueOn"] as const;

/** Writes down a new agreement in the signed-in citizen's plan. */
export const addAgreementAction = formAction({ command: addAgreement, fields: FIELDS, revalidate: [{ layout: "/plan" }] });

/**
 * Writes down an agreement in the plan `citizenId` (bound by the page) as
 * whoever is signed in: a relative allowed to add agreements, or a caseworker
 * of a consented area. The gate decides, on every call.
 */
export const addAgreementTo = formActionFor({ command: addAgreement, fields: FIELDS, revalidate: [{ layout: "" }] });

/** Done, not done, or open again: a plain form, so it works without JavaScript; the page says how it went. */
export const markAgreementAction = buttonAction({
  command: setAgreementStatus,
  input: (formData) => ({ agreementId: formData.get("agreementId"), status: formData.get("status"), version: formData.get("version") }),
  revalidate: [{ layout: "/plan" }],
  ok: "marked",
  back: (notice) => `/plan/agreements?notice=${notice}`,
});

"use server";

import { answerConsentRequest } from "@/lib/consents/requests";
import { withdrawConsent } from "@/lib/consents/commands";
import { buttonAction } from "@/lib/forms/form-action";

const back = (notice: string) => `/plan/consents?notice=${notice}`;

/** Yes (with the parts and the time the citizen chose) or no: the button pressed says which. A plain form. */
export const answerConsentAction = buttonAction({
  command: answerConsentRequest,
  input: (formData) => ({
    answer: formData.get("answer"),
    requestId: formData.get("requestId"),
    parts: formData.getAll("parts"),
    duration: formData.get("duration"),
  }),
  revalidate: [{ layout: "/plan" }],
  ok: (formData) => (formData.get("answer") === "APPROVE" ? "approved" : "declined"),
  refused: ["invalid"],
  back,
});

export const withdrawConsentAction = buttonAction({
  command: withdrawConsent,
  input: (formData) => ({ consentId: formData.get("consentId") }),
  revalidate: [{ layout: "/plan" }],
  ok: "withdrawn",
  refused: ["invalid"],
  back,
});

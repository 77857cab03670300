"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getLocale } from "next-intl/server";
import { citizenFromSession } from "@/lib/auth/citizen";
import { answerConsentRequest } from "@/lib/consent/requests";
import { withdrawConsent } from "@/lib/consent/commands";

async function back(result: { ok: boolean; error?: string } | null, done: string) {
  const locale = await getLocale();
  revalidatePath(`/${locale}/plan`, "layout");
  redirect(`/${locale}/plan/consents?notice=${result?.ok ? done : result?.error === "invalid" ? "invalid" : "failed"}`);
}

/** Yes (with the parts and the time the citizen chose) or no: the button pressed says which. A plain form. */
export async function answerConsentAction(formData: FormData): Promise<void> {
  const me = await citizenFromSession();
  const answer = formData.get("answer");
  const result = me
    ? await answerConsentRequest(me.actor, {
        answer,
        citizenId: me.citizenId,
        requestId: formData.get("requestId"),
        parts: formData.getAll("parts"),
        duration: formData.get("duration"),
      })
    : null;
  await back(result, answer === "APPROVE" ? "approved" : "declined");
}

export async function withdrawConsentAction(formData: FormData): Promise<void> {
  const me = await citizenFromSession();
  const result = me ? await withdrawConsent(me.actor, { citizenId: me.citizenId, consentId: formData.get("consentId") }) : null;
  await back(result, "withdrawn");
}

"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getLocale } from "next-intl/server";
import { citizenFromSession } from "@/lib/auth/citizen";
import { addNetworkMember, removeNetworkMember, updateNetworkMember } from "@/lib/network/commands";
import { formValues, toFormState, type FormState } from "@/lib/forms/form-state";

const FIELDS = ["kind", "name", "relation", "closeness", "helpsWith", "contact"] as const;

export async function addPersonAction(_: FormState, formData: FormData): Promise<FormState> {
  const values = formValues(formData, FIELDS);
  const me = await citizenFromSession();
  if (!me) return { status: "failed", values };
  const result = await addNetworkMember(me.actor, { citizenId: me.citizenId, ...values });
  if (result.ok) revalidatePath(`/${await getLocale()}/plan`, "layout");
  return toFormState(result, values);
}

export async function updatePersonAction(_: FormState, formData: FormData): Promise<FormState> {
  const values = formValues(formData, FIELDS);
  const me = await citizenFromSession();
  if (!me) return { status: "failed", values };
  const result = await updateNetworkMember(me.actor, {
    citizenId: me.citizenId,
    ...values,
    memberId: formData.get("memberId"),
    version: formData.get("version"),
  });
  if (result.ok) revalidatePath(`/${await getLocale()}/plan`, "layout");
  return toFormState(result, values, (v) => v.version);
}

/** Takes someone off the map: a plain form, so it works without JavaScript. */
export async function removePersonAction(formData: FormData): Promise<void> {
  const locale = await getLocale();
  const me = await citizenFromSession();
  const result = me
    ? await removeNetworkMember(me.actor, { citizenId: me.citizenId, memberId: formData.get("memberId"), version: formData.get("version") })
    : null;
  revalidatePath(`/${locale}/plan`, "layout");
  redirect(`/${locale}/plan/people?notice=${result?.ok ? "removed" : result?.error === "conflict" ? "conflict" : "failed"}`);
}

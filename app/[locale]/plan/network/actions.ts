"use server";

import { addNetworkMember, removeNetworkMember, updateNetworkMember } from "@/lib/network/commands";
import { buttonAction, formAction } from "@/lib/forms/form-action";

const FIELDS = ["kind", "name", "relation", "closeness", "helpsWith", "contact"] as const;
const PLAN = [{ layout: "/plan" }];

export const addPersonAction = formAction({ command: addNetworkMember, fields: FIELDS, revalidate: PLAN });

export const updatePersonAction = formAction({
  command: updateNetworkMember,
  fields: FIELDS,
  input: (formData) => ({ memberId: formData.get("memberId"), version: formData.get("version") }),
  revalidate: PLAN,
  onSaved: (value) => ({ status: "saved", version: value.version }),
});

/** Takes someone off the map: a plain form, so it works without JavaScript. */
export const removePersonAction = buttonAction({
  command: removeNetworkMember,
  input: (formData) => ({ memberId: formData.get("memberId"), version: formData.get("version") }),
  revalidate: PLAN,
  ok: "removed",
  back: (notice) => `/plan/network?notice=${notice}`,
});

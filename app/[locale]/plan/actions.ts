"use server";

import { buttonAction } from "@/lib/forms/form-action";
import { keepStartedWith } from "@/lib/plan/started-with";

/** "Keep it": what a caseworker wrote down with the citizen stays as it is; the notice on the plan goes. */
export const keepStartedWithAction = buttonAction({
  command: keepStartedWith,
  revalidate: [{ layout: "/plan" }],
  ok: "kept",
  back: (notice) => `/plan?notice=${notice}`,
});

"use server";

import { buttonAction } from "@/lib/forms/form-action";
import { keepStartedWith } from "@/lib/plan/started-with";
import { answerWrittenWith } from "@/lib/written-with/commands";

/** "Keep it": what a caseworker wrote down with the citizen stays as it is; the notice on the plan goes. */
export const keepStartedWithAction = buttonAction({
  command: keepStartedWith,
  revalidate: [{ layout: "/plan" }],
  ok: "kept",
  back: (notice) => `/plan?notice=${notice}`,
});

/** My answer to what a caseworker wrote with me: keep it, not like this, undo, or "that is right". */
export const answerWrittenWithAction = buttonAction({
  command: answerWrittenWith,
  input: (formData) => ({
    writtenWithId: formData.get("writtenWithId"),
    target: formData.get("target"),
    answer: formData.get("answer"),
    version: formData.get("version"),
  }),
  revalidate: [{ layout: "/plan" }],
  ok: (formData) => `written-${String(formData.get("answer")).toLowerCase()}`,
  refused: (result) =>
    result.error === "invalid" && result.fieldErrors._form?.includes("Validation.changedSinceWrittenWith") ? "written-changed" : undefined,
  back: (notice) => `/plan?notice=${notice}`,
});

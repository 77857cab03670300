import { z } from "zod";
import { checkbox, id, words } from "@/lib/validation/fields";

// Safe for the browser. Errors are message keys.
export const HANDOVER_NOTE_MAX = 600;

/** The coordinator offers the red thread to a named colleague, with a note for them. */
export const offerHandoverSchema = z.object({
  citizenId: id,
  toStaffId: z.uuid({ error: "Validation.chooseOne" }),
  note: words(HANDOVER_NOTE_MAX),
});

/** The colleague answers: yes (having read the plan) or no. */
export const answerHandoverSchema = z
  .object({
    citizenId: id,
    handoverId: id,
    answer: z.enum(["ACCEPT", "DECLINE"], { error: "Validation.chooseOne" }),
    planRead: checkbox,
  })
  .refine((a) => a.answer === "DECLINE" || a.planRead, { path: ["planRead"], error: "Validation.readThePlanFirst" });

export const withdrawHandoverSchema = z.object({ citizenId: id, handoverId: id });
export const takeRedThreadSchema = z.object({ citizenId: id });

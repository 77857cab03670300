import { z } from "zod";
import { CONTACT_CHANNELS, INTERPRETER_NEEDS, VISIT_PREFERENCES, CONTACT_TEXT_MAX } from "@/lib/contact/schema";
import { GOAL_TEXT_MAX, GOAL_TITLE_MAX } from "@/lib/goals/schema";
import { STORY_SECTIONS, STORY_TEXT_MAX } from "@/lib/story/schema";
import { id, words } from "@/lib/validation/fields";

// Safe for the browser. Errors are message keys.
export const WRITTEN_WITH_TARGETS = ["STORY", "GOAL", "CONTACT"] as const;
export type WrittenWithTarget = (typeof WRITTEN_WITH_TARGETS)[number];

/** What a caseworker writes with the citizen: a part of their story, a new goal, or how they want to be contacted. */
export const writeWithSchema = z.discriminatedUnion(
  "target",
  [
    z.object({
      citizenId: id,
      target: z.literal("STORY"),
      storyKind: z.enum(STORY_SECTIONS, { error: "Validation.chooseOne" }),
      text: words(STORY_TEXT_MAX, { required: true }),
    }),
    z.object({
      citizenId: id,
      target: z.literal("GOAL"),
      title: words(GOAL_TITLE_MAX, { required: true }),
      whyItMatters: words(GOAL_TEXT_MAX),
    }),
    z.object({
      citizenId: id,
      target: z.literal("CONTACT"),
      channel: z.enum(CONTACT_CHANNELS, { error: "Validation.chooseOne" }),
      times: words(CONTACT_TEXT_MAX),
      visit: z.enum(VISIT_PREFERENCES, { error: "Validation.chooseOne" }),
      language: words(60),
      interpreter: z.enum(INTERPRETER_NEEDS, { error: "Validation.chooseOne" }),
      someonePresent: words(CONTACT_TEXT_MAX),
    }),
  ],
  { error: "Validation.chooseOne" },
);
export type WriteWithInput = z.output<typeof writeWithSchema>;

const target = z.enum(WRITTEN_WITH_TARGETS, { error: "Validation.invalid" });

/**
 * The citizen's answer: keep it, not like this, undo a yes (while they have not changed it since), or "that is
 * right" about a yes a caseworker recorded for them. `version`: the one they saw.
 */
export const answerWrittenWithSchema = z.object({
  citizenId: id,
  writtenWithId: id,
  target,
  answer: z.enum(["CONFIRM", "DECLINE", "UNDO", "SEEN"], { error: "Validation.invalid" }),
  version: z.coerce.number({ error: "Validation.invalid" }).int({ error: "Validation.invalid" }).min(1, { error: "Validation.invalid" }),
});

/** The citizen said yes to a caseworker (in the visit, on the phone): recorded with the caseworker's word that they did. */
export const recordYesSchema = z.object({
  citizenId: id,
  writtenWithId: id,
  target,
  agreed: z.literal("yes", { error: "Validation.citizenAgreed" }),
});

import type { StorySectionKind } from "./schema";

/** The first visit's gentle questions, in order; each fills one section of the story. */
export const START_STEPS: readonly StorySectionKind[] = ["ABOUT_ME", "WHAT_MATTERS", "WHAT_IS_HARD", "HOW_TO_SUPPORT"];

/** Where a step leads: the next question, or the plan after the last. */
export function nextStartPath(step: number): string {
  return step < START_STEPS.length ? `/plan/start?step=${step + 1}` : "/plan";
}

/** The reasons a caseworker who does not work with a citizen may give for looking at their plan (decision 029). */
export const LOOK_REASONS = ["CITIZEN_ASKED", "COVERING", "URGENT"] as const;
export type LookReason = (typeof LOOK_REASONS)[number];

import { z } from "zod";
import { id, optionalFutureDate, words } from "@/lib/validation/fields";

// Safe for the browser. Errors are message keys.
export const HELP_WHAT_MAX = 300;
export const HELP_HOW_OFTEN_MAX = 120;

/** An area's help, in plain words: what, how often, until when. */
export const addHelpSchema = z.object({
  citizenId: id,
  what: words(HELP_WHAT_MAX, { required: true }),
  howOften: words(HELP_HOW_OFTEN_MAX),
  until: optionalFutureDate,
});

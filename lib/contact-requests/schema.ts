import { z } from "zod";
import { CONTACT_CHANNELS } from "@/lib/contact/schema";
import { id, optionalFutureDate, words } from "@/lib/validation/fields";
import { AGREEMENT_WHAT_MAX } from "@/lib/agreements/schema";

// Safe for the browser. Errors are message keys.
export const CONTACT_REQUEST_TEXT_MAX = 600;

/** "I am unsure, contact me": optional words, and how the citizen would like to be reached. */
export const askForContactSchema = z.object({
  citizenId: id,
  text: words(CONTACT_REQUEST_TEXT_MAX),
  channel: z.enum(CONTACT_CHANNELS, { error: "Validation.chooseOne" }),
});

/** The request is closed only by writing down what was agreed: what, and by when. */
export const closeContactRequestSchema = z.object({
  citizenId: id,
  requestId: id,
  what: words(AGREEMENT_WHAT_MAX, { required: true }),
  dueOn: optionalFutureDate,
});

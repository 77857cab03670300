import { z } from "zod";
import { id, words } from "@/lib/validation/fields";

// Safe for the browser. Errors are message keys.
export const MESSAGE_TEXT_MAX = 1000;

/** A caseworker's message to the citizen, in plain words. */
export const sendMessageSchema = z.object({ citizenId: id, text: words(MESSAGE_TEXT_MAX, { required: true }) });

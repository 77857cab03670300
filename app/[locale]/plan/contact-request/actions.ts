"use server";

import { askForContact } from "@/lib/contact-requests/commands";
import { formAction } from "@/lib/forms/form-action";

/** "I am unsure, contact me": the signed-in citizen asks their coordinator to get in touch. */
export const askForContactAction = formAction({ command: askForContact, fields: ["text", "channel"], revalidate: [{ layout: "/plan" }] });

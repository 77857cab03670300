import { z } from "zod";

/** Finding a citizen of my areas by name: at most 100 characters, trimmed (lib/staff/caseload.ts needs 2 or more to search). */
export const findCitizenSchema = z.object({
  q: z.string({ error: "Validation.invalid" }).transform((s) => s.slice(0, 100).trim()),
});

import { z } from "zod";
import { id, version, words } from "@/lib/validation/fields";

// Safe for the browser. Errors are message keys.
export const CLOSENESS = ["CLOSEST", "CLOSE", "FURTHER"] as const;
export const NETWORK_KINDS = ["PERSON", "COMMUNITY"] as const;
export const NAME_MAX = 100;
export const NETWORK_TEXT_MAX = 300;

const personFields = {
  citizenId: id,
  kind: z.enum(NETWORK_KINDS, { error: "Validation.chooseOne" }),
  name: words(NAME_MAX, { required: true }),
  relation: words(NAME_MAX),
  closeness: z.enum(CLOSENESS, { error: "Validation.chooseOne" }),
  helpsWith: words(NETWORK_TEXT_MAX),
  /** A phone number, an address, or nothing: optional, in the citizen's words. */
  contact: words(NETWORK_TEXT_MAX),
};

export const addPersonSchema = z.object(personFields);
export const updatePersonSchema = z.object({ ...personFields, memberId: id, version });
export const removePersonSchema = z.object({ citizenId: id, memberId: id, version });

import "server-only";
import { throughGate } from "@/lib/record/gate";
import type { Result } from "@/lib/validation/result";
import type { Actor } from "@/lib/record/actor";
import { toStorySectionDto, type StorySectionDto } from "./dto";

/** The citizen's story, every section they have written, in a fixed order. */
export async function readStory(actor: Actor, citizenId: string, purpose = "view"): Promise<Result<StorySectionDto[]>> {
  return throughGate(actor, citizenId, { part: "STORY", action: "READ", purpose }, async ({ tx }) => {
    const rows = await tx.storySection.findMany({ where: { citizenId }, orderBy: { kind: "asc" } });
    return rows.map(toStorySectionDto);
  });
}

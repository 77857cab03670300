import "server-only";
import { throughGate } from "@/lib/record/gate";
import type { Result } from "@/lib/validation/result";
import type { Actor } from "@/lib/record/actor";
import { toStorySectionDto, type StorySectionDto } from "./dto";

/** The citizen's story, every section they have written, in a fixed order. */
/** Why the story is read: to show it, on the first visit, or by staff using it instead of asking again. */
const STORY_READS = { view: "story.read", "first-visit": "story.read-first-visit", "told-once": "story.read-told-once" } as const;

export async function readStory(
  actor: Actor,
  citizenId: string,
  purpose: keyof typeof STORY_READS = "view",
): Promise<Result<StorySectionDto[]>> {
  return throughGate(actor, citizenId, STORY_READS[purpose], async ({ tx }) => {
    const rows = await tx.storySection.findMany({ where: { citizenId }, orderBy: { kind: "asc" } });
    return rows.map(toStorySectionDto);
  });
}

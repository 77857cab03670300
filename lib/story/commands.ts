import "server-only";
import { command } from "@/lib/record/command";
import { StaleWrite } from "@/lib/record/gate";
import { updateStorySectionSchema } from "./schema";
import { toStorySectionDto, type StorySectionDto } from "./dto";

/**
 * Saves one section of the citizen's story, in their own words. `version` is
 * the one the writer started from: if someone saved the section since, nothing
 * is written and the current copy comes back as a conflict.
 */
export const updateStorySection = command(
  "story.edit",
  updateStorySectionSchema,
  async ({ tx, changed, userId }, { citizenId, kind, text, version }): Promise<StorySectionDto> => {
    const before = await tx.storySection.findUnique({ where: { citizenId_kind: { citizenId, kind } } });
    const current = before ? toStorySectionDto(before) : null;
    if ((before?.version ?? 0) !== version) throw new StaleWrite(current);

    let after;
    if (!before) {
      // two first writers race on the unique key: ON CONFLICT DO NOTHING waits for
      // the other, then writes nothing, and the loser gets the winner's copy
      const { count } = await tx.storySection.createMany({
        data: [{ citizenId, kind, text, updatedByUserId: userId }],
        skipDuplicates: true,
      });
      after = await tx.storySection.findUniqueOrThrow({ where: { citizenId_kind: { citizenId, kind } } });
      if (count === 0) throw new StaleWrite(toStorySectionDto(after));
    } else {
      const { count } = await tx.storySection.updateMany({
        where: { id: before.id, citizenId, version },
        // now the citizen's own words: no longer "written with" anyone
        data: { text, version: { increment: 1 }, updatedByUserId: userId, writtenWithId: null, writtenWithAt: null },
      });
      if (count === 0) {
        const now = await tx.storySection.findUnique({ where: { id: before.id } });
        throw new StaleWrite(now ? toStorySectionDto(now) : null);
      }
      after = await tx.storySection.findUniqueOrThrow({ where: { id: before.id } });
    }
    changed({
      entity: "StorySection",
      entityId: after.id,
      before: current && { text: current.text, version: current.version },
      after: { text: after.text, version: after.version },
    });
    return toStorySectionDto(after);
  },
);

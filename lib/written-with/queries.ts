import "server-only";
import { readParts } from "@/lib/record/gate";
import type { Actor } from "@/lib/record/actor";
import type { Part } from "@/lib/access/policy";
import type { Result } from "@/lib/validation/result";
import { todayInDenmark } from "@/lib/validation/fields";
import type { WrittenWithTarget } from "./schema";
import type { WrittenWithDto } from "./dto";

export type { WrittenWithDto };

const PART: Record<WrittenWithTarget, Part> = { STORY: "STORY", GOAL: "GOALS", CONTACT: "CONTACT" };
const SHOWN = 20;

/**
 * What was written with the citizen and waits for their yes, and the yeses a caseworker recorded for them that
 * they have not yet looked at (to see, and undo): each only where its part may be read by the reader.
 */
export async function readWrittenWith(actor: Actor, citizenId: string): Promise<Result<WrittenWithDto[]>> {
  return readParts(actor, citizenId, "written-with.read", async ({ tx, allowed }) => {
    const targets = (Object.keys(PART) as WrittenWithTarget[]).filter((t) => allowed.has(PART[t]));
    if (targets.length === 0) return [];
    const rows = await tx.writtenWith.findMany({
      where: {
        citizenId,
        target: { in: targets },
        OR: [{ status: "WAITING" }, { status: "CONFIRMED", seenAt: null }],
      },
      orderBy: { writtenAt: "asc" },
      take: SHOWN,
      select: {
        id: true,
        target: true,
        storyKind: true,
        content: true,
        writtenAt: true,
        status: true,
        confirmedHow: true,
        decidedAt: true,
        version: true,
        writtenBy: { select: { name: true } },
        confirmedBy: { select: { name: true } },
        serviceArea: { select: { key: true } },
      },
    });
    // what a waiting part of the story would replace, so the citizen sees it before saying yes
    const kinds = rows.filter((r) => r.target === "STORY" && r.status === "WAITING").map((r) => r.storyKind!);
    const current = kinds.length
      ? await tx.storySection.findMany({ where: { citizenId, kind: { in: kinds } }, select: { kind: true, text: true } })
      : [];
    return rows.map((r) => ({
      replaces: r.target === "STORY" && r.status === "WAITING" ? (current.find((c) => c.kind === r.storyKind)?.text ?? null) : null,
      id: r.id,
      target: r.target,
      storyKind: r.storyKind,
      content: r.content as Record<string, string>,
      writtenBy: r.writtenBy.name,
      areaKey: r.serviceArea.key,
      writtenOn: todayInDenmark(r.writtenAt),
      status: r.status,
      confirmedHow: r.confirmedHow,
      confirmedBy: r.confirmedBy?.name ?? null,
      decidedOn: r.decidedAt ? todayInDenmark(r.decidedAt) : null,
      version: r.version,
    }));
  });
}

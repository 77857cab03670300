import "server-only";
import { throughGate } from "@/lib/record/gate";
import type { Result } from "@/lib/validation/result";
import type { Actor } from "@/lib/record/actor";
import type { NetworkMemberDto } from "./dto";
import { id } from "@/lib/validation/fields";

/**
 * The citizen's people and communities, closest first, each with the active
 * goals they help with (the goal titles only when the reader may see goals).
 */
export async function readNetwork(
  actor: Actor,
  citizenId: string,
  { memberId }: { memberId?: string } = {},
): Promise<Result<NetworkMemberDto[]>> {
  if (memberId !== undefined && !id.safeParse(memberId).success) return { ok: false, error: "not-found" };
  return throughGate(actor, citizenId, memberId ? "network.read-person" : "network.list", async ({ tx, role }) => {
    const rows = await tx.networkMember.findMany({
      where: { citizenId, removedAt: null, ...(memberId ? { id: memberId } : {}) },
      orderBy: [{ closeness: "asc" }, { name: "asc" }],
      select: {
        id: true,
        kind: true,
        name: true,
        relation: true,
        closeness: true,
        helpsWith: true,
        contact: true,
        version: true,
        authorRole: true,
        supports: { where: { goal: { status: "ACTIVE" } }, select: { goal: { select: { id: true, title: true } } } },
      },
    });
    // goal titles are the citizen's to show here; others see goals on the plan, if allowed
    return rows.map(({ supports, authorRole, ...m }) => ({
      ...m,
      addedByRelative: authorRole === "RELATIVE",
      goals: role === "CITIZEN" ? supports.map((s) => s.goal) : [],
    }));
  });
}

import "server-only";
import { readParts } from "@/lib/record/gate";
import type { Result } from "@/lib/validation/result";
import type { Actor } from "@/lib/record/actor";
import { fromDbDate, id, todayInDenmark } from "@/lib/validation/fields";
import { whoChoices } from "@/lib/agreements/queries";
import type { WhoChoices } from "@/lib/agreements/dto";
import type { GoalDto } from "./dto";

/**
 * The citizen's goals: the active ones, and the history of reached and let-go
 * ones (newest first), each with its steps and helpers. With `goalId`, that one
 * goal only. Helpers from the network are named only to readers of the network.
 */
export async function readGoals(
  actor: Actor,
  citizenId: string,
  { goalId }: { goalId?: string } = {},
): Promise<Result<{ active: GoalDto[]; closed: GoalDto[]; choices: WhoChoices }>> {
  if (goalId !== undefined && !id.safeParse(goalId).success) return { ok: false, error: "not-found" };
  return readParts(actor, citizenId, goalId ? "goal.read" : "goal.list", async ({ tx, allowed }) => {
    if (!allowed.has("GOALS")) return { active: [], closed: [], choices: { people: [], areas: [] } };
    const seesNetwork = allowed.has("NETWORK");
    const rows = await tx.goal.findMany({
      where: { citizenId, ...(goalId ? { id: goalId } : {}) },
      orderBy: [{ closedAt: { sort: "desc", nulls: "first" } }, { createdAt: "asc" }],
      select: {
        id: true,
        wish: true,
        title: true,
        reachedWhen: true,
        status: true,
        closingNote: true,
        reviewOn: true,
        closedAt: true,
        version: true,
        steps: {
          where: { proposal: { in: ["ACCEPTED", "PROPOSED"] } },
          orderBy: { position: "asc" },
          select: { id: true, text: true, done: true, version: true, proposal: true, proposedByArea: true },
        },
        supporters: {
          select: {
            networkMemberId: true,
            serviceAreaId: true,
            networkMember: { select: { name: true } },
            serviceArea: { select: { key: true } },
          },
        },
      },
    });
    const choices = await whoChoices(tx, citizenId, seesNetwork);
    // steps a caseworker proposed, waiting for the citizen's yes or no, named by their area
    const proposingAreas = [
      ...new Set(
        rows
          .flatMap((g) => g.steps.filter((s) => s.proposal === "PROPOSED").map((s) => s.proposedByArea))
          .filter((a): a is string => Boolean(a)),
      ),
    ];
    const areaKeys = new Map(
      proposingAreas.length
        ? (await tx.serviceArea.findMany({ where: { id: { in: proposingAreas } }, select: { id: true, key: true } })).map((a) => [
            a.id,
            a.key,
          ])
        : [],
    );
    const goals: GoalDto[] = rows.map((g) => ({
      id: g.id,
      wish: g.wish,
      title: g.title,
      reachedWhen: g.reachedWhen,
      status: g.status,
      closingNote: g.closingNote,
      reviewOn: fromDbDate(g.reviewOn),
      closedOn: g.closedAt ? todayInDenmark(g.closedAt) : null,
      version: g.version,
      steps: g.steps.filter((s) => s.proposal === "ACCEPTED").map(({ id, text, done, version }) => ({ id, text, done, version })),
      proposals:
        g.status === "ACTIVE"
          ? g.steps
              .filter((s) => s.proposal === "PROPOSED")
              .map((s) => ({ id: s.id, text: s.text, areaKey: (s.proposedByArea && areaKeys.get(s.proposedByArea)) || null }))
          : [],
      helpers: g.supporters
        .filter((s) => s.serviceAreaId || seesNetwork)
        .map((s) =>
          s.networkMemberId
            ? {
                ref: `NETWORK_MEMBER:${s.networkMemberId}`,
                kind: "NETWORK_MEMBER" as const,
                name: s.networkMember?.name ?? null,
                areaKey: null,
              }
            : { ref: `SERVICE_AREA:${s.serviceAreaId}`, kind: "SERVICE_AREA" as const, name: null, areaKey: s.serviceArea?.key ?? null },
        ),
    }));
    return { active: goals.filter((g) => g.status === "ACTIVE"), closed: goals.filter((g) => g.status !== "ACTIVE"), choices };
  });
}

/** Who can be named as a helper with a new goal: the citizen's people and the municipality's areas. */
export async function readHelperChoices(actor: Actor, citizenId: string): Promise<Result<WhoChoices>> {
  return readParts(actor, citizenId, "goal.choices", ({ tx, allowed }) => whoChoices(tx, citizenId, allowed.has("NETWORK")));
}

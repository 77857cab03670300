import "server-only";
import { readParts } from "@/lib/record/gate";
import type { Result } from "@/lib/validation/result";
import type { Actor } from "@/lib/record/actor";
import type { Tx } from "@/lib/record/tx";
import { fromDbDate, todayInDenmark } from "@/lib/validation/fields";
import type { AgreementDto, WhoChoices } from "./dto";

/** The choices for "who" in a new agreement: the citizen's people (when the reader may see them) and the municipality's areas. */
export async function whoChoices(tx: Tx, citizenId: string, withPeople: boolean): Promise<WhoChoices> {
  const people = withPeople
    ? await tx.networkMember.findMany({
        where: { citizenId, removedAt: null },
        orderBy: [{ closeness: "asc" }, { name: "asc" }],
        select: { id: true, name: true },
      })
    : [];
  const areas = await tx.serviceArea.findMany({
    where: { municipality: { citizens: { some: { id: citizenId } } } },
    orderBy: { createdAt: "asc" },
    select: { id: true, key: true },
  });
  return { people, areas };
}

/**
 * Every agreement in the record: open ones first by date (an overdue one says
 * so, kindly), then the history of done and not done. With who wrote each.
 */
export async function readAgreements(
  actor: Actor,
  citizenId: string,
): Promise<Result<{ open: AgreementDto[]; closed: AgreementDto[]; choices: WhoChoices }>> {
  return readParts(actor, citizenId, "agreement.list", async ({ tx, allowed, now }) => {
    if (!allowed.has("AGREEMENTS")) return { open: [], closed: [], choices: { people: [], areas: [] } };
    const rows = await tx.agreement.findMany({
      where: { citizenId },
      orderBy: [{ dueOn: { sort: "asc", nulls: "last" } }, { createdAt: "asc" }],
      select: {
        id: true,
        what: true,
        responsible: true,
        dueOn: true,
        status: true,
        version: true,
        authorRole: true,
        authorUserId: true,
        authorAreaId: true,
        networkMember: { select: { name: true } },
        serviceArea: { select: { key: true } },
      },
    });
    const authorIds = [...new Set(rows.filter((r) => r.authorRole !== "CITIZEN" && r.authorUserId).map((r) => r.authorUserId!))];
    const users = authorIds.length ? await tx.user.findMany({ where: { id: { in: authorIds } }, select: { id: true, name: true } }) : [];
    // a relative is named as the citizen knows them (their person in the network), else by their account
    const relatives = authorIds.length
      ? await tx.relationship.findMany({
          where: { citizenId, userId: { in: authorIds } },
          select: { userId: true, networkMember: { select: { name: true } } },
        })
      : [];
    const choices = await whoChoices(tx, citizenId, allowed.has("NETWORK"));
    const names = new Map(users.map((u) => [u.id, u.name]));
    for (const r of relatives) if (r.networkMember?.name) names.set(r.userId, r.networkMember.name);
    const areaKeys = new Map(choices.areas.map((a) => [a.id, a.key]));
    const today = todayInDenmark(now);
    const all: AgreementDto[] = rows.map((r) => {
      const dueOn = fromDbDate(r.dueOn);
      return {
        id: r.id,
        what: r.what,
        responsible: r.responsible,
        who: r.networkMember?.name ?? r.serviceArea?.key ?? null,
        dueOn,
        overdue: r.status === "OPEN" && Boolean(dueOn && dueOn < today),
        status: r.status,
        version: r.version,
        author: {
          role: r.authorRole,
          name: r.authorRole === "CITIZEN" ? null : names.get(r.authorUserId ?? "") || null,
          areaKey: r.authorAreaId ? (areaKeys.get(r.authorAreaId) ?? null) : null,
        },
      };
    });
    return { open: all.filter((a) => a.status === "OPEN"), closed: all.filter((a) => a.status !== "OPEN"), choices };
  });
}

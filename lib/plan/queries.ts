import "server-only";
import { readParts } from "@/lib/record/gate";
import type { Result } from "@/lib/validation/result";
import type { Actor } from "@/lib/record/actor";
import type { Part } from "@/lib/access/policy";
import type { StorySectionKind } from "@/lib/story/schema";
import type { PlanDto } from "./dto";
import { visitAt } from "./visit";
import { lastDanishDay, todayInDenmark } from "@/lib/validation/fields";
import { holders } from "@/lib/red-thread/holder";
import { contactDto } from "@/lib/contact/queries";

export const PLAN_MESSAGES_SHOWN = 3;
export const NEWS_SHOWN = 5;
/** The words a change-log entry carries for people: an agreement's "what", a person's name, a goal's title. */
const wordsOf = (after: unknown) => {
  const a = (after ?? {}) as Record<string, unknown>;
  const w = a.what ?? a.name ?? a.title ?? a.text;
  return typeof w === "string" ? w : null;
};
const dateOnly = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : null);

/**
 * The one-page plan: who the citizen is, their words, goals now, the next
 * agreements, their people, who holds the red thread, each area's help. Only
 * the parts the reader may see; the same number of SQL statements however many
 * goals there are.
 */
export async function readPlan(
  actor: Actor,
  citizenId: string,
  { visit = false, print = false }: { visit?: boolean; print?: boolean } = {},
): Promise<Result<PlanDto>> {
  return readParts(actor, citizenId, print ? "plan.print" : "plan.read", async ({ tx, allowed, now, role, allows, reasonWouldOpen }) => {
    const may = (part: Part) => allowed.has(part);
    const where = { citizenId };
    // One query per part, each only when the part may be read: a fixed number of
    // statements. One after the other: a transaction runs one statement at a time.
    const citizen = await tx.citizen.findUniqueOrThrow({
      where: { id: citizenId },
      select: { name: true, lastVisitAt: true, previousVisitAt: true, preferredLocale: true },
    });
    // The citizen opening their own plan (`visit`) may begin a new visit: bookkeeping of where
    // they are in their reading, not a change to the record (no version, no change log), and
    // done here so that a plan costs one transaction. Within a visit it writes nothing.
    const { since: newsSince, begin } =
      visit && role === "CITIZEN" ? visitAt(now, citizen.lastVisitAt, citizen.previousVisitAt) : { since: null, begin: false };
    if (begin) await tx.citizen.update({ where: { id: citizenId }, data: { previousVisitAt: citizen.lastVisitAt, lastVisitAt: now } });
    const contact = may("CONTACT") ? await tx.contactPreferences.findUnique({ where }) : null;
    const story = may("STORY")
      ? await tx.storySection.findMany({ where, select: { kind: true, text: true, version: true, writtenWithId: true } })
      : null;
    // whose words: a section written with a caseworker and confirmed by the citizen says so
    const writtenWithIds = (story ?? []).flatMap((s) => (s.writtenWithId ? [s.writtenWithId] : []));
    const writtenWith = writtenWithIds.length
      ? await tx.writtenWith.findMany({
          where: { id: { in: writtenWithIds }, citizenId },
          select: { id: true, writtenAt: true, confirmedHow: true, writtenBy: { select: { name: true } } },
        })
      : [];
    const goals = may("GOALS")
      ? await tx.goal.findMany({
          where: { ...where, status: "ACTIVE" },
          orderBy: { createdAt: "asc" },
          select: {
            id: true,
            title: true,
            reviewOn: true,
            steps: {
              where: { proposal: { in: ["ACCEPTED", "PROPOSED"] } },
              orderBy: { position: "asc" },
              select: { text: true, done: true, proposal: true },
            },
          },
        })
      : null;
    const closedGoals = may("GOALS") ? await tx.goal.count({ where: { ...where, status: { not: "ACTIVE" } } }) : null;
    const agreements = may("AGREEMENTS")
      ? await tx.agreement.findMany({
          where: { ...where, status: "OPEN" },
          orderBy: [{ dueOn: { sort: "asc", nulls: "last" } }, { createdAt: "asc" }],
          take: 10,
          select: {
            id: true,
            what: true,
            responsible: true,
            dueOn: true,
            authorRole: true,
            networkMember: { select: { name: true } },
            serviceArea: { select: { key: true } },
          },
        })
      : null;
    const network = may("NETWORK")
      ? await tx.networkMember.findMany({
          where: { ...where, removedAt: null },
          orderBy: [{ closeness: "asc" }, { name: "asc" }],
          select: { id: true, name: true, relation: true, closeness: true, kind: true, helpsWith: true },
        })
      : null;
    const coordination = may("RED_THREAD") ? ((await holders(tx, [citizenId], now)).get(citizenId) ?? null) : null;
    const handover = may("RED_THREAD")
      ? await tx.handover.findFirst({ where: { ...where, status: "OFFERED" }, select: { toStaff: { select: { name: true } } } })
      : null;
    const contactRequest = may("CONTACT_REQUESTS")
      ? // the citizen's own: a relative's request is theirs (about their own situation) or shown on its own page
        await tx.contactRequest.findFirst({ where: { ...where, askedByUserId: null, closedAt: null }, select: { dueAt: true } })
      : null;
    const messages = may("MESSAGES")
      ? await tx.message.findMany({
          where,
          orderBy: { createdAt: "desc" },
          take: PLAN_MESSAGES_SHOWN,
          select: { id: true, text: true, createdAt: true, staff: { select: { name: true } }, serviceArea: { select: { key: true } } },
        })
      : null;
    const help = may("HELP")
      ? await tx.areaHelp.findMany({
          where,
          orderBy: { createdAt: "asc" },
          select: { what: true, howOften: true, until: true, serviceArea: { select: { key: true } } },
        })
      : null;
    // "new since your last visit": what relatives and staff changed, with who and which area, in one
    // statement; only the citizen reads the change log. Times are UTC in the table (Prisma's way),
    // whatever the session's or the server's time zone.
    const changes =
      newsSince && may("ACCESS_LOG")
        ? await tx.$queryRaw<
            {
              at: Date;
              actorRole: "RELATIVE" | "PROXY" | "STAFF";
              actorName: string | null;
              areaKey: string | null;
              entity: string;
              added: boolean;
              after: unknown;
            }[]
          >`
            SELECT c.at AT TIME ZONE 'UTC' AS at, c."actorRole"::text AS "actorRole", COALESCE(NULLIF(pa."holderName", ''), nm.name, NULLIF(u.name, '')) AS "actorName", a.key AS "areaKey", c.entity, c.before IS NULL AS added, c.after
            FROM "ChangeLog" c
            LEFT JOIN "user" u ON u.id = c."actorUserId"
            LEFT JOIN "ServiceArea" a ON a.id = c."serviceAreaId"
            LEFT JOIN "Relationship" r ON r."citizenId" = c."citizenId" AND r."userId" = c."actorUserId" AND c."actorRole" = 'RELATIVE'
            LEFT JOIN "NetworkMember" nm ON nm.id = r."networkMemberId"
            LEFT JOIN LATERAL (
              SELECT p."holderName" FROM "PowerOfAttorney" p
              WHERE p."citizenId" = c."citizenId" AND p."holderUserId" = c."actorUserId" AND c."actorRole" = 'PROXY'
              ORDER BY p."createdAt" DESC LIMIT 1
            ) pa ON true
            WHERE c."citizenId" = ${citizenId}::uuid AND c.at > (${newsSince.toISOString()}::timestamptz AT TIME ZONE 'UTC') AND c."actorRole" IN ('RELATIVE', 'PROXY', 'STAFF')
            ORDER BY c.id DESC
            LIMIT 50`
        : null;
    // how many times an area used the story instead of asking again (once per area and day)
    const toldOnce =
      role === "CITIZEN" && may("ACCESS_LOG")
        ? Number(
            (
              await tx.$queryRaw<{ n: bigint }[]>`
                SELECT count(DISTINCT ("serviceAreaId", (at AT TIME ZONE 'UTC' AT TIME ZONE 'Europe/Copenhagen')::date)) AS n
                FROM "AccessLog" WHERE "citizenId" = ${citizenId}::uuid AND purpose = 'told-once' AND outcome = 'ALLOWED'`
            )[0]?.n ?? 0,
          )
        : null;
    const today = dateOnly(now)!;
    return {
      citizenId,
      name: citizen.name,
      language: citizen.preferredLocale,
      readable: [...allowed],
      needsReason: reasonWouldOpen,
      story: story
        ? Object.fromEntries(
            story.map((x) => {
              const w = writtenWith.find((r) => r.id === x.writtenWithId);
              return [
                x.kind as StorySectionKind,
                {
                  text: x.text,
                  version: x.version,
                  writtenWith: w
                    ? { by: w.writtenBy.name, on: todayInDenmark(w.writtenAt), toldTo: w.confirmedHow === "CONVERSATION" }
                    : null,
                },
              ];
            }),
          )
        : null,
      goals: goals
        ? goals.map((g) => ({
            id: g.id,
            title: g.title,
            reviewOn: dateOnly(g.reviewOn),
            steps: g.steps.filter((s) => s.proposal === "ACCEPTED").map(({ text, done }) => ({ text, done })),
            proposed: g.steps.filter((s) => s.proposal === "PROPOSED").map((s) => s.text),
          }))
        : null,
      reachedOrLetGo: closedGoals,
      agreements: agreements
        ? agreements.map((a) => ({
            id: a.id,
            what: a.what,
            responsible: a.responsible,
            who: a.networkMember?.name ?? a.serviceArea?.key ?? null,
            dueOn: dateOnly(a.dueOn),
            overdue: Boolean(a.dueOn && dateOnly(a.dueOn)! < today),
            byStaff: a.authorRole === "STAFF",
          }))
        : null,
      network,
      contact: may("CONTACT") ? contactDto(contact) : null,
      coordinator: may("RED_THREAD")
        ? coordination
          ? {
              name: coordination.name,
              areaKey: coordination.areaKey,
              inForce: coordination.inForce,
              // the direct line: for the citizen, staff, and relatives allowed to reach the coordinator
              line:
                role === "CITIZEN" || role === "STAFF" || allows("CONTACT_REQUESTS", "WRITE")
                  ? { phone: coordination.phone, hours: coordination.hours }
                  : null,
              handoverTo: handover?.toStaff.name ?? null,
            }
          : null
        : undefined,
      contactRequest: may("CONTACT_REQUESTS")
        ? contactRequest
          ? { dueDay: lastDanishDay(contactRequest.dueAt)!, overdue: contactRequest.dueAt <= now }
          : null
        : undefined,
      messages: messages
        ? messages.map((m) => ({
            id: m.id,
            text: m.text,
            at: m.createdAt.toISOString(),
            staffName: m.staff.name,
            areaKey: m.serviceArea.key,
          }))
        : null,
      help: help ? help.map((h) => ({ what: h.what, howOften: h.howOften, until: dateOnly(h.until), areaKey: h.serviceArea.key })) : null,
      toldOnce,
      news: changes
        ? {
            total: changes.length,
            items: changes.slice(0, NEWS_SHOWN).map((c) => ({
              at: c.at.toISOString(),
              actorRole: c.actorRole,
              actorName: c.actorName,
              areaKey: c.areaKey,
              entity: c.entity,
              added: c.added,
              words: wordsOf(c.after),
            })),
          }
        : null,
    };
  });
}

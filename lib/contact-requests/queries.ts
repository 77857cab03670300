import "server-only";
import { throughGate } from "@/lib/record/gate";
import type { Result } from "@/lib/validation/result";
import type { Actor } from "@/lib/record/actor";
import { lastDanishDay, todayInDenmark } from "@/lib/validation/fields";
import { answersContact, holders, someoneCanAnswer } from "@/lib/red-thread/holder";
import { relationshipActiveWhere } from "@/lib/access/in-force";
import { reachOf } from "@/lib/relatives/contact";

export type { ContactRequestDto, ClosedContactRequestDto, ContactRequestsDto } from "./dto";
import type { ContactRequestsDto } from "./dto";

/**
 * Requests for contact on a citizen's record. The citizen sees their own; a
 * relative, only their own (asked under their permission to reach the
 * coordinator); a caseworker whose area may, every open one: the citizen's
 * and each relative's, with the name the citizen gave that relative.
 */
export async function readContactRequests(actor: Actor, citizenId: string): Promise<Result<ContactRequestsDto>> {
  const me = actor.kind === "user" ? (actor.staff?.staffId ?? null) : null;
  return throughGate(actor, citizenId, "contact-request.list", async ({ tx, now, role, allows, userId }) => {
    // the agreements and the red thread are parts of their own: named here only to the citizen, whose whole record it is
    const citizen = role === "CITIZEN";
    const staff = role === "STAFF";
    // whose requests the reader sees as "theirs": the citizen's own (no asker), or the relative's
    const asker = role === "RELATIVE" ? userId : null;
    const select = {
      id: true,
      text: true,
      channel: true,
      createdAt: true,
      dueAt: true,
      about: true,
      askedByUserId: true,
    } as const;
    const open = await tx.contactRequest.findFirst({
      where: { citizenId, askedByUserId: asker, about: "CITIZEN", closedAt: null },
      select,
    });
    // a relative's request about the citizen, while they are still allowed to reach the coordinator (their own
    // situation is theirs: lib/relatives/contact.ts, beside the record)
    const fromRelatives = staff
      ? await tx.contactRequest.findMany({
          where: {
            citizenId,
            about: "CITIZEN",
            askedByUserId: { not: null },
            closedAt: null,
            askedBy: {
              relationships: { some: { citizenId, ...relationshipActiveWhere(now), permissions: { has: "CONTACT_COORDINATOR" } } },
            },
          },
          orderBy: { dueAt: "asc" },
          select,
        })
      : [];
    const answered = await tx.contactRequest.findMany({
      where: { citizenId, about: "CITIZEN", closedAt: { not: null }, ...(staff ? {} : { askedByUserId: asker }) },
      orderBy: { closedAt: "desc" },
      take: 5,
      select: { id: true, createdAt: true, closedAt: true },
    });
    const agreements =
      citizen && answered.length
        ? await tx.agreement.findMany({
            where: { citizenId, contactRequestId: { in: answered.map((a) => a.id) } },
            select: { what: true, contactRequestId: true },
          })
        : [];
    // a relative is named as the citizen named them (their network entry), never by a name they could change
    const askers = [...new Set(fromRelatives.map((r) => r.askedByUserId!))];
    const relatives = askers.length
      ? await tx.relationship.findMany({
          where: { citizenId, userId: { in: askers } },
          select: { userId: true, networkMember: { select: { name: true, relation: true } } },
        })
      : [];
    const reach = staff ? await reachOf(tx, askers) : new Map();
    const holder = (await holders(tx, [citizenId], now)).get(citizenId);
    // what the page says was done, only once it was: the earliest delivery to the one it names (the coordinator
    // in force), or, with none, to anyone who answers ("the municipality was told")
    const opens = [...(open ? [open] : []), ...fromRelatives];
    const coordinatorUser =
      holder?.inForce && opens.length
        ? (await tx.staffMember.findUnique({ where: { id: holder.staffId }, select: { userId: true } }))?.userId
        : null;
    const told = opens.length
      ? await tx.notification.groupBy({
          by: ["subjectId", "kind"],
          where: {
            subjectId: { in: opens.map((o) => o.id) },
            kind: { in: ["contact-new", "contact-overdue", "relative-wants-talk"] },
            toldAt: { not: null },
            ...(holder?.inForce ? { recipientId: coordinatorUser ?? "" } : {}),
          },
          _min: { toldAt: true },
        })
      : [];
    const toldAt = (id: string, kind: string) =>
      told.find((t) => t.subjectId === id && t.kind === kind)?._min.toldAt?.toISOString() ?? null;
    const dto = (r: (typeof opens)[number]) => {
      const relative = r.askedByUserId ? relatives.find((x) => x.userId === r.askedByUserId) : undefined;
      return {
        id: r.id,
        text: r.text,
        channel: r.channel,
        createdAt: r.createdAt.toISOString(),
        dueDay: lastDanishDay(r.dueAt)!,
        overdue: r.dueAt <= now,
        toldAt: toldAt(r.id, "contact-new"),
        overdueToldAt: toldAt(r.id, "contact-overdue"),
        about: r.about,
        asker: r.askedByUserId
          ? {
              name: relative?.networkMember?.name ?? null,
              relation: relative?.networkMember?.relation || null,
              reach: reach.get(r.askedByUserId) ?? { email: null, phone: null },
            }
          : null,
      };
    };
    // the same rule closeContactRequest decides by: the policy for both parts it writes, and who answers
    const mayAnswer =
      staff && me !== null && allows("CONTACT_REQUESTS", "WRITE") && allows("AGREEMENTS", "WRITE") && answersContact(holder, me);
    return {
      open: open ? dto(open) : null,
      fromRelatives: fromRelatives.map(dto),
      answered: answered.map((a) => ({
        id: a.id,
        askedDay: todayInDenmark(a.createdAt),
        answeredDay: todayInDenmark(a.closedAt!),
        agreement: agreements.find((g) => g.contactRequestId === a.id)?.what ?? null,
      })),
      coordinator: citizen && holder?.inForce ? holder.name : null,
      answerable: citizen ? await someoneCanAnswer(tx, citizenId, now) : true,
      asked: await tx.contactRequest.count({ where: { citizenId, askedByUserId: asker, about: "CITIZEN" } }),
      mayAnswer,
    };
  });
}

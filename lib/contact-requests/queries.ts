import "server-only";
import { throughGate } from "@/lib/record/gate";
import type { Result } from "@/lib/validation/result";
import type { Actor } from "@/lib/record/actor";
import { lastDanishDay, todayInDenmark } from "@/lib/validation/fields";
import { answersContact, holders, someoneCanAnswer } from "@/lib/red-thread/holder";

export type { ContactRequestDto, ClosedContactRequestDto, ContactRequestsDto } from "./dto";
import type { ContactRequestsDto } from "./dto";

/** The citizen's requests for contact (the citizen, or an area allowed to see them). */
export async function readContactRequests(actor: Actor, citizenId: string): Promise<Result<ContactRequestsDto>> {
  const me = actor.kind === "user" ? (actor.staff?.staffId ?? null) : null;
  return throughGate(actor, citizenId, "contact-request.list", async ({ tx, now, role, allows }) => {
    // the agreements and the red thread are parts of their own: named here only to the citizen, whose whole record it is
    const citizen = role === "CITIZEN";
    const open = await tx.contactRequest.findFirst({
      where: { citizenId, closedAt: null },
      select: { id: true, text: true, channel: true, createdAt: true, dueAt: true },
    });
    const answered = await tx.contactRequest.findMany({
      where: { citizenId, closedAt: { not: null } },
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
    const holder = (await holders(tx, [citizenId], now)).get(citizenId);
    // what the page says was done, only once it was: the earliest delivery to the one it names (the coordinator
    // in force), or, with none, to anyone who answers ("the municipality was told")
    const coordinatorUser =
      holder?.inForce && open
        ? (await tx.staffMember.findUnique({ where: { id: holder.staffId }, select: { userId: true } }))?.userId
        : null;
    const told = open
      ? await tx.notification.groupBy({
          by: ["kind"],
          where: {
            subjectId: open.id,
            kind: { in: ["contact-new", "contact-overdue"] },
            toldAt: { not: null },
            ...(holder?.inForce ? { recipientId: coordinatorUser ?? "" } : {}),
          },
          _min: { toldAt: true },
        })
      : [];
    const toldAt = (kind: string) => told.find((t) => t.kind === kind)?._min.toldAt?.toISOString() ?? null;
    // the same rule closeContactRequest decides by: the policy for both parts it writes, and who answers
    const mayAnswer =
      role === "STAFF" && me !== null && allows("CONTACT_REQUESTS", "WRITE") && allows("AGREEMENTS", "WRITE") && answersContact(holder, me);
    return {
      open: open
        ? {
            id: open.id,
            text: open.text,
            channel: open.channel,
            createdAt: open.createdAt.toISOString(),
            dueDay: lastDanishDay(open.dueAt)!,
            overdue: open.dueAt <= now,
            toldAt: toldAt("contact-new"),
            overdueToldAt: toldAt("contact-overdue"),
          }
        : null,
      answered: answered.map((a) => ({
        id: a.id,
        askedDay: todayInDenmark(a.createdAt),
        answeredDay: todayInDenmark(a.closedAt!),
        agreement: agreements.find((g) => g.contactRequestId === a.id)?.what ?? null,
      })),
      coordinator: citizen && holder?.inForce ? holder.name : null,
      answerable: citizen ? await someoneCanAnswer(tx, citizenId, now) : true,
      asked: await tx.contactRequest.count({ where: { citizenId } }),
      mayAnswer,
    };
  });
}

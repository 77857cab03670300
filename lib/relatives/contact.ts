import "server-only";
import { z } from "zod";
import { directoryDb } from "@/lib/db/directory";
import { relationshipActiveWhere } from "@/lib/access/in-force";
import { besideCommand, type Command } from "@/lib/record/command";
import type { Actor } from "@/lib/record/actor";
import { isUniqueViolation, type Tx } from "@/lib/record/tx";
import { id, isId, lastDanishDay, todayInDenmark, words } from "@/lib/validation/fields";
import { AGREEMENT_WHAT_MAX } from "@/lib/agreements/schema";
import { isMitidAddress } from "@/lib/mitid/enrol";
import { fieldErrors } from "@/lib/validation/result";
import { askForContactAsRelative } from "@/lib/contact-requests/commands";
import { askForContactSchema } from "@/lib/contact-requests/schema";
import { hasOpenRequest, openContactRequestOnce } from "@/lib/contact-requests/open";
import { someoneCanAnswer } from "@/lib/red-thread/holder";
import { contactAnswerers } from "@/lib/notify/recipients";
import { pathFor } from "@/lib/notify/kinds";
import { writeOutbox } from "@/lib/notify/outbox";

/**
 * A relative's own requests for contact. About their own situation (how they
 * are managing, a break they need), it is theirs, like their own space: asked
 * and read through their own active relationship, answered by the coordinator
 * with what was agreed kept on the request for them alone, never in the
 * citizen's plan. About the citizen's situation it is the citizen's record,
 * asked through the gate under the permission to reach the coordinator
 * (lib/contact-requests/commands.ts, askForContactAsRelative).
 */
export type OwnRequestDto = {
  id: string;
  about: "CITIZEN" | "ASKER";
  askedDay: string;
  dueDay: string;
  overdue: boolean;
  answeredDay: string | null;
  /** Closed without an answer: their access to reach the coordinator, or to the plan, ended. */
  closedDay: string | null;
  /** What was agreed, for a request about the relative's own situation (about the citizen: an agreement in the plan). */
  answer: string;
};

const OWN_ANSWERED_SHOWN = 5;

async function activeRelationship(tx: Tx, citizenId: string, userId: string, now: Date) {
  return tx.relationship.findFirst({ where: { citizenId, userId, ...relationshipActiveWhere(now) }, select: { id: true } });
}

/** The open request and the last few answered, asked by me for this citizen. */
export async function readOwnContactRequests(actor: Actor, citizenId: string): Promise<OwnRequestDto[] | null> {
  if (actor.kind !== "user" || !isId(citizenId)) return null;
  const now = new Date();
  if (!(await activeRelationship(directoryDb(), citizenId, actor.userId, now))) return null;
  const rows = await directoryDb().contactRequest.findMany({
    where: { citizenId, askedByUserId: actor.userId },
    orderBy: { createdAt: "desc" },
    take: OWN_ANSWERED_SHOWN + 1,
    select: { id: true, about: true, createdAt: true, dueAt: true, closedAt: true, closedByStaffId: true, answer: true },
  });
  return rows.map((r) => ({
    id: r.id,
    about: r.about,
    askedDay: todayInDenmark(r.createdAt),
    dueDay: lastDanishDay(r.dueAt)!,
    overdue: !r.closedAt && r.dueAt <= now,
    answeredDay: r.closedAt && r.closedByStaffId ? todayInDenmark(r.closedAt) : null,
    closedDay: r.closedAt && !r.closedByStaffId ? todayInDenmark(r.closedAt) : null,
    answer: r.about === "ASKER" ? r.answer : "",
  }));
}

/**
 * "Contact me about my own situation", in a transaction of the caller's (the
 * relative's own space saved with "I want to talk to the coordinator") or its
 * own. Refused when one of theirs is open, or when no area may answer.
 */
export async function askOwnContactIn(
  tx: Tx,
  r: {
    citizenId: string;
    userId: string;
    text: string;
    channel: z.output<typeof askForContactSchema>["channel"] | null;
    now: Date;
    /** Whether to tell whoever answers now (false: the caller tells them in its own words). */
    tell?: boolean;
  },
): Promise<"asked" | "already" | "nobody"> {
  if (await hasOpenRequest(tx, r.citizenId, r.userId)) return "already";
  if (!(await someoneCanAnswer(tx, r.citizenId, r.now))) return "nobody";
  // one open request per relative, held by a partial unique index: a second at the same moment writes nothing
  const request = await openContactRequestOnce(tx, {
    citizenId: r.citizenId,
    askedByUserId: r.userId,
    about: "ASKER",
    text: r.text,
    channel: r.channel,
    now: r.now,
  });
  if (!request) return "already";
  if (r.tell !== false)
    await writeOutbox(
      tx,
      [
        {
          to: await contactAnswerers(tx, r.citizenId, r.now),
          kind: "relative-wants-talk",
          path: pathFor("relative-wants-talk", { citizenId: r.citizenId }),
          citizenId: r.citizenId,
          subjectId: request.id,
        },
      ],
      r.userId,
    );
  return "asked";
}

export const askOwnContact = besideCommand(
  "relative-space.ask-contact",
  askForContactSchema,
  async (actor, { citizenId, text, channel }) => {
    const now = new Date();
    const outcome = await directoryDb()
      .$transaction(async (tx) => {
        if (!(await activeRelationship(tx, citizenId, actor.userId, now))) return null;
        return askOwnContactIn(tx, { citizenId, userId: actor.userId, text, channel, now });
      })
      // two asked at once: one open request per relative, held by a partial unique index
      .catch((e: unknown) => {
        if (isUniqueViolation(e)) return "already" as const;
        throw e;
      });
    if (outcome === null) return { ok: false, error: "not-found" };
    if (outcome === "already") return { ok: false, error: "invalid", fieldErrors: { _form: ["Validation.alreadyAskedContact"] } };
    if (outcome === "nobody") return { ok: false, error: "invalid", fieldErrors: { _form: ["Validation.nobodyCanAnswerRelative"] } };
    return { ok: true, value: null };
  },
);

const aboutSchema = z.object({ about: z.enum(["CITIZEN", "ASKER"], { error: "Validation.chooseOne" }) });

/** A relative's "contact me": about the citizen (the gate, under their permission), or about themselves. */
export const askAsRelative: Command<unknown> = async (actor, input) => {
  const parsed = aboutSchema.safeParse(input);
  if (!parsed.success) return { ok: false, error: "invalid", fieldErrors: fieldErrors(parsed.error) };
  return parsed.data.about === "CITIZEN" ? askForContactAsRelative(actor, input) : askOwnContact(actor, input);
};

/** How to reach a relative who asked: the address and number they confirmed for messages, or their sign-in address. */
export type ReachDto = { email: string | null; phone: string | null };

export async function reachOf(tx: Tx, userIds: readonly string[]): Promise<Map<string, ReachDto>> {
  const users = userIds.length
    ? await tx.user.findMany({
        where: { id: { in: [...userIds] } },
        select: { id: true, email: true, emailVerified: true, notificationSettings: { select: { emailAddress: true, phone: true } } },
      })
    : [];
  return new Map(
    users.map((u) => [
      u.id,
      {
        email: u.notificationSettings?.emailAddress ?? (u.emailVerified && !isMitidAddress(u.email) ? u.email : null),
        phone: u.notificationSettings?.phone ?? null,
      },
    ]),
  );
}

export type RelativeOwnRequestDto = {
  id: string;
  /** The relative as the citizen named them in their network. */
  name: string | null;
  relation: string | null;
  text: string;
  channel: string | null;
  dueDay: string;
  overdue: boolean;
  reach: ReachDto;
};

/**
 * For whoever answers "contact me" for this citizen (the coordinator, or without one the areas allowed to
 * answer): the relatives' open requests about their own situation. The relative's, not the citizen's: read
 * beside the record, never in the citizen's log or plan. Nothing for anyone else.
 */
export async function readRelativesOwnRequests(actor: Actor, citizenId: string): Promise<RelativeOwnRequestDto[]> {
  if (actor.kind !== "user" || !actor.staff || !isId(citizenId)) return [];
  const now = new Date();
  const db = directoryDb();
  if (!(await contactAnswerers(db, citizenId, now)).includes(actor.userId)) return [];
  const rows = await db.contactRequest.findMany({
    where: {
      citizenId,
      about: "ASKER",
      closedAt: null,
      // only while the one who asked is still the citizen's relative
      askedBy: { relationships: { some: { citizenId, ...relationshipActiveWhere(now) } } },
    },
    orderBy: { dueAt: "asc" },
    select: { id: true, text: true, channel: true, dueAt: true, askedByUserId: true },
  });
  const askers = rows.map((r) => r.askedByUserId!);
  const named = await db.relationship.findMany({
    where: { citizenId, userId: { in: askers } },
    select: { userId: true, networkMember: { select: { name: true, relation: true } } },
  });
  const reach = await reachOf(db, askers);
  return rows.map((r) => {
    const n = named.find((x) => x.userId === r.askedByUserId)?.networkMember;
    return {
      id: r.id,
      name: n?.name ?? null,
      relation: n?.relation || null,
      text: r.text,
      channel: r.channel,
      dueDay: lastDanishDay(r.dueAt)!,
      overdue: r.dueAt <= now,
      reach: reach.get(r.askedByUserId!) ?? { email: null, phone: null },
    };
  });
}

const answerOwnSchema = z.object({
  citizenId: id,
  requestId: id,
  what: words(AGREEMENT_WHAT_MAX, { required: true }),
});

/**
 * The coordinator (or, without one, whoever may answer) writes down what was agreed with a relative about the
 * relative's own situation: kept on the request for the relative alone, who is told. Beside the record: it is
 * not the citizen's, and nothing of it reaches their plan, news or log.
 */
export const answerRelativeOwn = besideCommand(
  "relative-request.answer",
  answerOwnSchema,
  async (actor, { citizenId, requestId, what }) => {
    const now = new Date();
    return directoryDb().$transaction(async (tx) => {
      if (!(await contactAnswerers(tx, citizenId, now)).includes(actor.userId) || !actor.staff)
        return { ok: false, error: "not-found" } as const;
      const request = await tx.contactRequest.findFirst({
        where: { id: requestId, citizenId, about: "ASKER", closedAt: null },
        select: { askedByUserId: true },
      });
      if (!request) return { ok: false, error: "invalid", fieldErrors: { _form: ["Validation.contactRequestGone"] } } as const;
      const { count } = await tx.contactRequest.updateMany({
        where: { id: requestId, closedAt: null },
        data: { closedAt: now, closedByStaffId: actor.staff.staffId, answer: what },
      });
      if (count === 0) return { ok: false, error: "invalid", fieldErrors: { _form: ["Validation.contactRequestGone"] } } as const;
      await writeOutbox(
        tx,
        [
          {
            to: [request.askedByUserId],
            kind: "relative-contact-answered",
            path: pathFor("relative-contact-answered", { citizenId }),
            citizenId,
            subjectId: requestId,
          },
        ],
        actor.userId,
      );
      return { ok: true, value: null } as const;
    });
  },
);

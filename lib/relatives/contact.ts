import "server-only";
import { z } from "zod";
import { directoryDb } from "@/lib/db/directory";
import { relationshipActiveWhere } from "@/lib/access/in-force";
import { besideCommand, type Command } from "@/lib/record/command";
import type { Actor } from "@/lib/record/actor";
import { isUniqueViolation, type Tx } from "@/lib/record/tx";
import { isId, lastDanishDay, todayInDenmark } from "@/lib/validation/fields";
import { fieldErrors } from "@/lib/validation/result";
import { askForContactAsRelative } from "@/lib/contact-requests/commands";
import { askForContactSchema } from "@/lib/contact-requests/schema";
import { hasOpenRequest, openContactRequest } from "@/lib/contact-requests/open";
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
    select: { id: true, about: true, createdAt: true, dueAt: true, closedAt: true, answer: true },
  });
  return rows.map((r) => ({
    id: r.id,
    about: r.about,
    askedDay: todayInDenmark(r.createdAt),
    dueDay: lastDanishDay(r.dueAt)!,
    overdue: !r.closedAt && r.dueAt <= now,
    answeredDay: r.closedAt ? todayInDenmark(r.closedAt) : null,
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
  const request = await openContactRequest(tx, {
    citizenId: r.citizenId,
    askedByUserId: r.userId,
    about: "ASKER",
    text: r.text,
    channel: r.channel,
    now: r.now,
  });
  if (r.tell !== false)
    await writeOutbox(
      tx,
      [
        {
          to: await contactAnswerers(tx, r.citizenId, r.now),
          kind: "contact-new",
          path: pathFor("contact-new", { citizenId: r.citizenId }),
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

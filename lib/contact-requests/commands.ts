import "server-only";
import { InvalidInput } from "@/lib/record/gate";
import { command, staffOf } from "@/lib/record/command";
import { toDbDate } from "@/lib/validation/fields";
import { askForContactSchema, closeContactRequestSchema } from "./schema";
import { hasOpenRequest, openContactRequest } from "./open";
import { answersContact, holders, someoneCanAnswer } from "@/lib/red-thread/holder";
import { pathFor } from "@/lib/notify/kinds";
import { citizenUser, contactAnswerers, relativesWhoMayRead } from "@/lib/notify/recipients";

/**
 * The citizen asks to be contacted. The coordinator must answer within the
 * municipality's number of working days (two unless it set another). One open
 * request at a time: a second would only say the same again. If no area may
 * answer (nobody has the citizen's consent to see requests and write down
 * agreements), the request is refused with where to give that consent, rather
 * than left waiting for nobody.
 */
export const askForContact = command(
  "contact-request.ask",
  askForContactSchema,
  async ({ tx, changed, now, tell }, { citizenId, text, channel }) => {
    if (await hasOpenRequest(tx, citizenId, null)) throw new InvalidInput({ _form: ["Validation.alreadyAskedContact"] });
    // a request nobody may see would wait for ever: say so, and where to give permission
    if (!(await someoneCanAnswer(tx, citizenId, now))) throw new InvalidInput({ _form: ["Validation.nobodyCanAnswer"] });
    const request = await openContactRequest(tx, { citizenId, askedByUserId: null, about: "CITIZEN", text, channel, now });
    changed({ entity: "ContactRequest", entityId: request.id, before: null, after: { text, channel, dueAt: request.dueAt } });
    // the coordinator is told at once (or whoever answers while nobody holds the red thread)
    tell({
      to: await contactAnswerers(tx, citizenId, now),
      kind: "contact-new",
      path: pathFor("contact-new", { citizenId }),
      subjectId: request.id,
    });
    return { requestId: request.id, dueAt: request.dueAt };
  },
  // one open request at a time, held by a partial unique index when two race
  { raced: { _form: ["Validation.alreadyAskedContact"] } },
);

/**
 * A relative the citizen allows to reach the coordinator asks them to get in
 * touch about the citizen's situation: the same deadline and the same answer
 * (an agreement in the plan) as the citizen's own request. One open request per
 * relative; the citizen's own is separate. (About the relative's own situation:
 * lib/relatives/space.ts, which is theirs, not the citizen's record.)
 */
export const askForContactAsRelative = command(
  "contact-request.ask-as-relative",
  askForContactSchema,
  async ({ tx, changed, now, tell, userId }, { citizenId, text, channel }) => {
    if (await hasOpenRequest(tx, citizenId, userId)) throw new InvalidInput({ _form: ["Validation.alreadyAskedContact"] });
    if (!(await someoneCanAnswer(tx, citizenId, now))) throw new InvalidInput({ _form: ["Validation.nobodyCanAnswerRelative"] });
    const request = await openContactRequest(tx, { citizenId, askedByUserId: userId, about: "CITIZEN", text, channel, now });
    changed({ entity: "ContactRequest", entityId: request.id, before: null, after: { text, channel, dueAt: request.dueAt } });
    tell({
      to: await contactAnswerers(tx, citizenId, now),
      kind: "relative-wants-talk",
      path: pathFor("relative-wants-talk", { citizenId }),
      subjectId: request.id,
    });
    return { requestId: request.id, dueAt: request.dueAt };
  },
  { raced: { _form: ["Validation.alreadyAskedContact"] } },
);

/**
 * The coordinator closes a request the only way it can be closed: by writing
 * down the agreement made with the citizen, which the citizen then sees among
 * their agreements. When nobody holds the red thread (or its holder's area may
 * no longer see the plan), any area allowed to answer may, so no request is
 * left alone.
 */
export const closeContactRequest = command(
  "contact-request.answer",
  closeContactRequestSchema,
  async (ctx, { citizenId, requestId, what, dueOn }) => {
    const { tx, changed, now, serviceAreaId, userId, tell } = ctx;
    const me = staffOf(ctx);
    if (!answersContact((await holders(tx, [citizenId], now)).get(citizenId), me))
      throw new InvalidInput({ _form: ["Validation.notCoordinator"] });
    // a relative's request about their own situation is theirs, answered beside the record (lib/relatives/contact.ts)
    const request = await tx.contactRequest.findFirst({
      where: { id: requestId, citizenId, about: "CITIZEN", closedAt: null },
      select: { id: true, askedByUserId: true },
    });
    if (!request) throw new InvalidInput({ _form: ["Validation.contactRequestGone"] });
    const agreement = await tx.agreement.create({
      data: {
        citizenId,
        what,
        responsible: "SERVICE_AREA",
        serviceAreaId,
        dueOn: toDbDate(dueOn),
        authorRole: "STAFF",
        authorUserId: userId,
        authorAreaId: serviceAreaId,
        contactRequestId: requestId,
      },
    });
    const { count } = await tx.contactRequest.updateMany({
      where: { id: requestId, closedAt: null },
      data: { closedAt: now, closedByStaffId: me },
    });
    if (count === 0) throw new InvalidInput({ _form: ["Validation.contactRequestGone"] });
    changed({
      entity: "Agreement",
      entityId: agreement.id,
      before: null,
      after: { what, dueOn, contactRequestId: requestId },
      part: "AGREEMENTS",
    });
    changed({
      entity: "ContactRequest",
      entityId: requestId,
      before: { closedAt: null },
      after: { closedAt: now, agreementId: agreement.id },
    });
    // whoever asked is told it was answered: the citizen, or the relative who asked about them
    if (request.askedByUserId)
      tell({
        to: [request.askedByUserId],
        kind: "relative-contact-answered",
        path: pathFor("relative-contact-answered", { citizenId }),
        subjectId: requestId,
      });
    else
      tell({
        to: [await citizenUser(tx, citizenId)],
        kind: "contact-answered",
        path: pathFor("contact-answered", { citizenId }),
        subjectId: requestId,
      });
    tell({
      to: await relativesWhoMayRead(tx, citizenId, "AGREEMENTS", now),
      kind: "agreement-added",
      path: pathFor("agreement-added", { citizenId }),
      subjectId: agreement.id,
    });
    return { agreementId: agreement.id };
  },
);

import "server-only";
import { directoryDb } from "@/lib/db/directory";
import { todayInDenmark } from "@/lib/validation/fields";
import { workingDaysAfter } from "@/lib/contact-requests/working-days";
import { pathFor } from "./kinds";
import { writeOutbox, type Tell } from "./outbox";
import { citizenUser, contactAnswerers, leadsOf, leadsOfAreas, staffUser } from "./recipients";

/**
 * What comes due by itself, with nobody doing anything: a deadline for contact
 * tomorrow, a deadline passed, an offer of the red thread left unanswered, a
 * goal's review date. The worker runs this every NOTIFY_SWEEP_SECONDS; each
 * event carries a key, so however often (and by however many workers) it runs,
 * each person is told once. It reads dates, states and ids through the
 * directory door, never the plan's words.
 */

/** How many days ahead a citizen is told that a goal's review is coming. */
export const REVIEW_NOTICE_DAYS = 3;

export async function sweep(now = new Date()): Promise<number> {
  return directoryDb().$transaction(
    async (tx) => {
      const tells: Tell[] = [];
      const today = todayInDenmark(now);
      const nextWorkingDay = workingDaysAfter(today, 1);

      // "contact me": one working day before the deadline, at the deadline, and then the area lead too
      const open = await tx.contactRequest.findMany({ where: { closedAt: null }, select: { id: true, citizenId: true, dueAt: true } });
      const offers = await tx.handover.findMany({
        where: { status: "OFFERED" },
        select: { id: true, citizenId: true, toStaffId: true, offeredAt: true },
      });
      // what was told already is not looked up again
      const told = new Set(
        (
          await tx.notification.findMany({
            where: { subjectId: { in: [...open, ...offers].map((x) => x.id) }, dedupeKey: { not: null } },
            select: { kind: true, subjectId: true },
          })
        ).map((n) => `${n.kind}:${n.subjectId}`),
      );
      for (const r of open) {
        const overdue = r.dueAt <= now;
        if (told.has(`${overdue ? "contact-overdue" : "contact-due-soon"}:${r.id}`)) continue;
        if (!overdue && todayInDenmark(r.dueAt) > nextWorkingDay) continue;
        const path = pathFor("contact-new", { citizenId: r.citizenId });
        const answerers = await contactAnswerers(tx, r.citizenId, now);
        if (overdue) {
          tells.push({
            to: answerers,
            kind: "contact-overdue",
            path,
            citizenId: r.citizenId,
            subjectId: r.id,
            dedupeKey: `contact-overdue:${r.id}`,
          });
          const coordination = await tx.coordination.findUnique({ where: { citizenId: r.citizenId }, select: { staffId: true } });
          const consents = await tx.consent.findMany({
            where: { citizenId: r.citizenId, withdrawnAt: null, parts: { hasEvery: ["CONTACT_REQUESTS"] } },
            select: { serviceAreaId: true },
          });
          const leads = coordination
            ? await leadsOf(tx, coordination.staffId)
            : await leadsOfAreas(
                tx,
                consents.map((c) => c.serviceAreaId),
              );
          tells.push({
            to: leads,
            kind: "contact-overdue-lead",
            path,
            citizenId: r.citizenId,
            subjectId: r.id,
            dedupeKey: `contact-overdue-lead:${r.id}`,
          });
        } else {
          tells.push({
            to: answerers,
            kind: "contact-due-soon",
            path,
            citizenId: r.citizenId,
            subjectId: r.id,
            dedupeKey: `contact-due-soon:${r.id}`,
          });
        }
      }

      // an offer of the red thread unanswered for two working days: the leads of the colleague's areas
      for (const o of offers) {
        if (told.has(`handover-unanswered-lead:${o.id}`)) continue;
        if (workingDaysAfter(todayInDenmark(o.offeredAt), 2) > today) continue;
        tells.push({
          to: await leadsOf(tx, o.toStaffId),
          kind: "handover-unanswered-lead",
          path: pathFor("handover-unanswered-lead", { citizenId: o.citizenId }),
          citizenId: o.citizenId,
          subjectId: o.id,
          dedupeKey: `handover-unanswered:${o.id}`,
        });
        // the colleague is reminded too: the offer is theirs to answer
        tells.push({
          to: [await staffUser(tx, o.toStaffId)],
          kind: "handover-to-you",
          path: pathFor("handover-to-you", { citizenId: o.citizenId }),
          citizenId: o.citizenId,
          subjectId: o.id,
          dedupeKey: `handover-reminder:${o.id}`,
        });
      }

      // a goal's review date coming up: the citizen, a few days before
      const until = new Date(`${today}T00:00:00Z`);
      until.setUTCDate(until.getUTCDate() + REVIEW_NOTICE_DAYS);
      const goals = await tx.goal.findMany({
        where: { status: "ACTIVE", reviewOn: { gte: new Date(`${today}T00:00:00Z`), lte: until } },
        select: { id: true, citizenId: true, reviewOn: true },
      });
      for (const g of goals) {
        tells.push({
          to: [await citizenUser(tx, g.citizenId)],
          kind: "review-soon",
          path: pathFor("review-soon", { citizenId: g.citizenId, goalId: g.id }),
          citizenId: g.citizenId,
          subjectId: g.id,
          dedupeKey: `review-soon:${g.id}:${g.reviewOn!.toISOString().slice(0, 10)}`,
        });
      }
      return writeOutbox(tx, tells, null);
    },
    { timeout: 60_000, maxWait: 10_000 },
  );
}

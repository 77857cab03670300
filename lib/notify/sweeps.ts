import "server-only";
import { directoryDb } from "@/lib/db/directory";
import { consentInForceWhere } from "@/lib/access/in-force";
import type { Tx } from "@/lib/record/tx";
import { lastDanishDay, todayInDenmark } from "@/lib/validation/fields";
import { workingDaysAfter } from "@/lib/contact-requests/working-days";
import { pathFor } from "./kinds";
import { writeOutbox, type Tell } from "./outbox";
import { citizenUser, contactAnswerers, leadsOfAreas, staffUser } from "./recipients";
import { danishMinutes } from "./timing";

/**
 * What comes due by itself, with nobody doing anything: a deadline for contact
 * at the end of the next working day, a deadline passed, an offer of the red
 * thread left unanswered for two working days, a goal's review date. The worker
 * runs this every NOTIFY_SWEEP_SECONDS; one sweep runs at a time, and each event
 * carries a key, so however often (and by however many workers) it runs, each
 * person is told once. It reads dates, states and ids through the directory
 * door, never the plan's words.
 */

/** How many days ahead a citizen is told that a goal's review is coming. */
export const REVIEW_NOTICE_DAYS = 3;

type LeadParts = ("CONTACT_REQUESTS" | "AGREEMENTS" | "RED_THREAD")[];

/**
 * The leads to tell about a citizen: of the areas whose consent is in force for
 * the parts the task needs, and, when a caseworker is named, of that
 * caseworker's areas among them. A lead of an area that may not see the plan is
 * not told: opening it would only be refused, and logged in the citizen's log.
 */
async function leadsFor(tx: Tx, citizenId: string, parts: LeadParts, now: Date, staffId?: string) {
  const consents = await tx.consent.findMany({
    where: { citizenId, ...consentInForceWhere(now), parts: { hasEvery: parts } },
    select: { serviceAreaId: true },
  });
  let areaIds = [...new Set(consents.map((c) => c.serviceAreaId))];
  if (staffId) {
    const mine = await tx.staffArea.findMany({ where: { staffId }, select: { serviceAreaId: true } });
    areaIds = areaIds.filter((a) => mine.some((m) => m.serviceAreaId === a));
  }
  return leadsOfAreas(tx, areaIds);
}

export async function sweep(now = new Date()): Promise<number> {
  return directoryDb().$transaction(
    async (tx) => {
      // one sweep at a time, across all workers: the others would have nothing to add
      const [lock] = await tx.$queryRaw<{ locked: boolean }[]>`SELECT pg_try_advisory_xact_lock(hashtext('notify-sweep')) AS locked`;
      if (!lock?.locked) return 0;
      const tells: Tell[] = [];
      const today = todayInDenmark(now);
      const nextWorkingDay = workingDaysAfter(today, 1);
      const today0 = new Date(`${today}T00:00:00Z`);

      const open = await tx.contactRequest.findMany({
        where: { closedAt: null },
        select: { id: true, citizenId: true, dueAt: true, about: true },
      });
      const offers = await tx.handover.findMany({
        where: { status: "OFFERED" },
        select: { id: true, citizenId: true, toStaffId: true, offeredAt: true },
      });
      const goals = await tx.goal.findMany({
        where: { status: "ACTIVE", reviewOn: { gte: today0, lte: new Date(today0.getTime() + REVIEW_NOTICE_DAYS * 86_400_000) } },
        select: { id: true, citizenId: true, reviewOn: true },
      });
      // what was told already is not looked up again
      const told = new Set(
        (
          await tx.notification.findMany({
            where: { subjectId: { in: [...open, ...offers, ...goals].map((x) => x.id) }, dedupeKey: { not: null } },
            select: { kind: true, subjectId: true },
          })
        ).map((n) => `${n.kind}:${n.subjectId}`),
      );

      // "contact me": by the end of the next working day, when the deadline passes, and then the area lead too
      for (const r of open) {
        const overdue = r.dueAt <= now;
        if (told.has(`${overdue ? "contact-overdue" : "contact-due-soon"}:${r.id}`)) continue;
        // dueAt is the first instant after the last day
        if (!overdue && lastDanishDay(r.dueAt)! > nextWorkingDay) continue;
        const path = pathFor("contact-new", { citizenId: r.citizenId });
        const base = { path, citizenId: r.citizenId, subjectId: r.id };
        const answerers = await contactAnswerers(tx, r.citizenId, now);
        if (!overdue) {
          tells.push({ ...base, to: answerers, kind: "contact-due-soon", dedupeKey: `contact-due-soon:${r.id}` });
          continue;
        }
        tells.push({ ...base, to: answerers, kind: "contact-overdue", dedupeKey: `contact-overdue:${r.id}` });
        // a relative's own situation is for whoever answers, not escalated to leads who may not see it
        if (r.about === "ASKER") continue;
        const parts: LeadParts = ["CONTACT_REQUESTS", "AGREEMENTS"];
        const coordination = await tx.coordination.findUnique({ where: { citizenId: r.citizenId }, select: { staffId: true } });
        // the lead of the coordinator's own answering area; with none, the leads of every area that may answer
        const ownLeads = coordination ? await leadsFor(tx, r.citizenId, parts, now, coordination.staffId) : [];
        const leads = ownLeads.length ? ownLeads : await leadsFor(tx, r.citizenId, parts, now);
        tells.push({ ...base, to: leads, kind: "contact-overdue-lead", dedupeKey: `contact-overdue-lead:${r.id}` });
      }

      // an offer of the red thread unanswered two working days later, to the hour: the colleague's area lead
      for (const o of offers) {
        if (told.has(`handover-unanswered-lead:${o.id}`)) continue;
        const day2 = workingDaysAfter(todayInDenmark(o.offeredAt), 2);
        if (today < day2 || (today === day2 && danishMinutes(now) < danishMinutes(o.offeredAt))) continue;
        const base = { citizenId: o.citizenId, subjectId: o.id };
        tells.push({
          ...base,
          to: await leadsFor(tx, o.citizenId, ["RED_THREAD"], now, o.toStaffId),
          kind: "handover-unanswered-lead",
          path: pathFor("handover-unanswered-lead", { citizenId: o.citizenId }),
          dedupeKey: `handover-unanswered:${o.id}`,
        });
        // the colleague is reminded too: the offer is theirs to answer
        tells.push({
          ...base,
          to: [await staffUser(tx, o.toStaffId)],
          kind: "handover-to-you",
          path: pathFor("handover-to-you", { citizenId: o.citizenId }),
          dedupeKey: `handover-reminder:${o.id}`,
        });
      }

      // a goal's review date coming up: the citizen, a few days before
      for (const g of goals) {
        if (told.has(`review-soon:${g.id}`)) continue;
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

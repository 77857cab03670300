import "server-only";
import { fromPrisma, type PgBoss } from "pg-boss";
import { systemDb } from "@/lib/db/system";
import { isKind } from "./kinds";
import { DELIVER } from "./queue";
import { reachFor } from "./settings";
import { planDeliveries } from "./timing";

/**
 * The outbox's relay: takes notifications nobody has planned yet (oldest
 * first, skipping rows another worker holds, so several workers share the work
 * safely), plans each one's deliveries as its recipient asked, and queues one
 * job per delivery, in one transaction: a notification is planned once, and its
 * jobs exist exactly when it is marked planned.
 */
export async function relayOnce(boss: PgBoss, limit = 200): Promise<number> {
  return systemDb().$transaction(
    async (tx) => {
      const taken = await tx.$queryRaw<{ id: string; recipientId: string; kind: string }[]>`
        SELECT id, "recipientId", kind FROM "Notification"
        WHERE "dispatchedAt" IS NULL ORDER BY "createdAt" LIMIT ${limit} FOR UPDATE SKIP LOCKED`;
      if (taken.length === 0) return 0;
      const now = new Date();
      const reach = new Map<string, Awaited<ReturnType<typeof reachFor>>>();
      const deliveries: {
        id: string;
        notificationId: string;
        recipientId: string;
        channel: "EMAIL" | "SMS" | "PUSH";
        key: string;
        dueAt: Date;
        digest: boolean;
      }[] = [];
      for (const n of taken) {
        if (!isKind(n.kind)) continue;
        if (!reach.has(n.recipientId)) reach.set(n.recipientId, await reachFor(n.recipientId));
        const r = reach.get(n.recipientId)!;
        for (const p of planDeliveries(n.kind, r.settings, r.reach, now)) {
          deliveries.push({ id: crypto.randomUUID(), notificationId: n.id, recipientId: n.recipientId, key: `${n.id}:${p.channel}`, ...p });
        }
      }
      if (deliveries.length) {
        // a job for each delivery made now (one that exists already, by its key, has its job)
        const made = await tx.notificationDelivery.createManyAndReturn({
          data: deliveries,
          skipDuplicates: true,
          select: { id: true, dueAt: true },
        });
        if (made.length)
          await boss.insert(
            DELIVER,
            // a job for now carries no start time: pg-boss wakes a worker at once only for those (LISTEN/NOTIFY)
            made.map((d) => ({ data: { deliveryId: d.id }, ...(d.dueAt > now ? { startAfter: d.dueAt } : {}) })),
            { db: fromPrisma(tx) },
          );
      }
      await tx.notification.updateMany({ where: { id: { in: taken.map((t) => t.id) } }, data: { dispatchedAt: now } });
      return taken.length;
    },
    { timeout: 60_000, maxWait: 10_000 },
  );
}

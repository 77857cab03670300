import "server-only";
import { systemDb } from "@/lib/db/system";
import { isKind, type Kind } from "./kinds";

/**
 * "Nyt til dig": what happened for the signed-in person, newest first, read or
 * not. Only ever their own notifications (the id comes from the session), and
 * only what the notification holds: a kind, the page, a time, and at most a
 * name they may already see.
 */
export type NewsItemDto = { id: string; kind: Kind; path: string; detail: string | null; createdAt: string; read: boolean };

export async function newsFor(userId: string, { take = 20, unreadOnly = false } = {}): Promise<{ items: NewsItemDto[]; unread: number }> {
  const db = systemDb();
  const [rows, unread] = await Promise.all([
    db.notification.findMany({
      where: { recipientId: userId, ...(unreadOnly ? { readAt: null } : {}) },
      orderBy: { createdAt: "desc" },
      take,
      select: { id: true, kind: true, path: true, detail: true, createdAt: true, readAt: true },
    }),
    db.notification.count({ where: { recipientId: userId, readAt: null } }),
  ]);
  const items = rows.flatMap((r) =>
    isKind(r.kind)
      ? [{ id: r.id, kind: r.kind, path: r.path, detail: r.detail, createdAt: r.createdAt.toISOString(), read: r.readAt !== null }]
      : [],
  );
  return { items, unread };
}

/** Marks one of the person's notifications read (someone else's id changes nothing), or all of them. */
export async function markRead(userId: string, which: { id: string } | "all"): Promise<number> {
  const { count } = await systemDb().notification.updateMany({
    where: { recipientId: userId, readAt: null, ...(which === "all" ? {} : { id: which.id }) },
    data: { readAt: new Date() },
  });
  return count;
}

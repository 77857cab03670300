import "server-only";
import { systemDb } from "@/lib/db/system";
import { isKind, KINDS, type Kind } from "./kinds";
import { stillMayKnow } from "./still";

/**
 * "Nyt til dig": what happened for the signed-in person, newest first, read or
 * not. Only ever their own notifications (the id comes from the session), and
 * only what the notification holds: a kind, the page, a time, and at most a
 * name they may already see.
 */
export type NewsItemDto = { id: string; kind: Kind; path: string; detail: string | null; createdAt: string; read: boolean };

export type Audience = "citizen" | "relative" | "staff";

/**
 * My news, for the roles a page is for (the caseworker's home shows a caseworker's news, not their
 * own plan's), and only what I may still know of (lib/notify/still.ts).
 */
export async function newsFor(
  userId: string,
  { take = 20, audiences }: { take?: number; audiences?: readonly Audience[] } = {},
): Promise<{ items: NewsItemDto[]; unread: number }> {
  const kinds = Object.keys(KINDS).filter((k) => !audiences || audiences.includes(KINDS[k as Kind].audience));
  const rows = await systemDb().notification.findMany({
    where: { recipientId: userId, kind: { in: kinds } },
    orderBy: { createdAt: "desc" },
    take: take * 2,
    select: { id: true, kind: true, path: true, detail: true, createdAt: true, readAt: true, citizenId: true, recipientId: true },
  });
  const unreadRows = await systemDb().notification.findMany({
    where: { recipientId: userId, kind: { in: kinds }, readAt: null },
    take: 500,
    select: { kind: true, citizenId: true, recipientId: true },
  });
  const [may, mayUnread] = await Promise.all([stillMayKnow(rows), stillMayKnow(unreadRows)]);
  const items = rows
    .filter((_, i) => may[i])
    .slice(0, take)
    .flatMap((r) =>
      isKind(r.kind)
        ? [{ id: r.id, kind: r.kind, path: r.path, detail: r.detail, createdAt: r.createdAt.toISOString(), read: r.readAt !== null }]
        : [],
    );
  return { items, unread: mayUnread.filter(Boolean).length };
}

/** Marks one of the person's notifications read (someone else's id changes nothing), or all of them (for the roles given). */
export async function markRead(userId: string, which: { id: string } | "all", audiences?: readonly Audience[]): Promise<number> {
  const kinds = Object.keys(KINDS).filter((k) => !audiences || audiences.includes(KINDS[k as Kind].audience));
  const { count } = await systemDb().notification.updateMany({
    where: { recipientId: userId, readAt: null, ...(which === "all" ? { kind: { in: kinds } } : { id: which.id }) },
    data: { readAt: new Date() },
  });
  return count;
}

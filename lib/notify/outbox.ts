import "server-only";
import type { Tx } from "@/lib/record/tx";
import type { Kind } from "./kinds";

/**
 * One thing to tell: who (user ids; empty and repeated ones are dropped), what
 * kind, the page it opens, and, for the in-app list, what it is about.
 */
export type Tell = {
  to: readonly (string | null | undefined)[];
  kind: Kind;
  path: string;
  citizenId?: string | null;
  subjectId?: string | null;
  /** A name the recipient may already see, as it is now (shown in the app only, never sent). */
  detail?: string | null;
  /** Tells once per key and person, however often the caller runs (a sweep). */
  dedupeKey?: string;
};

/**
 * Writes the outbox rows for `tells` in the caller's transaction: the change
 * and the telling of it commit or roll back together. Nobody is told about
 * their own doing (`actorUserId`). The worker picks the rows up (lib/notify/relay.ts).
 */
export async function writeOutbox(tx: Tx, tells: readonly Tell[], actorUserId: string | null): Promise<number> {
  const rows = tells.flatMap((t) =>
    [...new Set(t.to.filter((id): id is string => Boolean(id) && id !== actorUserId))].map((recipientId) => ({
      recipientId,
      kind: t.kind,
      path: t.path,
      citizenId: t.citizenId ?? null,
      subjectId: t.subjectId ?? null,
      detail: t.detail ?? null,
      dedupeKey: t.dedupeKey ? `${t.dedupeKey}:${recipientId}` : null,
    })),
  );
  if (rows.length === 0) return 0;
  const { count } = await tx.notification.createMany({ data: rows, skipDuplicates: true });
  return count;
}

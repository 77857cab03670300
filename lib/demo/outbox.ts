import "server-only";
import { systemDb } from "@/lib/db/system";
import { demoMode } from "@/lib/env-public";

export type OutboxMailDto = { id: string; to: string; subject: string; body: string; link: string | null; sentAt: string };

/** The demo outbox: the newest mails the demo build "sent". Empty outside the demo build. */
export async function listOutbox(limit = 30): Promise<OutboxMailDto[]> {
  if (!demoMode) return [];
  const rows = await systemDb().outboxEmail.findMany({ orderBy: { createdAt: "desc" }, take: limit });
  return rows.map((r) => ({
    id: r.id,
    to: r.to,
    subject: r.subject,
    body: r.body,
    link: /https?:\/\/\S+/.exec(r.body)?.[0] ?? null,
    sentAt: r.createdAt.toISOString(),
  }));
}

/** The newest sign-in link sent to `email`, for the persona picker. */
export async function newestLinkFor(email: string): Promise<string | null> {
  if (!demoMode) return null;
  const row = await systemDb().outboxEmail.findFirst({ where: { to: email }, orderBy: { createdAt: "desc" } });
  return row ? (/https?:\/\/\S+/.exec(row.body)?.[0] ?? null) : null;
}

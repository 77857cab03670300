import "server-only";
import { systemDb } from "@/lib/db/system";
import { mailMode, type MailMode } from "@/lib/mail/send";

export type Readiness =
  | { ready: true; ms: number; mail: Exclude<MailMode, "not-configured"> }
  | { ready: false; database: "timeout" | "error" }
  | { ready: false; database: "ok"; mail: "not-configured" };

/**
 * Can this server do its work? The database answers within `timeoutMs`, and
 * there is a way to send sign-in links (a mail server, or the demo outbox):
 * without one, nobody could sign in by mail, so the server is not ready and
 * says why. Never throws, never returns an error's text. The mail server
 * itself is not called: one that is down fails a sending, not the whole app.
 */
export async function checkReadiness({ timeoutMs = 2000 }: { timeoutMs?: number } = {}): Promise<Readiness> {
  const t0 = performance.now();
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<"timeout">((resolve) => {
    timer = setTimeout(() => resolve("timeout"), timeoutMs);
  });
  try {
    const outcome = await Promise.race([systemDb().$queryRaw`SELECT 1`.then(() => "ok" as const), timeout]);
    if (outcome === "timeout") return { ready: false, database: "timeout" };
  } catch {
    return { ready: false, database: "error" };
  } finally {
    clearTimeout(timer);
  }
  const mail = mailMode();
  if (mail === "not-configured") return { ready: false, database: "ok", mail };
  return { ready: true, ms: Math.round(performance.now() - t0), mail };
}

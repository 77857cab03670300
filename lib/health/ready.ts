import "server-only";
import { systemDb } from "@/lib/db/system";

export type Readiness = { ready: true; ms: number } | { ready: false; reason: "timeout" | "error" };

/** Does the database answer within `timeoutMs`? Never throws, never returns the error text. */
export async function checkReadiness({ timeoutMs = 2000 }: { timeoutMs?: number } = {}): Promise<Readiness> {
  const t0 = performance.now();
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<"timeout">((resolve) => {
    timer = setTimeout(() => resolve("timeout"), timeoutMs);
  });
  try {
    const outcome = await Promise.race([systemDb().$queryRaw`SELECT 1`.then(() => "ok" as const), timeout]);
    if (outcome === "timeout") return { ready: false, reason: "timeout" };
    return { ready: true, ms: Math.round(performance.now() - t0) };
  } catch {
    return { ready: false, reason: "error" };
  } finally {
    clearTimeout(timer);
  }
}

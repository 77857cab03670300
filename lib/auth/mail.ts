import "server-only";
import { systemDb } from "@/lib/db/system";
import { demoMode } from "@/lib/env-public";

export type Mail = { to: string; subject: string; body: string };

/**
 * Sends a mail. The demo build puts it in the demo outbox (a page shows it);
 * a production build has no mail transport yet and refuses, so nothing pretends
 * to have been sent (docs/decisions/009-sign-in.md).
 */
export async function sendMail(mail: Mail): Promise<void> {
  if (demoMode) {
    await systemDb().outboxEmail.create({ data: mail });
    return;
  }
  throw new Error("no mail transport is configured for this build");
}

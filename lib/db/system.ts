import "server-only";
import { db } from "./client";
import type { Db } from "./connect";

/**
 * The door to data that is nobody's record: what the app needs to run, which no
 * citizen owns and the policy has nothing to say about. Nothing through it is
 * decided by the policy or written to the access log.
 *
 * What goes through it:
 *  - sign-in: better-auth's tables (users, sessions, accounts, passkeys,
 *    verification tokens, its rate limits) through its adapter, and who the
 *    signed-in user is (their own citizen id, their staff membership) and how
 *    they asked to read (their text size; their own plan's easy-read choice,
 *    for their own pages only: lib/auth/reading.ts, decision 036);
 *  - MitID sign-ins under way, each used once (lib/mitid/requests.ts);
 *  - the attempt windows that throttle guessing (lib/security/attempts.ts);
 *  - the demo build's outbox;
 *  - the readiness check (`SELECT 1`);
 *  - the municipality and its service areas, and which areas a caseworker
 *    belongs to or leads.
 *
 * What must not: any table of a citizen's record (story, goals, agreements,
 * network, consents, contact wishes, messages, …), nor a citizen's name looked
 * up for someone else. Those go through the gate (lib/record/gate.ts), or, for
 * the few names-and-links reads that come before the gate, the directory door
 * (lib/db/directory.ts). docs/decisions/015-named-doors-to-the-database.md
 */
export function systemDb(): Db {
  return db();
}

import "server-only";
import { db } from "./client";
import type { Db } from "./connect";

/**
 * The directory: who is connected to whose record, and the names that go with
 * it. These reads and writes pass the gate (lib/record/gate.ts) on purpose,
 * because they come before it or beside it: the authority is a link itself (an
 * assignment to an area, a relationship the citizen gave, an invite token, a
 * caseworker's municipality), not the policy. Each function that uses it
 * writes exactly the log rows its tests expect, and no more: this door logs
 * nothing by itself.
 *
 * What goes through it:
 *  - a caseworker's caseload, work-list offers and team: the citizens' names,
 *    assignments, the state of consent, who holds the red thread
 *    (lib/staff/caseload.ts, lib/staff/team.ts), and an area lead's
 *    assignments of caseworkers;
 *  - finding a citizen's id by CPR hash in the caseworker's municipality,
 *    before the gate is asked for the rest (lib/staff/cpr-lookup.ts);
 *  - a relative's links: the plans shared with them, whether theirs has ended,
 *    what the citizen lets them do (lib/relatives/queries.ts), and an invite
 *    link looked up and redeemed (lib/relatives/invitations.ts);
 *  - a relative's own space, which is theirs, reached through their own active
 *    relationship (lib/relatives/space.ts), and their own requests for contact
 *    about their own situation (lib/relatives/contact.ts);
 *  - a caseworker's own direct phone and hours (lib/staff/profile.ts);
 *  - a MitID sign-in: the record kept under the person's CPR hash, bound to the
 *    account MitID vouched for, or a new record with their name (lib/mitid/enrol.ts).
 *
 * What must not: the content of a citizen's record (story, goals, agreements,
 * network, contact wishes, help, messages, …). What comes out of this door is
 * names, ids and states (whose consent is in force, whose link is active),
 * never a part of the plan. Reading or changing the plan is an access the
 * citizen must see in their log, so it goes through the gate. A new use of this door is a decision, not a shortcut: say why in
 * docs/decisions/015-named-doors-to-the-database.md.
 */
export function directoryDb(): Db {
  return db();
}

import "server-only";
import { Prisma } from "@/lib/db/generated/client";
import { db } from "@/lib/db/client";
import { decide, type Action, type DenyReason, type Part } from "@/lib/access/policy";
import {
  decideOperation,
  operation,
  type AcrossOperationName,
  type OneOperationName,
  type PartsOperationName,
  type Purpose,
} from "@/lib/access/operations";
import type { Actor } from "./actor";
import { resolvePositions, resolveStaffPositionsMany, type Position } from "./standing";
import type { Tx } from "./tx";
import { isId } from "@/lib/validation/fields";
import type { Result } from "@/lib/validation/result";
import { writeOutbox, type Tell } from "@/lib/notify/outbox";
import { recordFailure, type Limit } from "@/lib/security/attempts";

/**
 * THE door to the citizen record. Every read and write of citizen data goes
 * through `throughGate`, which in one transaction:
 *  1. finds where the actor stands toward the record (fresh from the database),
 *  2. asks the pure policy (lib/access/policy.ts),
 *  3. does the work,
 *  4. appends an access-log row for anyone but the citizen (allowed or denied),
 *  5. appends a change-log row for every change the work reports.
 * If a log row cannot be written, nothing is. A record the actor may not touch
 * looks exactly like one that does not exist. A stale write is refused with the
 * current copy (see `StaleWrite`), never applied.
 */

export type GateContext = {
  tx: Tx;
  actor: Actor;
  citizenId: string;
  /** The position the access was allowed under. */
  role: Position["role"];
  serviceAreaId: string | null;
  userId: string | null;
  /** The caseworker acting, when the actor is staff. */
  staffId: string | null;
  now: Date;
  /**
   * Would the policy also let this position do `action` to `part`? For telling
   * the reader what they could do next (show a form or not); it reads and logs
   * nothing, and the operation itself is decided again when it is asked for.
   */
  allows(part: Part, action: Action): boolean;
  /** Report a change for the change log. */
  changed(change: { entity: string; entityId: string; before: unknown; after: unknown; part?: Part }): void;
  /**
   * Tell someone about the change (lib/notify): written to the outbox in this
   * transaction, so it is sent only if the change commits, and then always.
   */
  tell(tell: Omit<Tell, "citizenId">): void;
};

/** Thrown by work that finds its row changed since the caller read it. */
export class StaleWrite extends Error {
  constructor(readonly current: unknown) {
    super("stale write");
  }
}

/**
 * Thrown by work that finds nothing to act on (what it was asked to change is
 * not in this record, or no longer there): the caller sees "not found", as for
 * a record it may not touch. The work is rolled back and no access is logged,
 * since nothing was done or shown; throw it before the work shows anything.
 */
export class NotFound extends Error {
  constructor() {
    super("not found");
  }
}

/**
 * Thrown by work that finds the input wrong only once it looks at the record (a
 * person who is not in this citizen's network, say). The work is rolled back
 * and the caller gets field errors as message keys; the attempt is logged as
 * an access, like a stale write (which shows the current copy).
 */
export class InvalidInput extends Error {
  constructor(readonly fieldErrors: Record<string, string[]>) {
    super("invalid input");
  }
}

type Change = { part: Part; entity: string; entityId: string; before: unknown; after: unknown };

const json = (value: unknown) =>
  value === undefined || value === null ? Prisma.DbNull : (JSON.parse(JSON.stringify(value)) as Prisma.InputJsonValue);

async function logAccess(
  tx: Tx,
  actor: Actor,
  citizenId: string,
  access: { part: Part; action: Action; purpose: Purpose },
  position: Position,
  outcome: "ALLOWED" | "DENIED",
  reason: DenyReason | null,
) {
  const actorUserId = actor.kind === "user" ? actor.userId : null;
  if (outcome === "DENIED") {
    // one row per actor, part, action, reason and hour, counted: repeats cannot flood the citizen's log
    await tx.$executeRaw`
      INSERT INTO "AccessLog" ("citizenId", "actorUserId", "actorName", "actorRole", "serviceAreaId", "part", "action",
                               "purpose", "outcome", "reason", "periodStart")
      VALUES (${citizenId}::uuid, ${actorUserId}, ${position.name}, ${position.role}::"ActorRole", ${position.serviceAreaId}::uuid,
              ${access.part}::"RecordPart", ${access.action}::"AccessAction", ${access.purpose}, 'DENIED', ${reason},
              date_trunc('hour', now() AT TIME ZONE 'UTC'))
      ON CONFLICT ("citizenId", "actorUserId", "part", "action", "reason", "periodStart") WHERE "outcome" = 'DENIED'
      DO UPDATE SET "count" = "AccessLog"."count" + 1`;
    return;
  }
  await tx.accessLog.create({
    data: {
      citizenId,
      actorUserId,
      actorName: position.name,
      actorRole: position.role,
      serviceAreaId: position.serviceAreaId,
      part: access.part,
      action: access.action,
      purpose: access.purpose,
      outcome,
      reason,
    },
  });
}

/**
 * Refusals are counted per person: past DENIALS_PER_WINDOW in a quarter of an hour, a refused call writes
 * nothing more to anyone's log (each hour's repeats are one counted row before that).
 */
const DENIALS: Omit<Limit, "key"> = { max: 200, windowSeconds: 15 * 60 };
/** Logs a refusal, unless this person has been refused too often lately. */
async function logDenial(
  tx: Tx,
  actor: Actor,
  citizenId: string,
  access: { part: Part; action: Action; purpose: Purpose },
  position: Position,
  reason: DenyReason | null,
  now: Date,
) {
  if (actor.kind !== "user") return;
  // counted in this transaction: a second connection from the same pool could wait on this one for ever
  // per person and record: one citizen's refusals never silence those on another's record
  const count = await recordFailure({ key: `denied:${actor.userId}:${citizenId}`, ...DENIALS }, now, tx);
  if (count <= DENIALS.max) await logAccess(tx, actor, citizenId, access, position, "DENIED", reason);
}

const staffIdOf = (actor: Actor) => (actor.kind === "user" && actor.staff ? actor.staff.staffId : null);

const TX_OPTIONS = { maxWait: 10_000, timeout: 20_000, isolationLevel: Prisma.TransactionIsolationLevel.ReadCommitted };

/**
 * Does the operation `name` (lib/access/operations.ts) on one citizen's record,
 * as `actor`: decided by the policy for every part it touches, logged, and its
 * changes recorded, in one transaction.
 */
/** The operations that bring a record into being, and so may `prepare` it in the gate's transaction. */
const CREATES_RECORD: ReadonlySet<OneOperationName> = new Set(["citizen.start-with"]);

export async function throughGate<T>(
  actor: Actor,
  citizenId: string,
  name: OneOperationName,
  work: (ctx: GateContext) => Promise<T>,
  /**
   * Runs first, in the same transaction, before the actor's standing is read: only for an operation that
   * brings a record into being (a caseworker starting a plan with a citizen), so the new record, the standing
   * it gives, and the log of it are one transaction — all or nothing.
   */
  options: { prepare?: (tx: Tx) => Promise<void> } = {},
): Promise<Result<T>> {
  const access = operation(name, "one");
  if (options.prepare && !CREATES_RECORD.has(name)) throw new Error(`${name} does not bring a record into being: no prepare`);
  // a malformed id is simply a record that does not exist
  if (!isId(citizenId)) return { ok: false, error: "not-found" };
  const now = new Date();
  // nobody signed in: refused at the door, before the gate reads or writes anything (never a citizen's business)
  if (actor.kind === "anonymous") return { ok: false, error: "not-found" };
  let attempted: Position | null = null;
  try {
    return await db().$transaction(async (tx) => {
      await options.prepare?.(tx);
      const { exists, positions } = await resolvePositions(tx, actor, citizenId, now);
      // what prepare wrote stands only if the operation is then allowed on it: otherwise it all rolls back
      if (!exists) {
        if (options.prepare) throw new NotFound();
        return { ok: false, error: "not-found" } as const;
      }

      const decisions = positions.map((position) => ({
        position,
        decision: decideOperation(access, position.standing, position.role, now),
      }));
      const allowed = decisions.find((d) => d.decision.allow);
      if (!allowed) {
        const first = decisions[0]!;
        // the citizen's own refused attempts are not someone else's access
        if (options.prepare) throw new NotFound();
        if (first.position.standing.kind !== "self")
          await logDenial(tx, actor, citizenId, access, first.position, first.decision.allow ? null : first.decision.reason, now);
        return { ok: false, error: "not-found" } as const;
      }

      const position = allowed.position;
      attempted = position;
      const changes: Change[] = [];
      const tells: Tell[] = [];
      const ctx: GateContext = {
        tx,
        actor,
        citizenId,
        role: position.role,
        serviceAreaId: position.serviceAreaId,
        userId: actor.kind === "user" ? actor.userId : null,
        staffId: staffIdOf(actor),
        now,
        allows: (part, action) => decide(position.standing, action, part, now).allow,
        changed: (c) => changes.push({ part: access.part, ...c }),
        tell: (t) => tells.push({ ...t, citizenId }),
      };
      const value = await work(ctx);
      await writeOutbox(tx, tells, ctx.userId);

      if (position.role !== "CITIZEN") await logAccess(tx, actor, citizenId, access, position, "ALLOWED", null);
      if (changes.length) {
        await tx.changeLog.createMany({
          data: changes.map((c) => ({
            citizenId,
            actorUserId: ctx.userId,
            actorName: position.name,
            actorRole: position.role,
            serviceAreaId: position.serviceAreaId,
            part: c.part,
            entity: c.entity,
            entityId: c.entityId,
            before: json(c.before),
            after: json(c.after),
          })),
        });
      }
      return { ok: true, value } as const;
    }, TX_OPTIONS);
  } catch (e) {
    if (e instanceof NotFound) return { ok: false, error: "not-found" };
    if (!(e instanceof StaleWrite) && !(e instanceof InvalidInput)) throw e;
    // The write was rolled back; the attempt itself is still an access to log.
    const position = attempted as Position | null;
    if (position && position.role !== "CITIZEN") {
      await db().$transaction((tx) => logAccess(tx, actor, citizenId, access, position, "ALLOWED", null), TX_OPTIONS);
    }
    return e instanceof StaleWrite
      ? { ok: false, error: "conflict", current: e.current }
      : { ok: false, error: "invalid", fieldErrors: e.fieldErrors };
  }
}

export type PartsContext = GateContext & {
  allowed: ReadonlySet<Part>;
  /**
   * A caseworker whose area may read more of these parts, but who has no need to know yet (decision 029): a
   * stated reason would open them. The page then asks why instead of showing an empty plan.
   */
  reasonWouldOpen: boolean;
};

/**
 * Reads several parts of a record at once (a page such as "my plan"), in one
 * transaction. The profile must be readable, or the record is not found; each
 * other part is decided on its own, and the work sees which were allowed. One
 * access-log row per part read, for anyone but the citizen.
 */
export async function readParts<T>(
  actor: Actor,
  citizenId: string,
  name: PartsOperationName,
  work: (ctx: PartsContext) => Promise<T>,
): Promise<Result<T>> {
  const op = operation(name, "parts");
  const { parts, purpose, staffPurpose } = op;
  if (!isId(citizenId)) return { ok: false, error: "not-found" };
  const now = new Date();
  if (actor.kind === "anonymous") return { ok: false, error: "not-found" };
  return db().$transaction(async (tx) => {
    const { exists, positions } = await resolvePositions(tx, actor, citizenId, now);
    if (!exists) return { ok: false, error: "not-found" } as const;
    // the page is open to a position the operation lets in (the profile readable); each other part is decided on its own
    const profile = positions.find((p) => decideOperation(op, p.standing, p.role, now).allow);
    const grants = new Map<Part, Position>();
    if (profile) grants.set("PROFILE", profile);
    for (const part of parts.filter((p) => p !== "PROFILE")) {
      const position = positions.find((p) => decide(p.standing, "READ", part, now).allow);
      if (position) grants.set(part, position);
    }
    if (!profile) {
      const first = positions[0]!;
      const decision = decideOperation(op, first.standing, first.role, now);
      await logDenial(
        tx,
        actor,
        citizenId,
        { part: "PROFILE", action: "READ", purpose },
        first,
        decision.allow ? null : decision.reason,
        now,
      );
      return { ok: false, error: "not-found" } as const;
    }
    const value = await work({
      tx,
      actor,
      citizenId,
      role: profile.role,
      serviceAreaId: profile.serviceAreaId,
      userId: actor.kind === "user" ? actor.userId : null,
      staffId: staffIdOf(actor),
      now,
      allowed: new Set(grants.keys()),
      reasonWouldOpen: positions.some(({ standing: s }) => {
        if (s.kind !== "staff" || s.knows) return false;
        return parts.some((part) => !grants.has(part) && decide({ ...s, knows: "stated-reason" }, "READ", part, now).allow);
      }),
      allows: (part, action) => positions.some((p) => decide(p.standing, action, part, now).allow),
      changed: () => {
        throw new Error("readParts is for reading");
      },
      tell: () => {
        throw new Error("readParts is for reading");
      },
    });
    if (profile.role !== "CITIZEN") {
      await tx.accessLog.createMany({
        data: [...grants].map(([part, position]) => ({
          citizenId,
          actorUserId: actor.kind === "user" ? actor.userId : null,
          actorName: position.name,
          actorRole: position.role,
          serviceAreaId: position.serviceAreaId,
          part,
          action: "READ" as const,
          purpose: (position.role === "STAFF" ? staffPurpose?.[part] : undefined) ?? purpose,
          outcome: "ALLOWED" as const,
        })),
      });
    }
    return { ok: true, value } as const;
  }, TX_OPTIONS);
}

/** What `readAcross` work reports: its value, and which citizen's which part it showed. */
export type Shown<T> = { value: T; shown: { citizenId: string; part: Part }[] };

/**
 * Signals across many records at once, for a caseworker's work list (an open
 * request for contact, an agreement due): for each citizen the policy decides
 * which of `parts` the caseworker may read, through which area; the work reads
 * only those, and reports what it showed. One access-log row per citizen and
 * part shown, in the same transaction. Records the caseworker may not read
 * give the work nothing, and nothing is logged for what was not shown.
 */
export async function readAcross<T>(
  actor: Actor,
  citizenIds: readonly string[],
  name: AcrossOperationName,
  work: (tx: Tx, may: (citizenId: string, part: Part) => boolean, now: Date) => Promise<Shown<T>>,
): Promise<T> {
  const op = operation(name, "across");
  const { parts, purpose } = op;
  const now = new Date();
  return db().$transaction(async (tx) => {
    const positions = await resolveStaffPositionsMany(tx, actor, citizenIds.filter(isId), now);
    // per citizen, the positions the operation lets in at all; then each part on its own
    const through = (citizenId: string, part: Part) =>
      parts.includes(part)
        ? positions
            .get(citizenId)
            ?.filter((p) => decideOperation(op, p.standing, p.role, now).allow)
            .find((p) => decide(p.standing, "READ", part, now).allow)
        : undefined;
    const { value, shown } = await work(tx, (citizenId, part) => Boolean(through(citizenId, part)), now);
    const rows = [...new Map(shown.map((s) => [`${s.citizenId}:${s.part}`, s])).values()].flatMap(({ citizenId, part }) => {
      const position = through(citizenId, part);
      if (!position) throw new Error(`readAcross: ${part} was shown without being allowed`);
      return [
        {
          citizenId,
          actorUserId: actor.kind === "user" ? actor.userId : null,
          actorName: position.name,
          actorRole: "STAFF" as const,
          serviceAreaId: position.serviceAreaId,
          part,
          action: "READ" as const,
          purpose,
          outcome: "ALLOWED" as const,
        },
      ];
    });
    if (rows.length) await tx.accessLog.createMany({ data: rows });
    return value;
  }, TX_OPTIONS);
}

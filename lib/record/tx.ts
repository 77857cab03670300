import type { Db } from "@/lib/db/connect";

/** A transaction of the record gate: the Prisma client's, without the transaction starters. */
export type Tx = Omit<Db, "$connect" | "$disconnect" | "$on" | "$transaction" | "$extends">;

/**
 * Who works with a citizen changes one step at a time: an area lead's
 * assignments and the red thread changing hands take this lock (until the
 * transaction ends), so ending someone's assignment and their taking the red
 * thread never pass each other.
 */
export const lockCitizenWork = (tx: Tx, citizenId: string) =>
  tx.$queryRaw`SELECT 1 AS locked FROM pg_advisory_xact_lock(hashtext(${`assignment:${citizenId}`}))`;

/** Whether PostgreSQL refused a row for a unique index: a rule held when two requests raced. */
export const isUniqueViolation = (e: unknown) =>
  typeof e === "object" && e !== null && "code" in e && (e as { code: unknown }).code === "P2002";

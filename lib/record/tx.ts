import type { Db } from "@/lib/db/connect";

/** A transaction of the record gate: the Prisma client's, without the transaction starters. */
export type Tx = Omit<Db, "$connect" | "$disconnect" | "$on" | "$transaction" | "$extends">;

import "server-only";
import { env } from "@/lib/env";
import { connect, type Db } from "./connect";

// One client per server process; kept on globalThis so `next dev` reloads do
// not open a new pool on every change.
const shared = globalThis as unknown as { __db?: Db };

/**
 * The server's database client. Only the named doors use it: the record gate
 * (lib/record/gate.ts), systemDb() (./system.ts) and directoryDb()
 * (./directory.ts); lint holds the line (eslint.config.mjs,
 * docs/decisions/015-named-doors-to-the-database.md).
 */
export function db(): Db {
  shared.__db ??= connect(env().DATABASE_URL);
  return shared.__db;
}

import { afterAll, beforeAll, inject } from "vitest";
import { connect, type Db } from "@/lib/db/connect";
import { useDatabase } from "./fixtures";

/**
 * This test file's database, shared with lib/ (lib/db keeps one client per
 * process): the tests arrange and look with the same client the gate uses.
 * Connected for the file, disconnected after it.
 */
export function appDatabase(options: { max?: number; onQuery?: (sql: string) => void } = {}): Db {
  const url = inject("databaseUrl");
  const db = connect(url, { max: 4, ...options });
  const shared = globalThis as { __db?: Db };
  beforeAll(async () => {
    await useDatabase(url);
    shared.__db = db;
  });
  afterAll(async () => {
    await db.$disconnect();
    delete shared.__db;
  });
  return db;
}

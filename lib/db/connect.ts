import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "./generated/client";

export type Db = PrismaClient;

/**
 * A Prisma client on the given PostgreSQL URL, through node-postgres.
 * `onQuery` sees every SQL statement (benchmarks count them); never log their parameters.
 */
export function connect(url: string, { max = 10, onQuery }: { max?: number; onQuery?: (sql: string) => void } = {}): Db {
  const adapter = new PrismaPg({ connectionString: url, max });
  if (!onQuery) return new PrismaClient({ adapter });
  const client = new PrismaClient({ adapter, log: [{ emit: "event", level: "query" }] });
  client.$on("query", (e) => onQuery(e.query));
  return client;
}

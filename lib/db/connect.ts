import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "./generated/client";

export type Db = PrismaClient;

/** A Prisma client on the given PostgreSQL URL, through node-postgres. */
export function connect(url: string, { max = 10 }: { max?: number } = {}): Db {
  return new PrismaClient({ adapter: new PrismaPg({ connectionString: url, max }) });
}

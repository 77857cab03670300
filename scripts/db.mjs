#!/usr/bin/env node
// Database chores with the commands Prisma users know, on the embedded
// cluster when DATABASE_URL is not set (started for the command, then stopped).
//
//   npm run db                  run the embedded dev cluster until Ctrl-C
//   npm run db:migrate -- NAME  prisma migrate dev --name NAME (write + apply a migration)
//   npm run db:deploy           prisma migrate deploy (apply pending migrations)
//   npm run db:status           prisma migrate status
//   npm run db:seed             seed the demo municipality when the database is empty
import { spawnSync } from "node:child_process";
import { startEmbedded } from "./embedded-db.mjs";
import { prisma } from "./prisma.mjs";

/** Runs fn(url) on DATABASE_URL, or on the embedded cluster `name`, started for the call. */
export async function withDatabase(fn, { name = process.env.EMBEDDED_PG_NAME ?? "dev", log = () => {} } = {}) {
  if (process.env.DATABASE_URL) return fn(process.env.DATABASE_URL, null);
  const db = await startEmbedded({ name, log });
  try {
    return await fn(db.url, db);
  } finally {
    await db.stop();
  }
}

/** Applies pending migrations to `url`; throws when Prisma fails. */
export function deploy(url, { quiet = false } = {}) {
  const result = prisma(["migrate", "deploy"], { env: { ...process.env, DATABASE_URL: url }, capture: quiet });
  if (result.status !== 0) throw new Error(`prisma migrate deploy failed:\n${result.stdout}${result.stderr}`);
  return result;
}

/** Seeds the demo municipality into `url` unless it already has one. */
export function seed(url) {
  // react-server: lets lib/ modules marked `server-only` load outside Next.
  const result = spawnSync(process.execPath, ["--conditions=react-server", "--import", "tsx", "prisma/seed.ts"], {
    stdio: "inherit",
    env: { ...process.env, DATABASE_URL: url },
  });
  if (result.status !== 0) throw new Error("seeding the demo data failed");
}

async function main([command, ...rest]) {
  const env = (url) => ({ ...process.env, DATABASE_URL: url });
  switch (command) {
    case undefined: {
      const db = await startEmbedded({ log: (m) => process.env.PG_VERBOSE && console.log("[pg]", m) });
      console.log(`embedded PostgreSQL ready in ${db.ms} ms: ${db.url}  (Ctrl-C stops it)`);
      const stop = async () => {
        await db.stop();
        process.exit(0);
      };
      process.on("SIGINT", stop);
      process.on("SIGTERM", stop);
      return;
    }
    case "migrate": {
      if (!rest[0] || rest[0].startsWith("-")) throw new Error("name the migration: npm run db:migrate -- add_goals");
      const [name, ...flags] = rest;
      return withDatabase((url) => process.exit(prisma(["migrate", "dev", "--name", name, ...flags], { env: env(url) }).status));
    }
    case "deploy":
      return withDatabase((url) => process.exit(prisma(["migrate", "deploy"], { env: env(url) }).status));
    case "status":
      return withDatabase((url) => process.exit(prisma(["migrate", "status"], { env: env(url) }).status));
    case "seed":
      return withDatabase((url) => {
        deploy(url);
        seed(url);
      });
    default:
      throw new Error(`unknown command "${command}": use migrate, deploy, status or seed`);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main(process.argv.slice(2)).catch((e) => {
    console.error(`[db] ${e.message}`);
    process.exit(1);
  });
}

import { defineConfig } from "prisma/config";

// Prisma 7 reads no .env file. Without DATABASE_URL the CLI talks to the
// embedded "dev" cluster (scripts/embedded-db.mjs); `npm run db:*` starts it.
export default defineConfig({
  schema: "prisma/schema",
  migrations: { path: "prisma/migrations", seed: "tsx prisma/seed.ts" },
  datasource: { url: process.env.DATABASE_URL ?? "postgresql://postgres:password@127.0.0.1:54329/app" },
});

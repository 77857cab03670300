import { defineConfig } from "prisma/config";
import { embeddedUrls } from "./scripts/embedded-db.mjs";

// Prisma 7 reads no .env file. Without DATABASE_URL the CLI talks to the
// embedded "dev" cluster (scripts/embedded-db.mjs; `npm run db` runs it) as
// its owner, with the password kept for it outside the checkout.
function embeddedDev() {
  try {
    return embeddedUrls({ name: "dev" }).ownerUrl;
  } catch {
    return "postgresql://postgres@127.0.0.1:54329/app"; // never started here: the CLI says it cannot connect
  }
}

export default defineConfig({
  schema: "prisma/schema",
  migrations: { path: "prisma/migrations", seed: "tsx prisma/seed.ts" },
  datasource: { url: process.env.DATABASE_URL ?? embeddedDev() },
});

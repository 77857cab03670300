import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { createSerwistRoute } from "@serwist/turbopack";
import { routing } from "@/lib/i18n/routing";

// The offline pages change when their words do: revision them by the catalogues.
const revision = createHash("sha256")
  .update(routing.locales.map((l) => readFileSync(`messages/${l}.json`, "utf8")).join("\n"))
  .digest("hex")
  .slice(0, 16);

// Serves /serwist/sw.js, built from app/sw.ts with the list of static files to precache.
export const { dynamic, dynamicParams, revalidate, generateStaticParams, GET } = createSerwistRoute({
  swSrc: "app/sw.ts",
  useNativeEsbuild: true,
  additionalPrecacheEntries: routing.locales.map((l) => ({ url: `/${l}/offline`, revision })),
});

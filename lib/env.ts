import { z } from "zod";

/**
 * The server's configuration, read once from the environment and checked.
 * Nothing else in app/, components/ or lib/ reads process.env (lint holds the line).
 */
const schema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: z
    .string({ error: "DATABASE_URL is missing: start the app with `npm run dev` or set it to a PostgreSQL URL" })
    .regex(/^postgres(ql)?:\/\/\S+$/, "DATABASE_URL must be a postgresql:// URL"),
});

export type Env = z.infer<typeof schema>;

/** Parses an environment; throws one readable error naming every bad variable. */
export function parseEnv(source: Record<string, string | undefined>): Env {
  const result = schema.safeParse(source);
  if (!result.success) {
    const problems = result.error.issues.map((i) => `- ${i.path.join(".")}: ${i.message}`).join("\n");
    throw new Error(`The server's environment is not valid:\n${problems}`);
  }
  return result.data;
}

let cached: Env | undefined;

/** The checked environment of this process (parsed on first use, not at import, so builds need no database). */
export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}

import { describe, expect, it } from "vitest";
import { parseEnv } from "@/lib/env";

describe("the server's environment", () => {
  it("accepts a PostgreSQL URL and defaults NODE_ENV", () => {
    const env = parseEnv({ DATABASE_URL: "postgresql://u:p@127.0.0.1:5432/app" });
    expect(env).toEqual({ DATABASE_URL: "postgresql://u:p@127.0.0.1:5432/app", NODE_ENV: "development" });
  });

  it("says plainly when DATABASE_URL is missing", () => {
    expect(() => parseEnv({})).toThrow(/DATABASE_URL is missing/);
  });

  it("refuses a URL that is not PostgreSQL, naming the variable", () => {
    expect(() => parseEnv({ DATABASE_URL: "mysql://x@y/z" })).toThrow(/DATABASE_URL: DATABASE_URL must be a postgresql:\/\/ URL/);
  });

  it("refuses an unknown NODE_ENV", () => {
    expect(() => parseEnv({ DATABASE_URL: "postgres://a@b/c", NODE_ENV: "staging" })).toThrow(/NODE_ENV/);
  });
});

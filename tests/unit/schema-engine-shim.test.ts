import { describe, expect, it } from "vitest";
import { errorCode, logLine, opt, pgConfig } from "../../scripts/schema-engine-shim.mjs";

describe("the schema-engine shim's translations", () => {
  it("reads node-postgres fields from a URL, decoding user and password", () => {
    expect(pgConfig("postgresql://me%40work:p%2Fss%3A1@db.local:6543/my%20db")).toEqual({
      host: "db.local",
      port: 6543,
      database: "my db",
      user: "me@work",
      password: "p/ss:1",
    });
  });

  it("never returns a connectionString (it would make the shadow database the main one)", () => {
    expect(pgConfig("postgres://u:p@h/d")).not.toHaveProperty("connectionString");
    expect(pgConfig("postgres://u:p@h/d").port).toBe(5432);
  });

  it("refuses URLs of other databases", () => {
    expect(() => pgConfig("mysql://u:p@h/d")).toThrow(/not a PostgreSQL URL/);
  });

  it("maps connection failures to the codes the Prisma CLI understands", () => {
    expect(errorCode({ code: "3D000" })).toBe("P1003");
    expect(errorCode({ code: "ECONNREFUSED" })).toBe("P1001");
    expect(errorCode({ code: "28P01" })).toBe("P1000");
  });

  it("writes log lines the CLI parses for error_code and message", () => {
    const line = JSON.parse(logLine("ERROR", "boom", { error_code: "P1001" }));
    expect(line).toEqual({ level: "ERROR", target: "schema_engine::logger", fields: { message: "boom", error_code: "P1001" } });
  });

  it("collects repeated flags in order", () => {
    expect(opt(["--datamodels", "a.prisma", "--x", "--datamodels", "b.prisma"], "--datamodels")).toEqual(["a.prisma", "b.prisma"]);
    expect(opt(["--datamodels"], "--datamodels")).toEqual([]);
  });
});

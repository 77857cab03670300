import { describe, expect, it } from "vitest";
import { parseEnv } from "@/lib/env";

describe("the server's environment", () => {
  it("accepts a PostgreSQL URL and defaults NODE_ENV", () => {
    const env = parseEnv({ DATABASE_URL: "postgresql://u:p@127.0.0.1:5432/app" });
    expect(env).toMatchObject({
      DATABASE_URL: "postgresql://u:p@127.0.0.1:5432/app",
      NODE_ENV: "development",
      APP_URL: "http://localhost:3000",
    });
  });

  it("says plainly when DATABASE_URL is missing", () => {
    expect(() => parseEnv({})).toThrow(/DATABASE_URL is missing/);
  });

  it("refuses a URL that is not PostgreSQL, naming the variable", () => {
    expect(() => parseEnv({ DATABASE_URL: "mysql://x@y/z" })).toThrow(/DATABASE_URL: DATABASE_URL must be a postgresql:\/\/ URL/);
  });

  it("requires a real AUTH_SECRET in a production build, and a long one", () => {
    const base = {
      DATABASE_URL: "postgres://a@b/c",
      NODE_ENV: "production",
      CPR_HASH_KEY: "y".repeat(32),
      APP_URL: "https://fortael.kommune.dk",
    };
    expect(() => parseEnv(base)).toThrow(/AUTH_SECRET is required in production/);
    expect(() => parseEnv({ ...base, AUTH_SECRET: "short" })).toThrow(/at least 32 characters/);
    expect(parseEnv({ ...base, AUTH_SECRET: "x".repeat(32) }).AUTH_SECRET).toBe("x".repeat(32));
  });

  it("asks for the client id when a staff identity provider is named", () => {
    expect(() => parseEnv({ DATABASE_URL: "postgres://a@b/c", STAFF_OIDC_ISSUER: "https://idp.example" })).toThrow(/STAFF_OIDC_CLIENT_ID/);
  });

  it("takes the client's address only from a named proxy header", () => {
    expect(() => parseEnv({ DATABASE_URL: "postgres://a@b/c", TRUSTED_PROXY_IP_HEADER: "x real ip" })).toThrow(/TRUSTED_PROXY_IP_HEADER/);
    expect(parseEnv({ DATABASE_URL: "postgres://a@b/c" }).TRUSTED_PROXY_IP_HEADER).toBeUndefined();
  });

  it("takes a mail server with who the mail is from, and sends unencrypted only to a relay on this machine", () => {
    const base = { DATABASE_URL: "postgres://a@b/c" };
    expect(() => parseEnv({ ...base, SMTP_HOST: "smtp.kommune.dk" })).toThrow(/MAIL_FROM is required with SMTP_HOST/);
    expect(() => parseEnv({ ...base, SMTP_HOST: "smtp.kommune.dk", MAIL_FROM: "not an address" })).toThrow(/MAIL_FROM must be an address/);
    expect(() => parseEnv({ ...base, SMTP_HOST: "smtp.kommune.dk", MAIL_FROM: "a@b.dk", SMTP_USER: "u" })).toThrow(
      /SMTP_PASSWORD is required/,
    );
    expect(() => parseEnv({ ...base, SMTP_HOST: "smtp.kommune.dk", MAIL_FROM: "a@b.dk", SMTP_SECURITY: "none" })).toThrow(
      /only for a mail relay on this machine/,
    );
    expect(() => parseEnv({ ...base, SMTP_HOST: "smtp.kommune.dk", MAIL_FROM: "a@b.dk", SMTP_SECURITY: "ssl" })).toThrow(/SMTP_SECURITY/);
    const ok = parseEnv({ ...base, SMTP_HOST: "smtp.kommune.dk", MAIL_FROM: "Fortæl det én gang <noreply@kommune.dk>" });
    expect(ok).toMatchObject({ SMTP_PORT: 587, SMTP_SECURITY: "starttls" });
    expect(parseEnv({ ...base, SMTP_HOST: "127.0.0.1", MAIL_FROM: "a@b.dk", SMTP_SECURITY: "none" }).SMTP_SECURITY).toBe("none");
  });

  it("requires APP_URL in a production build: links in mail must never point at localhost by default", () => {
    const prod = { DATABASE_URL: "postgres://a@b/c", NODE_ENV: "production", AUTH_SECRET: "x".repeat(32), CPR_HASH_KEY: "y".repeat(32) };
    expect(() => parseEnv(prod)).toThrow(/APP_URL is required in production/);
    expect(parseEnv({ ...prod, APP_URL: "https://fortael.kommune.dk" }).APP_URL).toBe("https://fortael.kommune.dk");
  });

  it("picks the mail port from how it is secured", () => {
    const mail = { DATABASE_URL: "postgres://a@b/c", SMTP_HOST: "smtp.kommune.dk", MAIL_FROM: "a@b.dk" };
    expect(parseEnv(mail).SMTP_PORT).toBe(587);
    expect(parseEnv({ ...mail, SMTP_SECURITY: "tls" }).SMTP_PORT).toBe(465);
    expect(parseEnv({ ...mail, SMTP_SECURITY: "tls", SMTP_PORT: "2465" }).SMTP_PORT).toBe(2465);
    expect(() => parseEnv({ ...mail, SMTP_HOST: "smtp.kommune.dk:25" })).toThrow(/no port: that is SMTP_PORT/);
  });

  it("refuses an unknown NODE_ENV", () => {
    expect(() => parseEnv({ DATABASE_URL: "postgres://a@b/c", NODE_ENV: "staging" })).toThrow(/NODE_ENV/);
  });
});

import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { getPathMatch } from "next/dist/shared/lib/router/utils/path-match";
import { contentSecurityPolicy, newNonce, NOT_PROXIED, securityHeaders } from "@/lib/security/headers";

// Next reads the proxy's matcher from the file's text (it must be a literal there), and so does this test
const matcher = JSON.parse(/matcher: ("(?:[^"\\]|\\.)*")/.exec(fs.readFileSync("proxy.ts", "utf8"))![1]!) as string;

const asMap = (production: boolean) => new Map(securityHeaders({ production }).map((h) => [h.key, h.value]));
const directives = (policy: string) => new Map(policy.split("; ").map((d) => [d.split(" ")[0], d.split(" ").slice(1)]));

describe("security headers", () => {
  it("forbid framing, sniffing and leaking the address to other sites", () => {
    const h = asMap(true);
    expect(h.get("X-Frame-Options")).toBe("DENY");
    expect(h.get("X-Content-Type-Options")).toBe("nosniff");
    expect(h.get("Referrer-Policy")).toBe("strict-origin-when-cross-origin");
    for (const nonce of [undefined, "abc"]) {
      const csp = contentSecurityPolicy({ production: true, nonce });
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).toContain("object-src 'none'");
      expect(csp).toContain("form-action 'self'");
      expect(csp).toContain("base-uri 'self'");
    }
  });

  it("let a page's scripts run only with its nonce, and what they load (strict-dynamic), never inline", () => {
    const csp = contentSecurityPolicy({ production: true, nonce: "bm9uY2Ugb2YgdGhpcyBwYWdl" });
    expect(csp).toBe(
      "default-src 'self'; script-src 'self' 'nonce-bm9uY2Ugb2YgdGhpcyBwYWdl' 'strict-dynamic'; style-src 'self' 'unsafe-inline'; " +
        "img-src 'self' data: blob:; font-src 'self'; connect-src 'self'; worker-src 'self'; manifest-src 'self'; " +
        "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'",
    );
    for (const production of [true, false]) {
      const scripts = directives(contentSecurityPolicy({ production, nonce: "abc" })).get("script-src");
      expect(scripts).toEqual(expect.arrayContaining(["'nonce-abc'", "'strict-dynamic'"]));
      expect(scripts).not.toContain("'unsafe-inline'");
    }
  });

  it("allow no inline script at all where there is no nonce (API routes, files)", () => {
    const scripts = directives(contentSecurityPolicy({ production: true })).get("script-src");
    expect(scripts).toEqual(["'self'"]);
  });

  it("allow eval and websockets only in development (hot reload)", () => {
    for (const nonce of [undefined, "abc"]) {
      expect(contentSecurityPolicy({ production: true, nonce })).not.toMatch(/unsafe-eval|ws:/);
      expect(contentSecurityPolicy({ production: false, nonce })).toMatch(/'unsafe-eval'.*ws:/);
    }
  });

  it("pin HTTPS in production only", () => {
    expect(asMap(true).get("Strict-Transport-Security")).toMatch(/max-age=\d{8}/);
    expect(asMap(false).has("Strict-Transport-Security")).toBe(false);
  });

  it("leave the policy to one place: securityHeaders never sends one", () => {
    for (const production of [true, false]) expect(asMap(production).has("Content-Security-Policy")).toBe(false);
  });

  it("make a fresh nonce each time: 128 random bits in base64, as Next reads it from the policy", () => {
    const nonces = Array.from({ length: 1000 }, newNonce);
    expect(new Set(nonces).size).toBe(nonces.length);
    for (const nonce of nonces) {
      expect(nonce).toMatch(/^[A-Za-z0-9+/]{22}==$/);
      expect(Buffer.from(nonce, "base64")).toHaveLength(16);
    }
  });
});

describe("one policy per response", () => {
  // Next compiles both with path-to-regexp; the proxy's matcher is the whole path after the slash
  const proxied = getPathMatch(matcher);
  const notProxied = getPathMatch(NOT_PROXIED);
  const paths = [
    "/",
    "/da",
    "/en",
    "/da/plan",
    "/da/plan/goals/5b8a0c2e-6c53-4f3e-9a57-1f1c1b0e8d9a",
    "/da/plan/print",
    "/en/staff/citizens/5b8a0c2e-6c53-4f3e-9a57-1f1c1b0e8d9a/letter",
    "/da/invite/abc",
    "/da/offline",
    "/da/sign-in",
    "/da/plan/people",
    "/apiary",
    "/api/health",
    "/api/auth/magic-link/verify",
    "/_next/static/chunks/main.js",
    "/serwist/sw.js",
    "/manifest/da",
    "/icons/icon.svg",
    "/fonts/x.woff2",
    "/favicon.ico",
    "/robots.txt",
  ];

  it.each(paths)("%s gets its policy from the proxy or from next.config.ts, never both, never neither", (path) => {
    expect(Boolean(proxied(path)) !== Boolean(notProxied(path))).toBe(true);
  });

  it("pages go through the proxy, and what holds no page does not", () => {
    expect(paths.filter((p) => proxied(p))).toEqual([
      "/",
      "/da",
      "/en",
      "/da/plan",
      "/da/plan/goals/5b8a0c2e-6c53-4f3e-9a57-1f1c1b0e8d9a",
      "/da/plan/print",
      "/en/staff/citizens/5b8a0c2e-6c53-4f3e-9a57-1f1c1b0e8d9a/letter",
      "/da/invite/abc",
      "/da/offline",
      "/da/sign-in",
      "/da/plan/people",
    ]);
  });
});

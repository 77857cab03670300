import { describe, expect, it } from "vitest";
import { securityHeaders } from "@/lib/security/headers";

const asMap = (production: boolean) => new Map(securityHeaders({ production }).map((h) => [h.key, h.value]));

describe("security headers", () => {
  it("forbid framing, sniffing and leaking the address to other sites", () => {
    const h = asMap(true);
    expect(h.get("X-Frame-Options")).toBe("DENY");
    expect(h.get("X-Content-Type-Options")).toBe("nosniff");
    expect(h.get("Referrer-Policy")).toBe("strict-origin-when-cross-origin");
    expect(h.get("Content-Security-Policy")).toContain("frame-ancestors 'none'");
    expect(h.get("Content-Security-Policy")).toContain("object-src 'none'");
    expect(h.get("Content-Security-Policy")).toContain("form-action 'self'");
  });

  it("allow eval and websockets only in development (hot reload)", () => {
    expect(asMap(true).get("Content-Security-Policy")).not.toMatch(/unsafe-eval|ws:/);
    expect(asMap(false).get("Content-Security-Policy")).toMatch(/'unsafe-eval'.*ws:/);
  });

  it("pin HTTPS in production only", () => {
    expect(asMap(true).get("Strict-Transport-Security")).toMatch(/max-age=\d{8}/);
    expect(asMap(false).has("Strict-Transport-Security")).toBe(false);
  });
});

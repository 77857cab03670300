import { expect, test } from "@playwright/test";

test.describe("for operators", () => {
  test("/api/health and /api/ready answer, and are never cached", async ({ request }) => {
    const health = await request.get("/api/health");
    expect(health.status()).toBe(200);
    expect(await health.json()).toEqual({ status: "ok" });
    const ready = await request.get("/api/ready");
    expect(ready.status()).toBe(200);
    expect(await ready.json()).toMatchObject({ status: "ready", database: "ok" });
    expect(ready.headers()["cache-control"]).toBe("no-store");
  });

  test("every page is sent with the security headers", async ({ request }) => {
    const res = await request.get("/da");
    const h = res.headers();
    expect(h["content-security-policy"]).toContain("frame-ancestors 'none'");
    expect(h["content-security-policy"]).not.toContain("unsafe-eval"); // a production build
    expect(h["x-frame-options"]).toBe("DENY");
    expect(h["x-content-type-options"]).toBe("nosniff");
    expect(h["strict-transport-security"]).toBeTruthy();
    expect(h["x-powered-by"]).toBeUndefined();
  });
});

import { afterEach, beforeEach, describe, expect, inject, it, vi } from "vitest";

// The route handlers themselves, on a real database. Each test loads them fresh
// with its own DATABASE_URL (lib/env and lib/db keep one per process).
async function loadRoutes(databaseUrl: string) {
  vi.resetModules();
  delete (globalThis as { __db?: unknown }).__db;
  process.env.DATABASE_URL = databaseUrl;
  const [health, ready] = await Promise.all([import("@/app/api/health/route"), import("@/app/api/ready/route")]);
  return { health, ready };
}

describe("operator endpoints", () => {
  const saved = process.env.DATABASE_URL;
  beforeEach(() => vi.resetModules());
  afterEach(async () => {
    const shared = globalThis as { __db?: { $disconnect(): Promise<void> } };
    await shared.__db?.$disconnect();
    delete shared.__db;
    process.env.DATABASE_URL = saved;
  });

  it("/api/health says the process is up, without asking the database", async () => {
    const { health } = await loadRoutes("postgresql://nobody:x@127.0.0.1:1/none");
    const res = health.GET();
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: "ok" });
    expect(res.headers.get("cache-control")).toBe("no-store");
  });

  it("/api/ready is 200 when the database answers", async () => {
    const { ready } = await loadRoutes(inject("databaseUrl"));
    const res = await ready.GET();
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ status: "ready", database: "ok" });
  });

  it("/api/ready is 503 when the database is down, and does not leak the error or the URL", async () => {
    const { ready } = await loadRoutes("postgresql://secret-user:secret-pass@127.0.0.1:1/none");
    const res = await ready.GET();
    expect(res.status).toBe(503);
    const body = await res.text();
    expect(JSON.parse(body)).toEqual({ status: "unavailable", database: "error" });
    expect(body).not.toMatch(/secret|127\.0\.0\.1|ECONNREFUSED/);
  });
});

import { afterEach, beforeEach, describe, expect, inject, it, vi } from "vitest";

// The route handlers themselves, on a real database. Each test loads them fresh
// with its own DATABASE_URL and mail settings (lib/env and lib/db keep one per process).
// A production-like server: no demo outbox; a mail server named unless a test says otherwise.
const MAIL = { SMTP_HOST: "127.0.0.1", SMTP_PORT: "2525", SMTP_SECURITY: "none", MAIL_FROM: "Fortæl det én gang <noreply@example.test>" };
const MAIL_KEYS = [...Object.keys(MAIL), "TIO_DEMO"];
async function loadRoutes(databaseUrl: string, mail: Record<string, string> = MAIL) {
  vi.resetModules();
  delete (globalThis as { __db?: unknown }).__db;
  process.env.DATABASE_URL = databaseUrl;
  for (const key of MAIL_KEYS) delete process.env[key];
  Object.assign(process.env, { TIO_DEMO: "0" }, mail);
  const [health, ready] = await Promise.all([import("@/app/api/health/route"), import("@/app/api/ready/route")]);
  return { health, ready };
}

/**
 * The readiness answer once the database has answered at all, polled as a readiness probe does: a new pool's
 * first connection on a busy machine may take longer than the check's two seconds, and then it honestly says
 * "timeout". What is asserted is what it says once the database answers.
 */
async function settled(ready: { GET(): Promise<Response> }) {
  for (let i = 0; ; i++) {
    const res = await ready.GET();
    const body = (await res.json()) as Record<string, unknown>;
    if (body.database !== "timeout" || i >= 10) return { status: res.status, body };
    await new Promise((r) => setTimeout(r, 500));
  }
}

describe("operator endpoints", () => {
  const saved = process.env.DATABASE_URL;
  beforeEach(() => vi.resetModules());
  afterEach(async () => {
    const shared = globalThis as { __db?: { $disconnect(): Promise<void> } };
    await shared.__db?.$disconnect();
    delete shared.__db;
    process.env.DATABASE_URL = saved;
    for (const key of MAIL_KEYS) delete process.env[key];
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
    // polled, as a readiness probe does: a new pool's first connection on a busy machine may take longer
    // than the check's two seconds (then it honestly says "timeout"); it must become ready
    const res = await settled(ready);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: "ready", database: "ok", mail: "smtp" });
  });

  it("/api/ready is 503 when no mail server is set up, and says that is why: nobody could get a sign-in link", async () => {
    const { ready } = await loadRoutes(inject("databaseUrl"), {});
    const res = await settled(ready);
    expect(res.status).toBe(503);
    expect(res.body).toEqual({ status: "unavailable", database: "ok", mail: "not-configured" });
    // the demo build's outbox is a way to send them
    const demo = await loadRoutes(inject("databaseUrl"), { TIO_DEMO: "1" });
    expect((await settled(demo.ready)).body).toMatchObject({ status: "ready", mail: "demo-outbox" });
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

import "server-only";
import pg from "pg";

/**
 * Wakes the worker's relay when something is written to the outbox: a trigger
 * on the table sends NOTIFY tio_outbox at commit (prisma/migrations/…_notifications).
 * Polling stays as the safety net, so a lost connection delays, never loses.
 * A door of its own (eslint.config.mjs), though nothing passes through it: it
 * listens for the signal, and reads and writes nothing.
 */
export async function listenForOutbox(url: string, onWake: () => void): Promise<{ stop(): Promise<void> }> {
  let client: pg.Client | null = null;
  let stopped = false;
  const connect = async () => {
    if (stopped) return;
    const c = new pg.Client({ connectionString: url, application_name: "tell-it-once-worker-listen" });
    c.on("error", () => {
      // reconnect after a pause; the poll carries on meanwhile
      client = null;
      void c.end().catch(() => {});
      setTimeout(() => void connect().catch(() => {}), 2000).unref();
    });
    c.on("notification", () => onWake());
    await c.connect();
    await c.query("LISTEN tio_outbox");
    client = c;
  };
  await connect();
  return {
    async stop() {
      stopped = true;
      await client?.end().catch(() => {});
    },
  };
}

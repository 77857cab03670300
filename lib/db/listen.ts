import "server-only";
import pg from "pg";

/**
 * Wakes the worker's relay when something is written to the outbox: a trigger
 * on the table sends NOTIFY tio_outbox at commit (prisma/migrations/…_notifications).
 * Polling stays as the safety net, so a lost connection delays, never loses; a
 * lost connection is made again, waiting a little longer each time (up to 30 s).
 * A door of its own (eslint.config.mjs), though nothing passes through it: it
 * listens for the signal, and reads and writes nothing.
 */
export async function listenForOutbox(url: string, onWake: () => void): Promise<{ stop(): Promise<void> }> {
  let client: pg.Client | null = null;
  let stopped = false;
  let wait = 1000;
  let timer: NodeJS.Timeout | null = null;

  const again = () => {
    if (stopped || timer) return;
    timer = setTimeout(() => {
      timer = null;
      void connect();
    }, wait);
    timer.unref();
    wait = Math.min(wait * 2, 30_000);
  };

  async function connect() {
    if (stopped) return;
    const c = new pg.Client({ connectionString: url, application_name: "tell-it-once-worker-listen" });
    c.on("error", () => {
      if (client === c) client = null;
      void c.end().catch(() => {});
      again();
    });
    c.on("notification", () => onWake());
    try {
      await c.connect();
      await c.query("LISTEN tio_outbox");
      client = c;
      wait = 1000;
      onWake(); // what came while it was away
    } catch {
      void c.end().catch(() => {});
      again();
    }
  }

  await connect();
  return {
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await client?.end().catch(() => {});
    },
  };
}

import "server-only";
import { env } from "@/lib/env";
import { deliver, markDead } from "./deliver";
import { DEAD, DELIVER, deliverWork, ensureQueues, newBoss, settleEach } from "./queue";
import { relayOnce } from "./relay";
import { sweep } from "./sweeps";
import { listenForOutbox } from "@/lib/db/listen";

/**
 * The worker: one process (`npm run worker`; `npm run dev` starts one with the
 * app) that relays the outbox into the queue, delivers, and sweeps for what has
 * come due. Any number may run at once: the relay skips rows another holds, the
 * queue hands each job to one worker, and every delivery is keyed.
 * It logs what it does in counts and reasons, never an address or a text.
 */
export type Worker = { stop(): Promise<void>; relayNow(): Promise<void>; sweepNow(): Promise<number> };

export async function startWorker({
  url = env().DATABASE_URL,
  concurrency = 4,
  log = (m: string) => console.log(`[worker] ${m}`),
}: { url?: string; concurrency?: number; log?: (m: string) => void } = {}): Promise<Worker> {
  const boss = newBoss(url);
  boss.on("error", (e) => log(`queue: ${e.message}`));
  await boss.start();
  await ensureQueues(boss);

  await boss.work<{ deliveryId: string }>(DELIVER, deliverWork(concurrency), (jobs) =>
    settleEach(jobs, (data) => deliver(data.deliveryId)),
  );
  await boss.work<{ deliveryId: string }>(DEAD, { pollingIntervalSeconds: 5 }, async ([job]) => {
    await markDead(job!.data.deliveryId);
    log(`a delivery failed every retry and is marked dead (${job!.data.deliveryId})`);
  });

  // the relay runs when woken, and every two seconds in case a wake was missed; never two at once here
  let relaying: Promise<void> | null = null;
  let again = false;
  const relay = (): Promise<void> => {
    if (relaying) {
      again = true;
      return relaying;
    }
    relaying = (async () => {
      try {
        do {
          again = false;
          while ((await relayOnce(boss)) > 0);
        } while (again);
      } catch (e) {
        log(`relay: ${e instanceof Error ? e.message : String(e)}`);
      } finally {
        relaying = null;
      }
    })();
    return relaying;
  };
  const listener = await listenForOutbox(url, () => void relay());
  const poll = setInterval(() => void relay(), 2000);

  const sweepNow = async () => {
    try {
      return await sweep();
    } catch (e) {
      log(`sweep: ${e instanceof Error ? e.message : String(e)}`);
      return 0;
    }
  };
  const sweeps = setInterval(() => void sweepNow(), env().NOTIFY_SWEEP_SECONDS * 1000);
  void relay();
  void sweepNow();
  log(`started: ${concurrency} loops of up to five deliveries at a time`);

  return {
    relayNow: relay,
    sweepNow,
    async stop() {
      clearInterval(poll);
      clearInterval(sweeps);
      await listener.stop();
      await relaying;
      await boss.stop({ graceful: true, timeout: 10_000 });
    },
  };
}

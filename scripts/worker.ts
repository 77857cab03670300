// `npm run worker`: the notification worker as its own process, for production
// (docs/operations.md). `npm run dev` starts one beside the app by itself.
// It needs DATABASE_URL and the same settings as the app (mail, SMS, web push).
import { checkRuntime } from "./runtime.mjs";
import { parseEnv } from "../lib/env";
import { startWorker } from "../lib/notify/worker";

const say = (m: string) => console.log(`[worker] ${m}`);
try {
  say(`Node.js ${checkRuntime()}`);
  if (!process.env.DATABASE_URL)
    throw new Error("DATABASE_URL is missing: `npm run dev` starts a worker with the app; a production worker needs the database's URL");
  parseEnv({ ...process.env, NODE_ENV: "production" });
} catch (e) {
  console.error(`[worker] ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
}
const concurrency = Number(process.env.WORKER_CONCURRENCY ?? 4);
const worker = await startWorker({ concurrency });
let stopping = false;
for (const signal of ["SIGINT", "SIGTERM"] as const)
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    say("stopping: finishing the deliveries under way");
    void worker.stop().then(() => process.exit(0));
  });

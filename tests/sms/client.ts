import { spawn } from "node:child_process";
import path from "node:path";

// The local SMS gateway (tests/sms/server.mjs) for tests: started as a child process, as the browser
// tests start the other stand-ins, and read and steered over HTTP.

/** The token the local gateway takes unless told otherwise (SMS_TOKEN). */
export const SMS_TEST_TOKEN = "test-sms-token";

/** One SMS as the local gateway kept it. `id` is the id it answered with. */
export type ReceivedSms = {
  id: number;
  sender: string | null;
  message: string;
  msisdn: string;
  userref: string | null;
  receivedAt: string;
};

export type SmsGateway = {
  /** The send endpoint, for SmsConfig.url. */
  url: string;
  /** Where /messages and /control/* are. */
  base: string;
  stop(): Promise<void>;
};

const SERVER = path.join(import.meta.dirname, "server.mjs");

/** Starts the local gateway on `port` and resolves once it listens (within 10 s), or rejects with what it printed. */
export function startSmsGateway(port: number, { token = SMS_TEST_TOKEN }: { token?: string } = {}): Promise<SmsGateway> {
  const child = spawn(process.execPath, [SERVER, String(port)], { env: { ...process.env, SMS_TOKEN: token, SMS_PORT: String(port) } });
  const base = `http://127.0.0.1:${port}`;
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  return new Promise((resolve, reject) => {
    let out = "";
    const timer = setTimeout(() => (child.kill("SIGTERM"), reject(new Error(`SMS gateway not listening within 10 s:\n${out}`))), 10_000);
    child.stdout.on("data", (d) => {
      out += d;
      if (!out.includes("listening")) return;
      clearTimeout(timer);
      resolve({
        url: `${base}/rest/mtsms`,
        base,
        async stop() {
          if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
          await exited;
        },
      });
    });
    child.stderr.on("data", (d) => (out += d));
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`SMS gateway exited (${code}) before listening:\n${out}`));
    });
  });
}

/** What the gateway has received, oldest first; only to `msisdn` when given. */
export async function smsMessages(base: string, msisdn?: string): Promise<ReceivedSms[]> {
  const res = await fetch(`${base}/messages${msisdn ? `?msisdn=${encodeURIComponent(msisdn)}` : ""}`);
  if (!res.ok) throw new Error(`GET /messages answered ${res.status}`);
  return (await res.json()) as ReceivedSms[];
}

/** fail: the next `count` sends answer `status` (default 500) and are not kept. hang: the next `count` sends get no answer. */
export async function smsControl(base: string, what: "fail" | "hang", params: { count?: number; status?: number } = {}): Promise<void> {
  const query = new URLSearchParams(Object.entries(params).map(([k, v]) => [k, String(v)]));
  const res = await fetch(`${base}/control/${what}?${query}`, { method: "POST" });
  if (!res.ok) throw new Error(`POST /control/${what} answered ${res.status}`);
  await res.body?.cancel();
}

/** Forgets every message, failure and hang (held requests are closed). */
export async function smsReset(base: string): Promise<void> {
  const res = await fetch(`${base}/control/reset`, { method: "POST" });
  if (!res.ok) throw new Error(`POST /control/reset answered ${res.status}`);
  await res.body?.cancel();
}

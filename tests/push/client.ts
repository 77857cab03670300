import { spawn } from "node:child_process";
import path from "node:path";

// Typed helpers for tests that use the local push service (tests/push/server.mjs). It runs as a child
// process of its own, so a test can kill it, or leave a request hanging, without taking the test down.

const SERVER = path.join(import.meta.dirname, "server.mjs");

/** A subscription as the browser's PushSubscription.toJSON() gives it, and its id at the push service. */
export type TestSubscription = { id: string; endpoint: string; expirationTime: null; keys: { p256dh: string; auth: string } };

/** A message the push service holds: its payload decrypted with the subscriber's key. */
export type PushRecord = {
  subscriptionId: string;
  topic: string | null;
  urgency: "very-low" | "low" | "normal" | "high";
  ttl: number;
  payload: unknown;
  receivedAt: string;
  /** how many times a later message with the same topic took this one's place */
  replaced: number;
};

/** Starts the push service on `port` (0 picks a free one) and waits until it listens. */
export function startPushService(port = 0): Promise<{ url: string; stop(): Promise<void> }> {
  const child = spawn(process.execPath, [SERVER, String(port)], { stdio: ["ignore", "pipe", "pipe"] });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  return new Promise((resolve, reject) => {
    let out = "";
    const timer = setTimeout(() => (child.kill(), reject(new Error(`the push service did not listen within 10 s:\n${out}`))), 10_000);
    child.stdout.on("data", (chunk) => {
      out += chunk;
      const listening = /listening on (\S+)/.exec(out);
      if (!listening) return;
      clearTimeout(timer);
      resolve({
        url: listening[1]!,
        async stop() {
          if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
          await exited;
        },
      });
    });
    child.stderr.on("data", (chunk) => (out += chunk));
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`the push service exited (${code}) before it listened:\n${out}`));
    });
  });
}

/** A new subscription, as a browser would make it; with applicationServerKey, only that VAPID key may push to it. */
export async function subscribe(url: string, options: { applicationServerKey?: string } = {}): Promise<TestSubscription> {
  const res = await fetch(`${url}/subscriptions`, { method: "POST", body: JSON.stringify(options) });
  if (res.status !== 201) throw new Error(`subscribing answered ${res.status}`);
  const subscription = (await res.json()) as Omit<TestSubscription, "id">;
  return { id: subscription.endpoint.split("/").pop()!, ...subscription };
}

/** The messages the push service holds, for one subscription or all. */
export async function messages(url: string, subscriptionId?: string): Promise<PushRecord[]> {
  const query = subscriptionId ? `?subscription=${encodeURIComponent(subscriptionId)}` : "";
  const res = await fetch(`${url}/messages${query}`);
  if (!res.ok) throw new Error(`/messages answered ${res.status}`);
  return (await res.json()) as PushRecord[];
}

/**
 * Makes the push service misbehave: "fail" the next `count` pushes with `status` (default 1 and 500),
 * "hang" the next `count` pushes (no answer until the client gives up), or "gone" (410 from now on)
 * for the subscription `subscription`.
 */
export async function control(
  url: string,
  what: "fail" | "hang" | "gone",
  params: { count?: number; status?: number; subscription?: string } = {},
): Promise<void> {
  const { subscription, ...rest } = params;
  if (what === "gone" && !subscription) throw new Error('control "gone" needs a subscription');
  const target = what === "gone" ? `gone/${encodeURIComponent(subscription!)}` : what;
  const query = new URLSearchParams(Object.entries(rest).map(([k, v]) => [k, String(v)]));
  const res = await fetch(`${url}/control/${target}?${query}`, { method: "POST" });
  if (!res.ok) throw new Error(`/control/${what} answered ${res.status}`);
}

/** Forgets every message and every fail or hang still to come (subscriptions stay). */
export async function reset(url: string): Promise<void> {
  const res = await fetch(`${url}/control/reset`, { method: "POST" });
  if (!res.ok) throw new Error(`/control/reset answered ${res.status}`);
}

import { createHash } from "node:crypto";
import net from "node:net";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { PushGone, PushNotSent, sendPush, vapidKeys, type PushConfig, type PushMessage } from "@/lib/notify/push";
import { control, messages, reset, startPushService, subscribe, type TestSubscription } from "../push/client";

// The web push channel against a local push service (tests/push/server.mjs) that checks the VAPID
// token as a real one does and decrypts each message with the subscriber's key, as the browser does.
// No database: only the push service, in a child process of its own.
let service: Awaited<ReturnType<typeof startPushService>>;
const vapid = vapidKeys();
const config: PushConfig = { ...vapid, subject: "mailto:drift@solbjerg.example" };
const message: PushMessage = { title: "Nyt i din plan", body: "Sara har skrevet til dig.", url: "/da/plan", tag: "plan-news" };
const keys = (s: TestSubscription) => ({ endpoint: s.endpoint, p256dh: s.keys.p256dh, auth: s.keys.auth });
const topicOf = (key: string) => createHash("sha256").update(key).digest("base64url").slice(0, 32);

beforeAll(async () => {
  service = await startPushService(3351);
});
afterAll(async () => {
  await service?.stop();
});
afterEach(async () => {
  await reset(service.url);
});

/** The error sendPush throws, to look at its class and words. */
async function failure(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    return error as Error;
  }
  throw new Error("sendPush did not throw");
}

/** A port nothing listens on (one the system just handed out and took back). */
async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe("sendPush", () => {
  it("arrives encrypted for the subscriber: decrypted, it is the message, with a topic from the key", async () => {
    const sub = await subscribe(service.url);
    await sendPush(keys(sub), message, "delivery:1", config);

    const [got, ...more] = await messages(service.url, sub.id);
    expect(more).toEqual([]);
    expect(got).toMatchObject({
      payload: { title: "Nyt i din plan", body: "Sara har skrevet til dig.", url: "/da/plan", tag: "plan-news" },
      topic: topicOf("delivery:1"),
      urgency: "normal",
      ttl: 24 * 60 * 60,
      replaced: 0,
    });
    expect(got!.topic).toMatch(/^[A-Za-z0-9_-]{32}$/);
  });

  it("is refused when the VAPID token is not signed by the key it names, and says so as PushNotSent", async () => {
    const sub = await subscribe(service.url);
    const other = vapidKeys();
    const error = await failure(sendPush(keys(sub), message, "delivery:2", { ...config, privateKey: other.privateKey }));
    expect(error).toBeInstanceOf(PushNotSent);
    expect(error.message).toBe("push service answered 401");
    expect(await messages(service.url, sub.id)).toEqual([]);
  });

  it("is refused (403) for a subscription made with another server's VAPID key", async () => {
    const sub = await subscribe(service.url, { applicationServerKey: vapidKeys().publicKey });
    const error = await failure(sendPush(keys(sub), message, "delivery:3", config));
    expect(error).toBeInstanceOf(PushNotSent);
    expect(error.message).toBe("push service answered 403");
  });

  it("throws PushGone when the subscription is gone (410) or unknown (404)", async () => {
    const sub = await subscribe(service.url);
    await sendPush(keys(sub), message, "delivery:4", config);
    await control(service.url, "gone", { subscription: sub.id });
    const gone = await failure(sendPush(keys(sub), message, "delivery:5", config));
    expect(gone).toBeInstanceOf(PushGone);
    expect(gone.message).toBe("push service answered 410");

    const unknown = await failure(sendPush({ ...keys(sub), endpoint: `${service.url}/push/nobody` }, message, "delivery:6", config));
    expect(unknown).toBeInstanceOf(PushGone);
  });

  it("sent twice with the same key, leaves one message waiting (the push service replaced the first)", async () => {
    const sub = await subscribe(service.url);
    await sendPush(keys(sub), message, "delivery:7", config);
    await sendPush(keys(sub), { ...message, body: "Sara har skrevet igen." }, "delivery:7", config);
    await sendPush(keys(sub), message, "delivery:8", config);

    const held = await messages(service.url, sub.id);
    expect(held.map((m) => [m.topic, m.replaced])).toEqual([
      [topicOf("delivery:7"), 1],
      [topicOf("delivery:8"), 0],
    ]);
    expect(held[0]!.payload).toMatchObject({ body: "Sara har skrevet igen." });
  });

  it("throws PushNotSent with the status, never the endpoint or the words, when the push service fails", async () => {
    const sub = await subscribe(service.url);
    await control(service.url, "fail", { count: 1, status: 503 });
    const error = await failure(sendPush(keys(sub), message, "delivery:9", config));
    expect(error).toBeInstanceOf(PushNotSent);
    expect(error.message).toBe("push service answered 503");
    for (const secret of [sub.endpoint, sub.id, "127.0.0.1", message.title, message.body]) expect(String(error)).not.toContain(secret);
    expect(await messages(service.url, sub.id)).toEqual([]);

    // the failure was one push: the next one goes through
    await sendPush(keys(sub), message, "delivery:9", config);
    expect(await messages(service.url, sub.id)).toHaveLength(1);
  });

  it("throws PushNotSent with the network code when nothing answers at the endpoint's address", async () => {
    const sub = await subscribe(service.url);
    const nowhere = { ...keys(sub), endpoint: `http://127.0.0.1:${await closedPort()}/push/${sub.id}` };
    const error = await failure(sendPush(nowhere, message, "delivery:10", config));
    expect(error).toBeInstanceOf(PushNotSent);
    expect(error.message).toBe("push service not reached (ECONNREFUSED)");
  });

  it("gives up on a push service that does not answer, after 10 seconds", async () => {
    const sub = await subscribe(service.url);
    await control(service.url, "hang", { count: 1 });
    const started = Date.now();
    const error = await failure(sendPush(keys(sub), message, "delivery:11", config));
    expect(error).toBeInstanceOf(PushNotSent);
    expect(error.message).toBe("push service did not answer within 10 s");
    expect(Date.now() - started).toBeGreaterThanOrEqual(9_500);
    expect(await messages(service.url, sub.id)).toEqual([]);
  });
});

describe("vapidKeys", () => {
  it("makes a new P-256 key pair each time, URL-safe base64", () => {
    const a = vapidKeys();
    const b = vapidKeys();
    expect(a.publicKey).not.toBe(b.publicKey);
    expect(Buffer.from(a.publicKey, "base64url")).toHaveLength(65);
    expect(Buffer.from(a.privateKey, "base64url")).toHaveLength(32);
    expect(a.publicKey + a.privateKey).toMatch(/^[A-Za-z0-9_-]+$/);
  });
});

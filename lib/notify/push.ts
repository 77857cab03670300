import "server-only";
import { createHash } from "node:crypto";
import webpush, { type RequestDetails } from "web-push";

/** A browser's push subscription, as PushSubscription.toJSON() gives it (endpoint and keys flattened). */
export type PushSubscriptionKeys = { endpoint: string; p256dh: string; auth: string };
/** The server's VAPID identity. `subject` is a mailto: or https: URL the push service can reach us at. */
export type PushConfig = { publicKey: string; privateKey: string; subject: string };
/** What the service worker shows (app/sw.ts). `url` is a path on this site, such as "/da/plan". */
export type PushMessage = { title: string; body: string; url: string; tag: string };

/** The push service says the subscription no longer exists (404 or 410): the caller deletes it. */
export class PushGone extends Error {}
/** Any other failure. The message names the reason, never the endpoint (it identifies a device) or the words. */
export class PushNotSent extends Error {}

// A push service keeps an undelivered message this long (a phone off for the night still gets it).
const TTL_SECONDS = 24 * 60 * 60;
// A push service that does not answer must not hold a delivery worker for long.
const TIMEOUT_MS = 10_000;

/**
 * The Topic header for a delivery key: the push service replaces an undelivered message with the same
 * topic, so a retried delivery does not stack up on the phone. At most 32 URL-safe base64 characters,
 * and a hash, so the key itself (ids) never leaves the server.
 */
function topicFor(key: string): string {
  return createHash("sha256").update(key).digest("base64url").slice(0, 32);
}

/**
 * Sends one message to one subscription, or throws PushGone or PushNotSent.
 *
 * web-push encrypts the payload (aes128gcm, RFC 8291) and signs the VAPID token; the request itself is
 * sent with fetch, not web-push's sendNotification: that one speaks only HTTPS (it calls https.request
 * for every endpoint), so it could not be tested against the local push service (tests/push/server.mjs),
 * and fetch gives one timeout for the whole exchange rather than for an idle socket.
 */
export async function sendPush(sub: PushSubscriptionKeys, message: PushMessage, key: string, config: PushConfig): Promise<void> {
  let request: RequestDetails;
  try {
    request = webpush.generateRequestDetails(
      { endpoint: sub.endpoint, keys: { p256dh: sub.p256dh, auth: sub.auth } },
      JSON.stringify({ title: message.title, body: message.body, url: message.url, tag: message.tag }),
      {
        vapidDetails: config,
        TTL: TTL_SECONDS,
        urgency: "normal",
        contentEncoding: "aes128gcm",
        topic: topicFor(key),
      },
    );
  } catch (error) {
    // bad keys, a bad VAPID setting or a payload over 4 kB: web-push's words name the field, not its value
    throw new PushNotSent(`could not build the push request: ${error instanceof Error ? error.message : "unknown"}`);
  }

  // fetch sets Content-Length from the body itself; every other header as web-push made it
  const headers = Object.fromEntries(
    Object.entries(request.headers)
      .filter(([name]) => name.toLowerCase() !== "content-length")
      .map(([name, value]) => [name, String(value)]),
  );
  let res: Response;
  try {
    res = await fetch(request.endpoint, {
      method: "POST",
      headers,
      body: request.body ? new Uint8Array(request.body) : null,
      redirect: "manual",
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
  } catch (error) {
    throw new PushNotSent(networkReason(error));
  }
  await res.body?.cancel(); // nothing in the answer is needed; free the connection
  if (res.status === 404 || res.status === 410) throw new PushGone(`push service answered ${res.status}`);
  if (res.status < 200 || res.status > 299) throw new PushNotSent(`push service answered ${res.status}`);
}

/** Why fetch failed, as a code: the error's own message may hold the endpoint's host and port. */
function networkReason(error: unknown): string {
  if (error instanceof Error && error.name === "TimeoutError") return `push service did not answer within ${TIMEOUT_MS / 1000} s`;
  const cause = error instanceof Error ? (error.cause as { code?: unknown } | undefined) : undefined;
  const code = typeof cause?.code === "string" ? cause.code : "unknown";
  return `push service not reached (${code})`;
}

/** A new VAPID key pair (URL-safe base64), for an operator setting up VAPID_PUBLIC_KEY and VAPID_PRIVATE_KEY. */
export function vapidKeys(): { publicKey: string; privateKey: string } {
  const { publicKey, privateKey } = webpush.generateVAPIDKeys();
  return { publicKey, privateKey };
}

// A local push service for the tests: it stands in for the browser vendors' push services
// (FCM, Mozilla's autopush, Apple's) and for the browser itself. Never for production.
// It checks what a real one checks and more: the VAPID token (RFC 8292: ES256, signed by the
// key in k=, aud the service's origin, exp within 24 h, sub mailto: or https:), the headers
// (Content-Encoding: aes128gcm, TTL, Urgency, Topic), and it decrypts the body as the browser
// would (RFC 8188 + RFC 8291) with the subscription's private key, so a test sees that the
// words really were encrypted for that subscriber. A message with the Topic of one it still
// holds replaces it, as a push service does with a message not yet delivered.
//
//   POST   /subscriptions               a new subscription, as PushSubscription.toJSON() gives it;
//                                       body {"applicationServerKey"} (optional) restricts it to that VAPID key (else 403)
//   DELETE /subscriptions/<id>          the browser unsubscribed: later pushes answer 410
//   POST   /push/<id>                   what web-push sends; 201 when recorded
//   GET    /messages[?subscription=id]  what was recorded (JSON), each with how often it was replaced
//   POST   /control/gone/<id>           as DELETE /subscriptions/<id>
//   POST   /control/fail?count=N&status=S   the next N pushes answer S (default 1 and 500), recording nothing
//   POST   /control/hang?count=N        the next N pushes get no answer at all, until the client gives up
//   POST   /control/reset               forgets the messages and the fail and hang counts (not the subscriptions)
//   GET    /health                      "ok"
// Run as a script it listens on the first argument, else PUSH_PORT, else 3350, and prints one
// line with "listening" and its address when ready.
import crypto from "node:crypto";
import http from "node:http";
import { fileURLToPath } from "node:url";

// Real push services take at least 4096 bytes of body and need not take more (RFC 8030, 7.2).
const MAX_BODY = 4096;
const DAY_SECONDS = 24 * 60 * 60;
const URGENCIES = ["very-low", "low", "normal", "high"];

const utf8 = (text) => Buffer.from(text, "utf8");

/** A refusal: the status a push service answers, and why (in the answer's body, for whoever debugs). */
class Refused extends Error {
  constructor(status, reason) {
    super(reason);
    this.status = status;
  }
}

/**
 * @param {{ port?: number }} [options] port 0 picks a free one
 */
export async function startPushServer({ port = 0 } = {}) {
  /** @type {Map<string, { ecdh: crypto.ECDH, publicKey: Buffer, auth: Buffer, applicationServerKey: string | null, gone: boolean }>} */
  const subscriptions = new Map();
  let messages = [];
  let fail = { count: 0, status: 500 };
  let hang = 0;
  const held = new Set();
  let origin = "";

  function subscribe(body) {
    const asked = body.length ? JSON.parse(body.toString("utf8")) : {};
    const ecdh = crypto.createECDH("prime256v1");
    ecdh.generateKeys();
    const id = crypto.randomBytes(12).toString("base64url");
    const subscription = {
      ecdh,
      publicKey: ecdh.getPublicKey(), // uncompressed, 65 bytes
      auth: crypto.randomBytes(16),
      applicationServerKey: typeof asked.applicationServerKey === "string" ? asked.applicationServerKey : null,
      gone: false,
    };
    subscriptions.set(id, subscription);
    return {
      endpoint: `${origin}/push/${id}`,
      expirationTime: null,
      keys: { p256dh: subscription.publicKey.toString("base64url"), auth: subscription.auth.toString("base64url") },
    };
  }

  function push(id, headers, body) {
    const subscription = subscriptions.get(id);
    if (!subscription) throw new Refused(404, "no such subscription");
    if (subscription.gone) throw new Refused(410, "the subscription has expired or was unsubscribed");
    const key = checkVapid(headers.authorization, origin);
    if (subscription.applicationServerKey && subscription.applicationServerKey !== key)
      throw new Refused(403, "the VAPID key is not the one the subscription was made with");
    if (headers["content-encoding"] !== "aes128gcm") throw new Refused(400, "Content-Encoding must be aes128gcm");
    if (!/^\d+$/.test(headers.ttl ?? "")) throw new Refused(400, "a TTL header (seconds) is required");
    const urgency = headers.urgency ?? "normal";
    if (!URGENCIES.includes(urgency)) throw new Refused(400, "Urgency is not one of very-low, low, normal, high");
    const topic = headers.topic ?? null;
    if (topic !== null && !/^[A-Za-z0-9_-]{1,32}$/.test(topic))
      throw new Refused(400, "Topic must be at most 32 URL-safe base64 characters");
    if (body.length > MAX_BODY) throw new Refused(413, `the body is over ${MAX_BODY} bytes`);
    const text = decrypt(body, subscription).toString("utf8");

    const record = {
      subscriptionId: id,
      topic,
      urgency,
      ttl: Number(headers.ttl),
      payload: parsed(text),
      receivedAt: new Date().toISOString(),
      replaced: 0,
    };
    const pending = topic === null ? -1 : messages.findIndex((m) => m.subscriptionId === id && m.topic === topic);
    if (pending === -1) messages.push(record);
    else messages[pending] = { ...record, replaced: messages[pending].replaced + 1 };
  }

  async function handle(req, res) {
    const url = new URL(req.url ?? "/", origin);
    const [first, second, third] = url.pathname.split("/").slice(1);
    const body = await readBody(req);
    const route = `${req.method} /${first ?? ""}`;

    if (route === "GET /health") return res.end("ok");
    if (route === "POST /subscriptions" && !second) return json(res, 201, subscribe(body));
    if (route === "DELETE /subscriptions" && second) return unsubscribe(res, second);
    if (route === "POST /push" && second && !third) {
      if (hang > 0) {
        // no answer: the client's own timeout is what ends it (or its crash, or reset)
        hang--;
        held.add(res);
        res.on("close", () => held.delete(res));
        return;
      }
      if (fail.count > 0) {
        fail.count--;
        return json(res, fail.status, { error: "failing on purpose (/control/fail)" });
      }
      push(second, req.headers, body);
      res.statusCode = 201;
      return res.end();
    }
    if (route === "GET /messages" && !second) {
      const only = url.searchParams.get("subscription");
      return json(
        res,
        200,
        messages.filter((m) => !only || m.subscriptionId === only),
      );
    }
    if (route === "POST /control") {
      const count = Number(url.searchParams.get("count") ?? 1);
      if (!Number.isInteger(count) || count < 0) throw new Refused(400, "count must be a whole number");
      if (second === "fail") {
        const status = Number(url.searchParams.get("status") ?? 500);
        if (!Number.isInteger(status) || status < 200 || status > 599) throw new Refused(400, "status must be an HTTP status");
        fail = { count, status };
        return json(res, 200, fail);
      }
      if (second === "hang") {
        hang = count;
        return json(res, 200, { count });
      }
      if (second === "gone" && third) return unsubscribe(res, third);
      if (second === "reset") {
        messages = [];
        fail = { count: 0, status: 500 };
        hang = 0;
        for (const r of held) r.destroy();
        return json(res, 200, { reset: true });
      }
    }
    return json(res, 404, { error: "not found" });
  }

  function unsubscribe(res, id) {
    const subscription = subscriptions.get(id);
    if (!subscription) return json(res, 404, { error: "no such subscription" });
    subscription.gone = true;
    res.statusCode = 204;
    res.end();
  }

  const server = http.createServer((req, res) => {
    handle(req, res).catch((error) => {
      if (res.headersSent) return res.destroy();
      json(res, error instanceof Refused ? error.status : 400, { error: error.message });
    });
  });
  await new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", resolve);
  });
  origin = `http://127.0.0.1:${server.address().port}`;
  return {
    port: server.address().port,
    url: origin,
    messages: () => messages,
    stop: () =>
      new Promise((resolve) => {
        for (const r of held) r.destroy();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/**
 * Checks `Authorization: vapid t=<JWT>, k=<public key>` (RFC 8292) and answers the key.
 * The push service's origin is the only audience it takes: a token made for another service is refused.
 */
function checkVapid(authorization, audience) {
  const match = /^vapid\s+(.*)$/i.exec(authorization ?? "");
  if (!match) throw new Refused(401, "Authorization: vapid t=..., k=... is required");
  const params = Object.fromEntries(
    match[1].split(",").map((part) => {
      const at = part.indexOf("=");
      return [part.slice(0, at).trim(), part.slice(at + 1).trim()];
    }),
  );
  const { t: token, k: key } = params;
  if (!token || !key) throw new Refused(401, "the vapid token (t) and key (k) are both required");

  const [header, claims, signature] = token.split(".");
  if (!header || !claims || !signature) throw new Refused(401, "the token is not a JWT");
  const keyBytes = Buffer.from(key, "base64url");
  let publicKey;
  try {
    if (JSON.parse(Buffer.from(header, "base64url").toString("utf8")).alg !== "ES256") throw new Error();
    if (keyBytes.length !== 65 || keyBytes[0] !== 4) throw new Error();
    const jwk = {
      kty: "EC",
      crv: "P-256",
      x: keyBytes.subarray(1, 33).toString("base64url"),
      y: keyBytes.subarray(33).toString("base64url"),
    };
    publicKey = crypto.createPublicKey({ key: jwk, format: "jwk" });
  } catch {
    throw new Refused(401, "the token must be ES256, and k an uncompressed P-256 public key");
  }
  // JOSE signatures are r || s (64 bytes), not DER
  const signed = crypto.verify(
    "sha256",
    utf8(`${header}.${claims}`),
    { key: publicKey, dsaEncoding: "ieee-p1363" },
    Buffer.from(signature, "base64url"),
  );
  if (!signed) throw new Refused(401, "the token is not signed by the key in k");

  let c;
  try {
    c = JSON.parse(Buffer.from(claims, "base64url").toString("utf8"));
  } catch {
    throw new Refused(401, "the token's claims are not JSON");
  }
  const now = Date.now() / 1000;
  if (c.aud !== audience) throw new Refused(401, `the token's aud must be ${audience}`);
  if (typeof c.exp !== "number" || c.exp <= now) throw new Refused(401, "the token has expired (exp)");
  if (c.exp > now + DAY_SECONDS) throw new Refused(401, "the token's exp is more than 24 hours away");
  if (typeof c.sub !== "string" || !/^(mailto:|https:)/.test(c.sub))
    throw new Refused(401, "the token's sub must be a mailto: or https: URL");
  return key;
}

/**
 * Decrypts an aes128gcm body (RFC 8188) for a Web Push subscription (RFC 8291), as the browser does:
 * salt (16) | rs (4) | idlen (1) | keyid = the sender's one-time public key (65) | one record.
 */
function decrypt(body, subscription) {
  if (body.length < 21) throw new Refused(400, "the body is too short for an aes128gcm header");
  const salt = body.subarray(0, 16);
  const rs = body.readUInt32BE(16);
  const idlen = body[20];
  if (idlen !== 65) throw new Refused(400, "the keyid must be the sender's public key (65 bytes)");
  const senderKey = body.subarray(21, 86);
  const record = body.subarray(86);
  if (rs < 18 || record.length > rs) throw new Refused(400, "a push message is exactly one record");
  if (record.length < 17) throw new Refused(400, "the record is too short");

  try {
    const shared = subscription.ecdh.computeSecret(senderKey);
    const keyInfo = Buffer.concat([utf8("WebPush: info\0"), subscription.publicKey, senderKey]);
    const ikm = Buffer.from(crypto.hkdfSync("sha256", shared, subscription.auth, keyInfo, 32));
    const cek = Buffer.from(crypto.hkdfSync("sha256", ikm, salt, utf8("Content-Encoding: aes128gcm\0"), 16));
    const nonce = Buffer.from(crypto.hkdfSync("sha256", ikm, salt, utf8("Content-Encoding: nonce\0"), 12));
    const decipher = crypto.createDecipheriv("aes-128-gcm", cek, nonce);
    decipher.setAuthTag(record.subarray(-16));
    const padded = Buffer.concat([decipher.update(record.subarray(0, -16)), decipher.final()]);
    // the last (and only) record ends with the delimiter 0x02, then zero or more 0x00 of padding
    let end = padded.length - 1;
    while (end >= 0 && padded[end] === 0) end--;
    if (end < 0 || padded[end] !== 2) throw new Error("no last-record delimiter");
    return padded.subarray(0, end);
  } catch {
    throw new Refused(400, "the body does not decrypt for this subscription");
  }
}

const parsed = (text) => {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
};

function readBody(req) {
  return new Promise((resolve, reject) => {
    const chunks = [];
    let size = 0;
    req.on("data", (chunk) => {
      size += chunk.length;
      // a little over the limit is still read, so push() can answer 413 rather than a broken connection
      if (size <= MAX_BODY * 4) chunks.push(chunk);
    });
    req.on("end", () => resolve(Buffer.concat(chunks)));
    req.on("error", reject);
  });
}

function json(res, status, value) {
  res.statusCode = status;
  res.setHeader("content-type", "application/json");
  res.end(JSON.stringify(value));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const push = await startPushServer({ port: Number(process.argv[2] ?? process.env.PUSH_PORT ?? 3350) });
  console.log(`[push] test push service listening on ${push.url}`);
  const stop = async () => (await push.stop(), process.exit(0));
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
}

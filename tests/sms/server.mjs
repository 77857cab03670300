// A local SMS gateway for the tests: it speaks GatewayAPI's REST shape (POST /rest/mtsms, as
// documented at gatewayapi.com/docs/apis/rest) and keeps what it was given instead of sending it.
// Never for production. The token is SMS_TOKEN (default "test-sms-token"), taken as
// "Authorization: Token <t>", as the user name of HTTP basic auth, or as ?token=, like the real one.
// The body is checked the way the real API documents it: 400 for a body that is not JSON, 422 for one
// that breaks the rules, each as { code, message, variables?, incident_uuid }. The codes come from the
// gateway's published error index; which code the real API picks for each case is not documented.
// For tests: GET /messages (?msisdn=) lists what arrived; POST /control/fail?count=N&status=S answers the
// next N sends with S (default 500) without keeping them; POST /control/hang?count=N leaves the next N
// sends unanswered; POST /control/reset forgets all of it. GET /health answers "ok".
// Run as a script it listens on SMS_PORT, or the first argument, default 3360.
import { randomUUID } from "node:crypto";
import http from "node:http";

const port = Number(process.env.SMS_PORT ?? process.argv[2] ?? 3360);
const token = process.env.SMS_TOKEN || "test-sms-token";

/** @type {Array<{ id: number, sender: string | null, message: string, msisdn: string, userref: string | null, receivedAt: string }>} */
let messages = [];
let nextId = 100_000_001;
let failing = { count: 0, status: 500 };
let hanging = 0;
/** Requests held open by /control/hang, answered never; closed on reset and on stop. */
const held = new Set();

// the documented sender rule: up to 11 alphanumeric characters (the example "Test Sender" has a space), or 15 digits
const SENDER = /^(?:[A-Za-z0-9 ]{1,11}|\d{1,15})$/;
const CLASSES = ["standard", "premium", "secret"];
// a few countries for the usage answer; the real one prices per country
const COUNTRIES = { 45: "DK", 46: "SE", 47: "NO", 49: "DE", 298: "FO", 299: "GL" };

/** @param {http.ServerResponse} res @param {number} status @param {unknown} body */
function json(res, status, body) {
  res.writeHead(status, { "content-type": "application/json" });
  res.end(JSON.stringify(body));
}

/** An error as the real API answers it: `code` and `variables` only when there are any. */
function error(res, status, code, message, variables) {
  json(res, status, { code, incident_uuid: randomUUID(), message, ...(variables ? { variables } : {}) });
}

/** The error a forced failure answers with, by status. */
function forced(res, status) {
  if (status === 401) return error(res, 401, "0x0210", "Invalid username: %1", ["token"]);
  if (status === 403) return error(res, 403, "0x0213", "Unauthorized IP-address: %1", ["127.0.0.1"]);
  if (status >= 500) return error(res, status, "0x0101", "Unknown error");
  return error(res, status, "0x0308", "Invalid Argument");
}

/** @param {http.IncomingMessage} req */
function authorised(req, url) {
  const header = req.headers.authorization ?? "";
  const [scheme, value = ""] = header.split(" ", 2);
  if (scheme?.toLowerCase() === "token") return value === token;
  if (scheme?.toLowerCase() === "basic") return Buffer.from(value, "base64").toString("utf8").split(":")[0] === token;
  return url.searchParams.get("token") === token;
}

/** The first rule a message breaks, as [code, message, variables], or null. */
function problem(sms) {
  if (typeof sms !== "object" || sms === null || Array.isArray(sms)) return ["0x0308", "Invalid Argument %1", ["body"]];
  if (sms.class !== undefined && !CLASSES.includes(sms.class)) return ["0x0218", "Unknown message class id %1", [String(sms.class)]];
  if (sms.sender !== undefined && (typeof sms.sender !== "string" || !SENDER.test(sms.sender)))
    return ["0x0308", "Invalid Argument %1", ["sender"]];
  if (sms.message === undefined) return ["0x0222", "Missing required parameter %1", ["message"]];
  if (typeof sms.message !== "string" || sms.message === "") return ["0x0308", "Invalid Argument %1", ["message"]];
  if (sms.userref !== undefined && typeof sms.userref !== "string") return ["0x0308", "Invalid Argument %1", ["userref"]];
  if (sms.recipients === undefined) return ["0x0222", "Missing required parameter %1", ["recipients"]];
  if (!Array.isArray(sms.recipients) || sms.recipients.length === 0) return ["0x0308", "Invalid Argument %1", ["recipients"]];
  for (const r of sms.recipients) {
    const msisdn = typeof r?.msisdn === "number" ? String(r.msisdn) : r?.msisdn;
    if (typeof msisdn !== "string" || !/^[1-9]\d{6,14}$/.test(msisdn)) return ["0x0308", "Invalid Argument %1", ["msisdn"]];
  }
  const numbers = sms.recipients.map((r) => String(r.msisdn));
  const twice = numbers.find((n, i) => numbers.indexOf(n) !== i);
  if (twice) return ["0x0310", "A message contains the same recipient more than once. MSISDNs %1 is duplicated", [twice]];
  return null;
}

/** @param {http.IncomingMessage} req @param {http.ServerResponse} res @param {URL} url */
function send(req, res, url, raw) {
  if (hanging > 0) {
    hanging--;
    held.add(res);
    res.on("close", () => held.delete(res));
    return;
  }
  if (failing.count > 0) {
    failing.count--;
    return forced(res, failing.status);
  }
  if (!authorised(req, url)) return error(res, 401, "0x0210", "Invalid username: %1", ["token"]);
  let body;
  try {
    body = JSON.parse(raw);
  } catch {
    return error(res, 400, "0x0308", "Invalid Argument %1", ["body"]);
  }
  // the root is one message or a list of them; one class for all
  const list = Array.isArray(body) ? body : [body];
  if (list.length === 0) return error(res, 422, "0x0308", "Invalid Argument %1", ["body"]);
  for (const sms of list) {
    const wrong = problem(sms);
    if (wrong) return error(res, 422, ...wrong);
  }
  if (new Set(list.map((sms) => sms.class ?? "standard")).size > 1) return error(res, 422, "0x0308", "Invalid Argument %1", ["class"]);

  const ids = [];
  const countries = {};
  const receivedAt = new Date().toISOString();
  for (const sms of list) {
    const id = nextId++;
    ids.push(id);
    for (const r of sms.recipients) {
      const msisdn = String(r.msisdn);
      messages.push({ id, sender: sms.sender ?? null, message: sms.message, msisdn, userref: sms.userref ?? null, receivedAt });
      const prefix = [3, 2].map((n) => msisdn.slice(0, n)).find((p) => COUNTRIES[p]);
      const country = prefix ? COUNTRIES[prefix] : "ZZ";
      countries[country] = (countries[country] ?? 0) + 1;
    }
  }
  const total = Object.values(countries).reduce((a, b) => a + b, 0);
  json(res, 200, { ids, usage: { countries, currency: "DKK", total_cost: Math.round(total * 12) / 100 } });
}

const count = (url) => Math.max(1, Number(url.searchParams.get("count") ?? 1) || 1);

const server = http.createServer((req, res) => {
  const url = new URL(req.url ?? "/", "http://127.0.0.1");
  const chunks = [];
  let size = 0;
  req.on("data", (chunk) => {
    size += chunk.length;
    if (size > 1_000_000) req.destroy();
    else chunks.push(chunk);
  });
  req.on("end", () => {
    const route = `${req.method} ${url.pathname}`;
    if (route === "POST /rest/mtsms") return send(req, res, url, Buffer.concat(chunks).toString("utf8"));
    if (route === "GET /messages") {
      const msisdn = url.searchParams.get("msisdn");
      return json(res, 200, msisdn ? messages.filter((m) => m.msisdn === msisdn) : messages);
    }
    if (route === "POST /control/fail") {
      failing = { count: count(url), status: Number(url.searchParams.get("status") ?? 500) || 500 };
      return json(res, 200, { failing });
    }
    if (route === "POST /control/hang") {
      hanging = count(url);
      return json(res, 200, { hanging });
    }
    if (route === "POST /control/reset") {
      messages = [];
      failing = { count: 0, status: 500 };
      hanging = 0;
      for (const r of held) r.destroy();
      return json(res, 200, { reset: true });
    }
    if (route === "GET /health") return res.end("ok");
    error(res, 404, "0x0308", "Invalid Argument %1", ["path"]);
  });
});

server.listen(port, "127.0.0.1", () => console.log(`[sms] test SMS gateway listening on http://127.0.0.1:${port}/rest/mtsms`));
const stop = () => {
  for (const r of held) r.destroy();
  server.close(() => process.exit(0));
  server.closeAllConnections();
};
process.on("SIGTERM", stop);
process.on("SIGINT", stop);

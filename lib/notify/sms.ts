import "server-only";

// The SMS channel: one message to one phone through a gateway speaking GatewayAPI's REST shape
// (POST /rest/mtsms, JSON, "Authorization: Token …"), the gateway most Danish municipalities use.
// The local stand-in for tests is tests/sms/server.mjs.

/** The gateway. `url` is its send endpoint, such as https://gatewayapi.eu/rest/mtsms (the EU platform). */
export type SmsConfig = { url: string; token: string; sender: string };
/** One SMS. `to` is a number as stored ("+45 12 34 56 78", "12345678"); `key` is our delivery key. */
export type Sms = { to: string; text: string; key: string };

/**
 * Not sent; trying again later may help (the gateway was down, busy, or refused our credentials until an
 * operator fixes them). The message names the reason, never the number or the words, so it may be logged.
 */
export class SmsNotSent extends Error {}
/** The gateway says this number or this message is wrong: sending it again will not help. */
export class SmsRefused extends SmsNotSent {}

// Three concatenated segments of GSM 7-bit text (3 × 153). Longer would cost more and arrive in pieces;
// the templates that make the words are written to fit, so a longer text is a bug, not a delivery failure.
const MAX_TEXT = 459;
// A gateway that does not answer must not hold a delivery worker for long.
const TIMEOUT_MS = 10_000;

/**
 * A number as the gateway wants it (an MSISDN): digits only, country code first. Eight digits (not
 * starting with 0) are a Danish number; "+45…" and "0045…" are Danish with the prefix written; any
 * other "+CC…" or "00CC…" is kept as written. Spaces, dashes, dots and brackets are ignored.
 * Anything else is null: not a number we can send to.
 */
export function msisdn(number: string): string | null {
  const compact = number.replace(/[\s\u00a0().-]/g, "");
  const danish = /^(?:\+45|0045)?([1-9]\d{7})$/.exec(compact); // no Danish number starts with 0
  if (danish) return `45${danish[1]}`;
  // E.164: a country code never starts with 0, and a whole number is at most 15 digits
  const international = /^(?:\+|00)([1-9]\d{6,14})$/.exec(compact);
  if (international && !international[1]!.startsWith("45")) return international[1]!;
  return null;
}

/**
 * Sends one SMS, or throws SmsRefused (the number or message is wrong) or SmsNotSent (anything a
 * retry may fix). Returns the gateway's id for the message; the gateway also echoes our key as
 * `userref` in its delivery reports, and an operator can find the message by it in the gateway's log.
 * A text over 459 characters, or an empty one, is a programming error and throws a plain RangeError.
 */
export async function sendSms(
  sms: Sms,
  config: SmsConfig,
  { timeoutMs = TIMEOUT_MS }: { timeoutMs?: number } = {},
): Promise<{ gatewayId: string }> {
  const length = [...sms.text].length;
  if (length === 0 || length > MAX_TEXT) throw new RangeError(`an SMS text must be 1 to ${MAX_TEXT} characters, this one is ${length}`);
  // the documented rule only: the gateway judges the characters (this way a sender it accepts is never refused here)
  const sender = config.sender.trim();
  if (!(sender.length >= 1 && (sender.length <= 11 || (/^\d+$/.test(sender) && sender.length <= 15))))
    throw new SmsNotSent("the configured SMS sender must be up to 11 characters, or up to 15 digits");
  const to = msisdn(sms.to);
  if (!to) throw new SmsRefused("the number is not a phone number we can send to");

  let res: Response;
  try {
    res = await fetch(config.url, {
      method: "POST",
      headers: { authorization: `Token ${config.token}`, "content-type": "application/json", accept: "application/json" },
      body: JSON.stringify({ class: "standard", sender, message: sms.text, recipients: [{ msisdn: to }], userref: sms.key }),
      redirect: "manual",
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch (error) {
    throw new SmsNotSent(networkReason(error, timeoutMs));
  }

  let body: unknown;
  try {
    body = await res.json();
  } catch (error) {
    // a timeout while the answer is still arriving is a timeout; anything else is an answer that is not JSON
    if (error instanceof Error && error.name === "TimeoutError") throw new SmsNotSent(networkReason(error, timeoutMs));
    body = null;
  }

  if (res.status >= 200 && res.status <= 299) {
    const id = (body as { ids?: unknown } | null)?.ids;
    const first = Array.isArray(id) ? id[0] : undefined;
    if (typeof first === "number" || (typeof first === "string" && first !== "")) return { gatewayId: String(first) };
    // it may have been sent; a retry may send it twice, which is better than never
    throw new SmsNotSent(`gateway answered ${res.status} without a message id`);
  }
  const detail = gatewayDetail(res.status, body);
  if (res.status === 401 || res.status === 403) throw new SmsNotSent(`gateway refused the credentials (${detail})`);
  if (res.status === 429 || res.status >= 500) throw new SmsNotSent(`gateway busy or failing (${detail})`);
  if (res.status >= 400) throw new SmsRefused(`gateway refused the message (${detail})`);
  throw new SmsNotSent(`unexpected answer from the gateway (${detail}): is the URL its send endpoint?`);
}

/**
 * The status and the gateway's error code and incident id (`{ code: "0x0308", incident_uuid, message,
 * variables }`). Only those: its `message` and `variables` may hold the number ("MSISDN %1 blacklisted").
 */
function gatewayDetail(status: number, body: unknown): string {
  const { code, incident_uuid: incident } = (body ?? {}) as { code?: unknown; incident_uuid?: unknown };
  let detail = String(status);
  if (typeof code === "string" && /^[\w.-]{1,32}$/.test(code)) detail += `, code ${code}`;
  if (typeof incident === "string" && /^[0-9a-f-]{36}$/i.test(incident)) detail += `, incident ${incident}`;
  return detail;
}

/** Why fetch failed, as a code: the error's own message may hold the gateway's host and port. */
function networkReason(error: unknown, timeoutMs: number): string {
  if (error instanceof Error && error.name === "TimeoutError") return `gateway did not answer within ${timeoutMs / 1000} s`;
  const cause = error instanceof Error ? (error.cause as { code?: unknown } | undefined) : undefined;
  const code = typeof cause?.code === "string" ? cause.code : "unknown";
  return `gateway not reached (${code})`;
}

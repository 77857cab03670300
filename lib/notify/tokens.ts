import "server-only";
import { createHmac, timingSafeEqual } from "node:crypto";
import { env } from "@/lib/env";

/**
 * The token in every notification's "stop these messages" link: signed, for one
 * purpose (stopping one person's messages on one channel, or all), so it works
 * without signing in and can do nothing else. It names no one readable: the
 * user id is an opaque id, and the link shows nothing about the record.
 */
export type StopWhat = "EMAIL" | "SMS" | "PUSH" | "ALL";
const WHAT: readonly StopWhat[] = ["EMAIL", "SMS", "PUSH", "ALL"];

const sign = (body: string) => createHmac("sha256", env().AUTH_SECRET).update(`notify-stop:${body}`).digest("base64url").slice(0, 32);

export function stopToken(userId: string, what: StopWhat): string {
  const body = Buffer.from(`${userId}|${what}`).toString("base64url");
  return `${body}.${sign(body)}`;
}

/** The person and channel a stop token is for, or null when it is not one of ours. */
export function readStopToken(token: string): { userId: string; what: StopWhat } | null {
  const [body, mac, extra] = token.split(".");
  if (!body || !mac || extra !== undefined || body.length > 200) return null;
  const expected = Buffer.from(sign(body));
  const given = Buffer.from(mac);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  const [userId, what] = Buffer.from(body, "base64url").toString("utf8").split("|");
  if (!userId || !WHAT.includes(what as StopWhat)) return null;
  return { userId, what: what as StopWhat };
}

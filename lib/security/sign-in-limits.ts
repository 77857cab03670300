import "server-only";
import { createHmac } from "node:crypto";
import { env } from "@/lib/env";
import { recordFailure, type Limit } from "./attempts";
import { clientKey } from "./client";

/**
 * How many sign-in links may be sent, held where every way of asking passes:
 * the sign-in library calls this before it sends a link, whether the link was
 * asked for by the page's form (a server action), by its HTTP API, or by the
 * demo's persona picker.
 *
 * - Per address: SIGN_IN_LINKS_PER_ADDRESS in 15 minutes, so nobody's mailbox
 *   can be flooded, from however many clients.
 * - Per client: AUTH_MAGIC_LINK_PER_MINUTE in a minute, by the address the
 *   trusted proxy reports. Without TRUSTED_PROXY_IP_HEADER the clients cannot
 *   be told apart, and a shared limit would let anyone lock every citizen out,
 *   so there is none; the per-address limit still holds.
 *
 * Each ask is counted with one atomic upsert, and refused on the count that
 * returns, so requests in parallel cannot slip past together. The address is
 * kept only as a keyed hash.
 */
export type SignInLimit = "address" | "client";

export function signInLimits(email: string, headers: Headers): Limit[] {
  const e = env();
  // keyed, so the stored key cannot be turned back into the address by trying addresses
  const address = createHmac("sha256", e.AUTH_SECRET).update(`sign-in:${email.trim().toLowerCase()}`).digest("hex").slice(0, 32);
  const limits: Limit[] = [{ key: `sign-in-address:${address}`, max: e.SIGN_IN_LINKS_PER_ADDRESS, windowSeconds: 900 }];
  const client = clientKey(headers);
  if (client !== "client:shared") limits.push({ key: `sign-in-${client}`, max: e.AUTH_MAGIC_LINK_PER_MINUTE, windowSeconds: 60 });
  return limits;
}

/** Counts this ask against every limit; the first limit it goes over, or null. */
export async function overSignInLimit(email: string, headers: Headers, now = new Date()): Promise<SignInLimit | null> {
  for (const limit of signInLimits(email, headers)) {
    if ((await recordFailure(limit, now)) > limit.max) return limit.key.startsWith("sign-in-address:") ? "address" : "client";
  }
  return null;
}

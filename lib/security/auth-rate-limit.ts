import "server-only";
import { keyedHash } from "./client";
import { recordFailure } from "./attempts";

/**
 * The sign-in library's per-client limits, kept in our attempt windows (lib/security/attempts.ts) under a
 * keyed hash of its key, which holds the client's address: the address itself is never stored. Each request
 * is counted and decided in one atomic step, in fixed windows of the rule's length.
 */
export const rateLimitStorage = {
  async consume(key: string, rule: { window: number; max: number }) {
    const now = new Date();
    const count = await recordFailure({ key: `auth-rate:${keyedHash(key)}`, max: rule.max, windowSeconds: rule.window }, now);
    if (count <= rule.max) return { allowed: true, retryAfter: null };
    const windowMs = rule.window * 1000;
    return { allowed: false, retryAfter: Math.max(1, Math.ceil((windowMs - (now.getTime() % windowMs)) / 1000)) };
  },
};

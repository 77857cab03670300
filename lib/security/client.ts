import "server-only";
import { createHmac } from "node:crypto";
import { env } from "@/lib/env";

/**
 * A keyed hash (HMAC-SHA256 with the server's secret), for keeping what identifies a client without
 * keeping it: an unkeyed hash of an IPv4 address is undone by trying all four billion.
 */
export const keyedHash = (value: string) => createHmac("sha256", env().AUTH_SECRET).update(value).digest("hex").slice(0, 32);

/**
 * Who "one client" is, for per-client limits: the address the trusted reverse
 * proxy reports (TRUSTED_PROXY_IP_HEADER), as a keyed hash so no address is stored.
 * Without that header every client shares one key (the limit is then global).
 */
export function clientKey(headers: Headers): string {
  const name = env().TRUSTED_PROXY_IP_HEADER;
  // the last entry is the one the trusted proxy itself added (earlier ones the client could write)
  const address = name ? headers.get(name)?.split(",").at(-1)?.trim() : undefined;
  return address ? `client:${keyedHash(address)}` : "client:shared";
}

import "server-only";
import { createHash } from "node:crypto";
import { env } from "@/lib/env";

/**
 * Who "one client" is, for per-client limits: the address the trusted reverse
 * proxy reports (TRUSTED_PROXY_IP_HEADER), hashed so no address is stored.
 * Without that header every client shares one key (the limit is then global).
 */
export function clientKey(headers: Headers): string {
  const name = env().TRUSTED_PROXY_IP_HEADER;
  // the last entry is the one the trusted proxy itself added (earlier ones the client could write)
  const address = name ? headers.get(name)?.split(",").at(-1)?.trim() : undefined;
  return address ? `client:${createHash("sha256").update(address).digest("hex").slice(0, 24)}` : "client:shared";
}

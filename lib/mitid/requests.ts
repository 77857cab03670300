import "server-only";
import { createHash } from "node:crypto";
import { systemDb } from "@/lib/db/system";
import type { Pending } from "./config";

/** A sign-in under way lasts ten minutes; then it must begin again. */
export const REQUEST_MINUTES = 10;
const fresh = () => new Date(Date.now() - REQUEST_MINUTES * 60_000);

/** The key an OpenID Connect state is kept under: its hash, so the table holds nothing a callback could be made from. */
export const stateKey = (state: string) => `oidc:${createHash("sha256").update(state).digest("base64url")}`;
export const samlKey = (requestId: string) => `saml:${requestId}`;

export async function saveRequest(id: string, value: object): Promise<Date> {
  const db = systemDb();
  // the table stays small: what was never finished goes when it can no longer be finished
  await db.mitidRequest.deleteMany({ where: { createdAt: { lt: fresh() } } });
  return (await db.mitidRequest.create({ data: { id, value: JSON.stringify(value) } })).createdAt;
}

export async function readRequest<T>(id: string): Promise<T | null> {
  const row = await systemDb().mitidRequest.findFirst({ where: { id, createdAt: { gt: fresh() } } });
  return row ? (JSON.parse(row.value) as T) : null;
}

/**
 * Takes a request, once: of two posts of one response (a replay, or two at the same moment) only one
 * finds it. Returns what was kept with it, or null.
 */
export async function takeRequest<T extends Pending>(id: string): Promise<T | null> {
  const rows = await systemDb().$queryRaw<{ value: string }[]>`
    DELETE FROM "MitidRequest" WHERE id = ${id} AND "createdAt" > ${fresh()} RETURNING value`;
  return rows[0] ? (JSON.parse(rows[0].value) as T) : null;
}

import "server-only";
import { headers } from "next/headers";
import { auth } from "./server";

export type PasskeyDto = { id: string; name: string | null; createdAt: string | null; synced: boolean };

/** The signed-in person's passkeys, newest first: what /me lists so they can remove one they no longer have. */
export async function myPasskeys(): Promise<PasskeyDto[]> {
  const list = await auth()
    .api.listPasskeys({ headers: await headers() })
    .catch(() => []);
  return list
    .map((p) => ({
      id: p.id,
      name: p.name ?? null,
      createdAt: p.createdAt ? new Date(p.createdAt).toISOString() : null,
      synced: Boolean(p.backedUp),
    }))
    .sort((a, b) => (b.createdAt ?? "").localeCompare(a.createdAt ?? ""));
}

import "server-only";
import { systemDb } from "@/lib/db/system";
import { env } from "@/lib/env";
import { pushDeviceSchema } from "./schema";

/**
 * The devices a person said yes to web push on. A subscription's endpoint is a
 * URL the worker will POST to, so only the browsers' push services are taken
 * (or, on a server that itself runs on this machine, a local one for tests):
 * nobody can make the server call an address of their choosing.
 */
const PUSH_SERVICES = [
  /^fcm\.googleapis\.com$/,
  /(^|\.)push\.services\.mozilla\.com$/,
  /(^|\.)push\.apple\.com$/,
  /(^|\.)notify\.windows\.com$/,
];
const LOOPBACK = /^(localhost|127(\.\d{1,3}){3}|\[::1\])$/i;
export const MAX_DEVICES = 10;

export function isPushService(endpoint: string, appUrl = env().APP_URL): boolean {
  let url: URL;
  try {
    url = new URL(endpoint);
  } catch {
    return false;
  }
  if (url.protocol === "https:" && PUSH_SERVICES.some((p) => p.test(url.hostname))) return true;
  // a server at localhost is a developer's or a test's: its push service may be local too
  return LOOPBACK.test(new URL(appUrl).hostname) && LOOPBACK.test(url.hostname);
}

export type DeviceDto = { id: string; label: string; createdAt: string; lastUsedAt: string | null };

export async function myDevices(userId: string): Promise<DeviceDto[]> {
  const rows = await systemDb().pushDevice.findMany({ where: { userId }, orderBy: { createdAt: "asc" } });
  return rows.map((r) => ({
    id: r.id,
    label: r.label,
    createdAt: r.createdAt.toISOString(),
    lastUsedAt: r.lastUsedAt?.toISOString() ?? null,
  }));
}

export async function addDevice(userId: string, raw: unknown): Promise<"added" | "invalid" | "too-many"> {
  const parsed = pushDeviceSchema.safeParse(raw);
  if (!parsed.success || !isPushService(parsed.data.endpoint)) return "invalid";
  const db = systemDb();
  const { endpoint, ...rest } = parsed.data;
  return db.$transaction(async (tx) => {
    if ((await tx.pushDevice.count({ where: { userId, NOT: { endpoint } } })) >= MAX_DEVICES) return "too-many";
    // the same browser subscribing again (or after another person used it) is this person's device now
    await tx.pushDevice.upsert({
      where: { endpoint },
      create: { userId, endpoint, ...rest },
      update: { userId, ...rest, createdAt: new Date(), lastUsedAt: null },
    });
    return "added";
  });
}

export async function removeDevice(userId: string, id: string): Promise<boolean> {
  const { count } = await systemDb().pushDevice.deleteMany({ where: { id, userId } });
  return count === 1;
}

/** The public half of the VAPID key pair, for the browser's subscribe call; null when web push is not set up. */
export const pushPublicKey = () => env().VAPID_PUBLIC_KEY ?? null;

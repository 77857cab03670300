import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { systemDb } from "@/lib/db/system";
import type { Tx } from "@/lib/record/tx";
import { isMitidAddress } from "@/lib/mitid/enrol";
import type { Reach, Wishes } from "./timing";
import { languageOfWish } from "./language";

/**
 * How each person asked to be told, and where they can be reached. These are a
 * person's own settings, nobody's record: through the system door, only for the
 * signed-in person themselves (or the worker, which sends to them).
 */

export const DEFAULT_WISHES: Wishes & { language: string } = {
  email: true,
  sms: false,
  push: true,
  quietFrom: 21 * 60,
  quietTo: 7 * 60,
  digest: false,
  digestAt: 8 * 60,
  urgentKinds: [],
  language: "da",
};

export type Settings = Wishes & {
  language: string;
  /** The addresses in use (confirmed): mail goes to `emailAddress` ?? the sign-in address. */
  emailAddress: string | null;
  phone: string | null;
  chosen: boolean;
  version: number;
};

/** The sign-in address, when it is a real one that was checked (not a MitID account's made-up one). */
const signInAddress = (user: { email: string; emailVerified: boolean }) =>
  user.emailVerified && !isMitidAddress(user.email) ? user.email : null;

export async function settingsFor(userId: string): Promise<Settings & { signInEmail: string | null }> {
  const user = await systemDb().user.findUnique({
    where: { id: userId },
    select: { email: true, emailVerified: true, notificationSettings: true },
  });
  const s = user?.notificationSettings;
  return {
    ...(s ?? DEFAULT_WISHES),
    emailAddress: s?.emailAddress ?? null,
    phone: s?.phone ?? null,
    chosen: Boolean(s?.chosenAt),
    version: s?.version ?? 0,
    signInEmail: user ? signInAddress(user) : null,
  };
}

/** Where a person can be reached now, for the worker: the address, the number, their devices. */
export async function reachFor(userId: string) {
  const settings = await settingsFor(userId);
  const devices = await systemDb().pushDevice.findMany({
    where: { userId },
    select: { id: true, endpoint: true, p256dh: true, auth: true },
  });
  const email = settings.emailAddress ?? settings.signInEmail;
  const reach: Reach = { email: Boolean(email), sms: Boolean(settings.phone), push: devices.length > 0 };
  return { settings, reach, email, phone: settings.phone, devices };
}

/**
 * A citizen's contact wishes set how they are told until they choose for
 * themselves: their language, and SMS when they asked to be texted or called
 * and a confirmed number exists (mail stays on unless SMS can reach them, so
 * the wish never leaves them told by nothing). Called in the transaction that
 * saves the wishes, whoever records them.
 */
export async function followContactWishes(tx: Tx, userId: string, wishes: { channel: string; language: string }) {
  const current = await tx.notificationSettings.findUnique({ where: { userId }, select: { chosenAt: true, phone: true } });
  if (current?.chosenAt) return;
  const language = languageOfWish(wishes.language);
  const sms = (wishes.channel === "SMS" || wishes.channel === "PHONE") && Boolean(current?.phone);
  const data = { sms, email: !sms || wishes.channel === "EMAIL", language };
  await tx.notificationSettings.upsert({ where: { userId }, create: { userId, ...data }, update: data });
}

export type SettingsInput = Omit<Wishes, "urgentKinds"> & { urgentKinds: string[]; language: string; version: number };

/** Saves a person's own choices; a stale version is refused (someone changed them in another window). */
export async function saveSettings(userId: string, input: SettingsInput): Promise<"saved" | "stale"> {
  const { version, ...data } = input;
  const db = systemDb();
  const now = new Date();
  if (version === 0) {
    const { count } = await db.notificationSettings.createMany({ data: [{ userId, ...data, chosenAt: now }], skipDuplicates: true });
    if (count === 1) return "saved";
    // a row may exist from the contact wishes without the person having seen it: version 1, never chosen
    const row = await db.notificationSettings.findUnique({ where: { userId }, select: { chosenAt: true, version: true } });
    if (!row || row.chosenAt || row.version !== 1) return "stale";
    return saveSettings(userId, { ...input, version: 1 });
  }
  const { count } = await db.notificationSettings.updateMany({
    where: { userId, version },
    data: { ...data, chosenAt: now, version: { increment: 1 } },
  });
  return count === 1 ? "saved" : "stale";
}

/** Stops using a confirmed address (mail goes to the sign-in address again, if it is a real one) or number (and SMS). */
export async function forgetContactPoint(userId: string, what: "emailAddress" | "phone") {
  await systemDb().notificationSettings.updateMany({
    where: { userId },
    data: what === "phone" ? { phone: null, sms: false, version: { increment: 1 } } : { emailAddress: null, version: { increment: 1 } },
  });
}

/** Stops one channel, or all, for a person: from a stop link, without signing in. */
export async function stopChannel(userId: string, what: "EMAIL" | "SMS" | "PUSH" | "ALL") {
  const off = {
    ...(what === "EMAIL" || what === "ALL" ? { email: false } : {}),
    ...(what === "SMS" || what === "ALL" ? { sms: false } : {}),
    ...(what === "PUSH" || what === "ALL" ? { push: false } : {}),
  };
  const db = systemDb();
  const exists = await db.user.count({ where: { id: userId } });
  if (!exists) return false;
  await db.notificationSettings.upsert({
    where: { userId },
    create: { userId, ...DEFAULT_WISHES, urgentKinds: [], ...off, chosenAt: new Date() },
    update: { ...off, chosenAt: new Date(), version: { increment: 1 } },
  });
  return true;
}

const hash = (token: string) => createHash("sha256").update(token).digest("hex");
const CONFIRM_HOURS = 24;

/** A new address or number waits for the link sent to it; the token is returned once, for the link. */
export async function startConfirmation(userId: string, channel: "EMAIL" | "SMS", value: string): Promise<string> {
  const token = randomBytes(32).toString("base64url");
  const db = systemDb();
  // one waiting confirmation per person and channel: a new one replaces the old
  await db.contactConfirmation.deleteMany({ where: { userId, channel } });
  await db.contactConfirmation.create({
    data: { userId, channel, value, tokenHash: hash(token), expiresAt: new Date(Date.now() + CONFIRM_HOURS * 3_600_000) },
  });
  return token;
}

/** Takes a confirmation link (once, before it expires) and starts using the address or number. */
export async function confirm(token: string): Promise<"EMAIL" | "SMS" | null> {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return null;
  return systemDb().$transaction(async (tx) => {
    const row = await tx.contactConfirmation.findUnique({ where: { tokenHash: hash(token) } });
    if (!row) return null;
    // used once: of two opening the same link at once, one takes it
    const { count } = await tx.contactConfirmation.deleteMany({ where: { id: row.id } });
    if (count === 0 || row.expiresAt <= new Date()) return null;
    const data = row.channel === "EMAIL" ? { emailAddress: row.value, email: true } : { phone: row.value, sms: true };
    await tx.notificationSettings.upsert({
      where: { userId: row.userId },
      create: { userId: row.userId, ...DEFAULT_WISHES, urgentKinds: [], ...data },
      update: { ...data, version: { increment: 1 } },
    });
    return row.channel === "EMAIL" ? "EMAIL" : "SMS";
  });
}

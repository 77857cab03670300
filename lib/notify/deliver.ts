import "server-only";
import { systemDb } from "@/lib/db/system";
import { demoMode } from "@/lib/env-public";
import { env } from "@/lib/env";
import { MailNotSent, mailMode, sendMail } from "@/lib/mail/send";
import { isKind, type Kind } from "./kinds";
import { PushGone, PushNotSent, sendPush } from "./push";
import { reachFor } from "./settings";
import { stillMayKnow } from "./still";
import { SmsNotSent, SmsRefused, sendSms } from "./sms";
import { digestFor, links, localeOf, mailFor, pushFor, smsFor } from "./texts";
import { easyReadFor } from "@/lib/auth/reading";

/**
 * Delivers one delivery (a job of the queue): idempotent, so a retried job
 * never sends twice what was sent.
 *  - SENT, SKIPPED or DEAD: done, nothing more.
 *  - Otherwise it is marked SENDING (committed) before it is handed to the
 *    channel, with the delivery key as the message's identity (the mail's
 *    Message-ID, the push message's topic, the SMS's reference), then SENT. A
 *    worker that dies between the two leaves it SENDING; the retry sends the
 *    same message again with the same key: at least once, and where the
 *    channel knows the key (a push service's topic, a mail program that shows
 *    one Message-ID once) no more than once (docs/decisions/023).
 *  - A daily digest delivery is sent together with the person's other due
 *    digest deliveries on that channel, as one message.
 * A failure the channel may get over (a timeout, a 5xx) throws, and the queue
 * retries later; one it will not (no address, a refused number, a device gone)
 * is recorded and not retried.
 */

/** Why a delivery was not sent and will not be: said to operators, never an address or a text. */
class WillNotSend extends Error {}

export type DeliverOutcome = "sent" | "already" | "skipped" | "dead" | "batched";

const reason = (e: unknown) => (e instanceof Error ? e.message : String(e)).slice(0, 200);

export async function deliver(deliveryId: string): Promise<DeliverOutcome> {
  const db = systemDb();
  const d = await db.notificationDelivery.findUnique({
    where: { id: deliveryId },
    include: { notification: { select: { id: true, kind: true, path: true, recipientId: true, citizenId: true } } },
  });
  if (!d || d.status === "SENT" || d.status === "SKIPPED" || d.status === "DEAD") return "already";
  if (d.digest) return deliverDigest(d.id);
  const kind = d.notification.kind;
  if (!isKind(kind)) return skip(d.id, "unknown kind");
  // held for the morning, say, while the relative's access ended: they are told nothing
  if (!(await stillMayKnow([d.notification]))[0]) return skip(d.id, "the person may no longer know of it");
  // taken as read, or not at all: of two jobs for one delivery (an operator's retry meeting an expired one), one sends
  const { count } = await db.notificationDelivery.updateMany({
    where: { id: d.id, updatedAt: d.updatedAt, status: { in: ["WAITING", "FAILED", "SENDING"] } },
    data: { status: "SENDING", attempts: { increment: 1 } },
  });
  if (count === 0) return "already";
  try {
    const out = await send(d.recipientId, d.channel, d.key, d.notification.id, { single: kind, path: d.notification.path });
    if (out === "skipped") return "skipped";
    await markSent([d.id], [d.notification.id]);
    return "sent";
  } catch (e) {
    return failed([d.id], e);
  }
}

async function deliverDigest(deliveryId: string): Promise<DeliverOutcome> {
  const db = systemDb();
  const batchKey = `digest.${deliveryId}`;
  const first = await db.notificationDelivery.findUnique({ where: { id: deliveryId }, select: { recipientId: true, channel: true } });
  if (!first) return "already";
  // one digest at a time per person and channel (taken before any row, so two jobs never wait on each other's rows);
  // this delivery always, and every other due one not yet in a digest, by the database's clock
  const claimed = await db.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT 1 AS locked FROM pg_advisory_xact_lock(hashtext(${`digest:${first.recipientId}:${first.channel}`}))`;
    const own = await tx.notificationDelivery.findUnique({ where: { id: deliveryId }, select: { batchKey: true, status: true } });
    if (!own || own.status === "SENT" || own.status === "SKIPPED" || own.status === "DEAD") return false;
    if (own.batchKey && own.batchKey !== batchKey) return false; // in another's digest: that job sends it
    if (!own.batchKey)
      await tx.$executeRaw`
        UPDATE "NotificationDelivery" SET "batchKey" = ${batchKey}, "updatedAt" = now()
        WHERE id = ${deliveryId}::uuid
           OR ("recipientId" = ${first.recipientId} AND "channel"::text = ${first.channel} AND digest AND "batchKey" IS NULL
               AND status IN ('WAITING', 'FAILED') AND "dueAt" <= now())`;
    await tx.notificationDelivery.updateMany({
      where: { batchKey, status: { in: ["WAITING", "FAILED", "SENDING"] } },
      data: { status: "SENDING", attempts: { increment: 1 } },
    });
    return true;
  });
  if (!claimed) return "batched";
  const items = await db.notificationDelivery.findMany({
    where: { batchKey },
    orderBy: { createdAt: "asc" },
    select: {
      id: true,
      status: true,
      channel: true,
      recipientId: true,
      notification: { select: { id: true, kind: true, recipientId: true, citizenId: true } },
    },
  });
  const pending = items.filter((i) => i.status !== "SENT" && i.status !== "SKIPPED" && i.status !== "DEAD");
  const may = await stillMayKnow(pending.map((i) => i.notification));
  const gone = pending.filter((_, n) => !may[n]);
  if (gone.length)
    await skipMany(
      gone.map((i) => i.id),
      "the person may no longer know of it",
    );
  const open = pending.filter((_, n) => may[n]);
  if (open.length === 0) return "already";
  const kinds = open.map((i) => i.notification.kind).filter(isKind);
  try {
    const out = await send(
      first.recipientId,
      first.channel,
      batchKey,
      null,
      { digest: kinds },
      open.map((i) => i.id),
    );
    if (out === "skipped") return "skipped";
    await markSent(
      open.map((i) => i.id),
      open.map((i) => i.notification.id),
    );
    return "sent";
  } catch (e) {
    return failed(
      open.map((i) => i.id),
      e,
    );
  }
}

type What = { single: Kind; path: string } | { digest: Kind[] };

/** Hands the message to its channel; "skipped" when it will not be sent (recorded as such). */
async function send(
  recipientId: string,
  channel: "EMAIL" | "SMS" | "PUSH",
  key: string,
  notificationId: string | null,
  what: What,
  ids?: string[],
): Promise<"sent" | "skipped"> {
  const db = systemDb();
  const deliveryIds = ids ?? (await db.notificationDelivery.findMany({ where: { key }, select: { id: true } })).map((r) => r.id);
  // taken (SENDING) by the caller already
  const { settings, email, phone, devices } = await reachFor(recipientId);
  const locale = localeOf(settings.language);
  const wanted =
    channel === "EMAIL" ? settings.email && email : channel === "SMS" ? settings.sms && phone : settings.push && devices.length > 0;
  if (!wanted) {
    await skipMany(deliveryIds, "the person no longer wants or cannot be reached on this channel");
    return "skipped";
  }
  const path = "single" in what ? what.path : "/";
  const l = links(locale, path, recipientId, channel);
  // a citizen who reads easy-read is told in its words (docs/decisions/041)
  const easy = await easyReadFor(recipientId);
  const e = env();
  try {
    if (channel === "EMAIL") {
      const mail = "single" in what ? mailFor(what.single, locale, email!, l, easy) : digestFor(what.digest, locale, email!, l, easy).mail;
      if (mailMode(e) === "not-configured") throw new WillNotSend("no mail server is set up");
      await sendMail({ ...mail, key, oneClickStop: l.oneClickUrl });
    } else if (channel === "SMS") {
      const text = "single" in what ? smsFor(what.single, locale, l, easy) : digestFor(what.digest, locale, "", l, easy).sms;
      if (e.SMS_GATEWAY_URL && e.SMS_GATEWAY_TOKEN && e.SMS_SENDER) {
        await sendSms({ to: phone!, text, key }, { url: e.SMS_GATEWAY_URL, token: e.SMS_GATEWAY_TOKEN, sender: e.SMS_SENDER });
      } else if (demoMode) {
        // the demo build shows texts in its outbox: no SMS provider is ever called from the demo
        await db.outboxEmail.create({ data: { to: phone!, subject: "SMS", body: text } });
      } else throw new WillNotSend("no SMS gateway is set up");
    } else {
      if (!(e.VAPID_PUBLIC_KEY && e.VAPID_PRIVATE_KEY && e.VAPID_SUBJECT)) throw new WillNotSend("web push is not set up");
      const message =
        "single" in what
          ? { ...pushFor(what.single, locale, path, easy), tag: notificationId ?? key }
          : { ...digestFor(what.digest, locale, "", l, easy).push, url: `/${locale}/`, tag: key };
      await pushToDevices(devices, message, key, {
        publicKey: e.VAPID_PUBLIC_KEY,
        privateKey: e.VAPID_PRIVATE_KEY,
        subject: e.VAPID_SUBJECT,
      });
    }
    return "sent";
  } catch (error) {
    if (error instanceof WillNotSend || error instanceof SmsRefused) {
      await db.notificationDelivery.updateMany({ where: { id: { in: deliveryIds } }, data: { status: "DEAD", lastError: reason(error) } });
      return "skipped";
    }
    throw error;
  }
}

/** To every device the person said yes on; a device the push service has forgotten is removed. */
async function pushToDevices(
  devices: { id: string; endpoint: string; p256dh: string; auth: string }[],
  message: { title: string; body: string; url: string; tag: string },
  key: string,
  config: { publicKey: string; privateKey: string; subject: string },
) {
  const db = systemDb();
  let delivered = 0;
  let lastError: unknown = null;
  // delivered to one device is delivered: a retry would show it again on the others
  for (const device of devices) {
    try {
      await sendPush(device, message, key, config);
      delivered++;
      await db.pushDevice.update({ where: { id: device.id }, data: { lastUsedAt: new Date() } });
    } catch (e) {
      if (e instanceof PushGone) await db.pushDevice.deleteMany({ where: { id: device.id } });
      else lastError = e;
    }
  }
  if (delivered > 0) return;
  if (lastError) throw lastError;
  throw new WillNotSend("no device takes web push any more");
}

async function markSent(deliveryIds: string[], notificationIds: string[]) {
  const now = new Date();
  await systemDb().$transaction([
    systemDb().notificationDelivery.updateMany({
      where: { id: { in: deliveryIds } },
      data: { status: "SENT", sentAt: now, lastError: null },
    }),
    systemDb().notification.updateMany({ where: { id: { in: notificationIds }, toldAt: null }, data: { toldAt: now } }),
  ]);
}

async function failed(deliveryIds: string[], e: unknown): Promise<never> {
  const known = e instanceof MailNotSent || e instanceof SmsNotSent || e instanceof PushNotSent;
  await systemDb().notificationDelivery.updateMany({
    where: { id: { in: deliveryIds } },
    data: { status: "FAILED", lastError: known ? reason(e) : "unexpected error (see the worker's log)" },
  });
  throw e;
}

async function skip(id: string, why: string): Promise<DeliverOutcome> {
  await skipMany([id], why);
  return "skipped";
}

async function skipMany(ids: string[], why: string) {
  await systemDb().notificationDelivery.updateMany({ where: { id: { in: ids } }, data: { status: "SKIPPED", lastError: why } });
}

/** The queue gave up on a delivery (its retries are spent): it is dead, for an operator to see. */
export async function markDead(deliveryId: string) {
  const db = systemDb();
  const d = await db.notificationDelivery.findUnique({ where: { id: deliveryId }, select: { batchKey: true } });
  // a digest dies whole: every delivery in it, so none is left waiting for a job that will not come
  await db.notificationDelivery.updateMany({
    where: { ...(d?.batchKey ? { batchKey: d.batchKey } : { id: deliveryId }), status: { notIn: ["SENT", "SKIPPED"] } },
    data: { status: "DEAD" },
  });
}

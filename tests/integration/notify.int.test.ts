import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Actor } from "@/lib/record/actor";
import { CONSENTABLE_PARTS } from "@/lib/access/policy";
import { StaleWrite, throughGate } from "@/lib/record/gate";
import { sendMessage } from "@/lib/messages/commands";
import { requestConsent } from "@/lib/consents/requests";
import { askForContact, closeContactRequest } from "@/lib/contact-requests/commands";
import { readContactRequests } from "@/lib/contact-requests/queries";
import { proposeGoalStep } from "@/lib/goals/commands";
import { answerHandover, offerHandover, takeRedThread } from "@/lib/red-thread/commands";
import { contactDue, workingDaysAfter } from "@/lib/contact-requests/working-days";
import { endOfDanishDay, todayInDenmark } from "@/lib/validation/fields";
import { addAgreement } from "@/lib/agreements/commands";
import { saveOwnSpace } from "@/lib/relatives/space";
import { createInvitation } from "@/lib/relatives/commands";
import { redeemInvitation } from "@/lib/relatives/invitations";
import { updateContactPreferences } from "@/lib/contact/commands";
import { vapidKeys } from "@/lib/notify/push";
import { startWorker, type Worker } from "@/lib/notify/worker";
import { confirm, startConfirmation, stopChannel } from "@/lib/notify/settings";
import { readStopToken } from "@/lib/notify/tokens";
import { deliver } from "@/lib/notify/deliver";
import { sweep } from "@/lib/notify/sweeps";
import { danishMinutes } from "@/lib/notify/timing";
import { addDevice, isPushService } from "@/lib/notify/devices";
import { markRead, newsFor } from "@/lib/notify/inbox";
import { deliveryReport, retryDeliveries } from "@/prisma/admin";
import { makeWorld } from "../support/fixtures";
import { appDatabase } from "../support/app-database";
import { startSmtpServer } from "../smtp/server.mjs";
import { SMS_TEST_TOKEN, smsMessages, startSmsGateway, type SmsGateway } from "../sms/client";
import { messages as pushMessages, startPushService, subscribe } from "../push/client";

// Telling people, end to end on real parts: a change through the gate writes
// the outbox in its transaction; workers (two at once, on pg-boss) relay it,
// plan it as the person asked, and deliver it to a real SMTP server, a local SMS
// gateway and a local push service that decrypts what it gets. Everything runs
// in this one file, in order: the workers would otherwise deliver another
// file's notifications with this file's servers.
const db = appDatabase();
const ROOT = path.resolve(import.meta.dirname, "../..");

let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
let sms: SmsGateway;
let push: { url: string; stop(): Promise<void> };
let workers: Worker[] = [];
const vapid = vapidKeys();
const ENV = () => ({
  SMTP_HOST: "127.0.0.1",
  SMTP_PORT: String(smtp.port),
  SMTP_SECURITY: "none",
  MAIL_FROM: "Fortæl det én gang <noreply@solbjerg.test>",
  SMS_GATEWAY_URL: sms.url,
  SMS_GATEWAY_TOKEN: SMS_TEST_TOKEN,
  SMS_SENDER: "Solbjerg",
  VAPID_PUBLIC_KEY: vapid.publicKey,
  VAPID_PRIVATE_KEY: vapid.privateKey,
  VAPID_SUBJECT: "mailto:it@solbjerg.test",
  APP_URL: "https://fortael.solbjerg.test",
  NOTIFY_RETRY_DELAY_SECONDS: "1",
  NOTIFY_RETRY_LIMIT: "2",
  NOTIFY_SWEEP_SECONDS: "3600",
});

beforeAll(async () => {
  smtp = await startSmtpServer();
  sms = await startSmsGateway(3371);
  push = await startPushService(3372);
  Object.assign(process.env, ENV());
  // two workers at once, as production may run them
  workers = [
    await startWorker({ concurrency: 3, log: process.env.DEBUG_WORKER ? console.log : () => {} }),
    await startWorker({ concurrency: 3, log: process.env.DEBUG_WORKER ? console.log : () => {} }),
  ];
});
afterAll(async () => {
  await Promise.all(workers.map((w) => w.stop()));
  await Promise.all([smtp?.stop(), sms?.stop(), push?.stop()]);
});

const staffIdOf = (a: Actor) => (a.kind === "user" && a.staff ? a.staff.staffId : "");
const userIdOf = (a: Actor) => (a.kind === "user" ? a.userId : "");

async function until<T>(what: string, check: () => Promise<T | null | undefined | false>, ms = 20_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > end) throw new Error(`waited ${ms} ms for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Mail that reached the SMTP server for `to`, once every delivery for them has settled. */
async function mailTo(to: string, count = 1) {
  await until(`${count} mail to ${to}`, async () => smtp.messages.filter((m) => m.to.includes(to)).length >= count).catch(async (e) => {
    if (process.env.DEBUG_WORKER) console.error(JSON.stringify(await db.notification.findMany({ include: { deliveries: true } }), null, 1));
    throw e;
  });
  await settled();
  return smtp.messages.filter((m) => m.to.includes(to));
}

/** Nothing waiting in the outbox, nothing under way: what will be sent has been. */
async function settled() {
  await until("the outbox and the queue to settle", async () => {
    const [outbox, busy] = await Promise.all([
      db.notification.count({ where: { dispatchedAt: null } }),
      db.notificationDelivery.count({ where: { status: { in: ["SENDING", "FAILED"] } } }),
    ]);
    const due = await db.notificationDelivery.count({ where: { status: "WAITING", dueAt: { lte: new Date() }, digest: false } });
    return outbox + busy + due === 0;
  });
}

/** Words written in the record in these tests: none may leave in a notification. */
const RECORD_WORDS = new Set<string>();
const remember = (...words: string[]) => words.forEach((w) => RECORD_WORDS.add(w));

/** A citizen with area A consented to everything, staffA their coordinator, a colleague, a relative; all with real addresses. */
async function world() {
  const w = await makeWorld(db);
  const c = w.citizen.id;
  await db.consent.create({ data: { citizenId: c, serviceAreaId: w.areaA.id, parts: [...CONSENTABLE_PARTS], reason: "test" } });
  await db.assignment.create({ data: { citizenId: c, staffId: staffIdOf(w.actors.staffA), serviceAreaId: w.areaA.id } });
  await db.coordination.create({ data: { citizenId: c, staffId: staffIdOf(w.actors.staffA) } });
  const colleague = await w.staffIn("colleague-a", [w.areaA]);
  const lead = await w.staffIn("lead-a", []);
  await db.staffArea.create({ data: { staffId: staffIdOf(lead), serviceAreaId: w.areaA.id, isLead: true } });
  const relative = await w.relativeWith("relative", ["SEE_GOALS_AND_AGREEMENTS"]);
  const unrelatedRelative = await w.relativeWith("story-only", ["SEE_STORY"]);
  await db.relativeSpace.createMany({
    data: (await db.relationship.findMany({ where: { citizenId: c } })).map((r) => ({ relationshipId: r.id, citizenId: c })),
  });
  await db.user.updateMany({ where: { email: { contains: w.tag } }, data: { emailVerified: true } });
  // the tests run at any hour: no quiet hours, unless a test sets them (the default is 21-07)
  const users = await db.user.findMany({ where: { email: { contains: w.tag } }, select: { id: true } });
  await db.notificationSettings.createMany({ data: users.map((u) => ({ userId: u.id, quietFrom: 0, quietTo: 0 })) });
  remember(w.citizen.name, w.otherCitizen.name, w.areaA.key, w.areaB.key, w.areaA.nameDa, `Testkommune ${w.tag}`);
  const email = async (a: Actor) => (await db.user.findUniqueOrThrow({ where: { id: userIdOf(a) } })).email;
  return { ...w, c, colleague, lead, relative, unrelatedRelative, email };
}

const notificationsFor = (userId: string, kind?: string) =>
  db.notification.findMany({ where: { recipientId: userId, ...(kind ? { kind } : {}) }, include: { deliveries: true } });

describe("the outbox and the queue", () => {
  it("a caseworker's message reaches the citizen once, by mail, saying only that something is waiting", async () => {
    const w = await world();
    const text = "Badebænken kommer torsdag klokken ti";
    remember(text, "Badebænken");
    expect((await sendMessage(w.actors.staffA, { citizenId: w.c, text })).ok).toBe(true);
    const to = await w.email(w.actors.citizen);
    const [mail, ...more] = await mailTo(to);
    expect(more).toHaveLength(0);
    expect(mail!.subject).toBe("Du har fået en besked");
    expect(mail!.text).toContain("https://fortael.solbjerg.test/da/plan");
    expect(mail!.text).not.toContain("Badebænken");
    // the stop link and the one-click header (RFC 8058)
    expect(mail!.text).toMatch(/https:\/\/fortael\.solbjerg\.test\/da\/stop\?t=\S+/);
    expect(mail!.headers["list-unsubscribe-post"]).toBe("List-Unsubscribe=One-Click");
    expect(mail!.headers["list-unsubscribe"]).toMatch(/^<https:\/\/fortael\.solbjerg\.test\/api\/notifications\/stop\?t=/);
    const [n] = await notificationsFor(userIdOf(w.actors.citizen), "message");
    expect(n!.toldAt).not.toBeNull();
    expect(n!.deliveries).toEqual([expect.objectContaining({ channel: "EMAIL", status: "SENT", attempts: 1 })]);
    // the Message-ID is the delivery key: a retried delivery is the same mail
    expect(mail!.messageId).toBe(`<${n!.deliveries[0]!.key.replace(":", ".")}@fortael.solbjerg.test>`);
    // the caseworker who wrote is not told of their own doing
    expect(await notificationsFor(userIdOf(w.actors.staffA))).toHaveLength(0);
  });

  it("a citizen who reads easy-read is told in easy-read words; when they turn it off, in the normal ones again", async () => {
    const w = await world();
    await db.citizen.update({ where: { id: w.c }, data: { plainLanguage: true } });
    expect((await sendMessage(w.actors.staffA, { citizenId: w.c, text: "Vi ses på tirsdag" })).ok).toBe(true);
    remember("Vi ses på tirsdag");
    const [mail] = await mailTo(await w.email(w.actors.citizen));
    expect(mail!.subject).toBe("Du har fået en besked");
    expect(mail!.text).toContain("Den er fra en af os i kommunen.");
    expect(mail!.text).not.toContain("Den er fra en medarbejder i kommunen.");
    // the normal words for a citizen who has not asked for easy-read
    await db.citizen.update({ where: { id: w.c }, data: { plainLanguage: false } });
    expect((await sendMessage(w.actors.staffA, { citizenId: w.c, text: "Vi ses på onsdag" })).ok).toBe(true);
    remember("Vi ses på onsdag");
    const [, second] = await mailTo(await w.email(w.actors.citizen), 2);
    expect(second!.text).toContain("Den er fra en medarbejder i kommunen.");
  });

  it("easy-read words go by SMS, by push and in the daily digest too, not only by mail", async () => {
    const w = await world();
    const citizenUser = userIdOf(w.actors.citizen);
    await db.citizen.update({ where: { id: w.c }, data: { plainLanguage: true } });
    const token = await startConfirmation(citizenUser, "SMS", "+45 21 31 41 51");
    expect(await confirm(token)).toBe("SMS");
    const device = await subscribe(push.url, { applicationServerKey: vapid.publicKey });
    await db.pushDevice.create({
      data: { userId: citizenUser, endpoint: device.endpoint, p256dh: device.keys.p256dh, auth: device.keys.auth, label: "test" },
    });
    await db.notificationSettings.update({ where: { userId: citizenUser }, data: { email: false, sms: true, push: true } });
    const offer = await offerHandover(w.actors.staffA, { citizenId: w.c, toStaffId: staffIdOf(w.colleague), note: "" });
    expect(offer.ok).toBe(true);
    const [text, ...moreTexts] = await until("an SMS", async () => {
      const got = await smsMessages(sms.base, "4521314151");
      return got.length ? got : null;
    });
    const [got] = await until("a push message", async () => {
      const m = await pushMessages(push.url, device.id);
      return m.length ? m : null;
    });
    await settled();
    expect(moreTexts).toHaveLength(0);
    expect(await smsMessages(sms.base, "4521314151")).toHaveLength(1); // nor one more, later
    // the easy words: "din faste person", never "koordinator" or "den røde tråd"
    expect(text!.message).toMatch(/^Din faste person vil give opgaven videre\. Se mere: https:\/\/fortael\.solbjerg\.test\/da\/plan/);
    expect(got!.payload).toEqual(
      expect.objectContaining({
        title: "Din faste person vil give opgaven videre",
        body: "Din faste person har spurgt en kollega. Vil de være din faste person nu? Indtil de siger ja, har du den samme som før.",
      }),
    );
    // the daily digest lists each thing by its easy title
    await db.notificationSettings.update({
      where: { userId: citizenUser },
      data: { email: true, sms: false, push: false, digest: true, digestAt: 8 * 60 },
    });
    const handoverId = offer.ok ? offer.value.handoverId : "";
    expect((await answerHandover(w.colleague, { citizenId: w.c, handoverId, answer: "DECLINE", planRead: false })).ok).toBe(true);
    const waiting = await until("a digest delivery", async () => {
      const d = (await notificationsFor(citizenUser, "handover-stays")).flatMap((n) => n.deliveries);
      return d.length === 1 ? d : null;
    });
    await db.notificationDelivery.updateMany({ where: { id: waiting[0]!.id }, data: { dueAt: new Date(Date.now() - 1000) } });
    expect(await deliver(waiting[0]!.id)).toBe("sent");
    const [mail, ...more] = await mailTo(await w.email(w.actors.citizen));
    expect(more).toHaveLength(0);
    expect(mail!.text).toContain("- Du har den samme faste person");
    expect(mail!.text).not.toContain("koordinator");
  });

  it("a change that rolls back tells no one; one that commits is never forgotten", async () => {
    const w = await world();
    const citizenUser = userIdOf(w.actors.citizen);
    const refused = await throughGate(w.actors.staffA, w.c, "message.send", async ({ tell }) => {
      tell({ to: [citizenUser], kind: "message", path: "/plan" });
      throw new StaleWrite(null);
    });
    expect(refused).toEqual(expect.objectContaining({ ok: false, error: "conflict" }));
    expect(await notificationsFor(citizenUser)).toHaveLength(0);
    // a second "contact me" while one is open is refused: the coordinator is told of the first only
    expect((await askForContact(w.actors.citizen, { citizenId: w.c, text: "", channel: "PHONE" })).ok).toBe(true);
    expect((await askForContact(w.actors.citizen, { citizenId: w.c, text: "", channel: "PHONE" })).ok).toBe(false);
    expect(await notificationsFor(userIdOf(w.actors.staffA), "contact-new")).toHaveLength(1);
    expect(await mailTo(await w.email(w.actors.staffA))).toHaveLength(1);
  });

  it("when the mail server says 'try later', the queue retries and the mail arrives once", async () => {
    const w = await world();
    smtp.controls.fail = 1;
    expect((await sendMessage(w.actors.staffA, { citizenId: w.c, text: "Ring gerne i morgen" })).ok).toBe(true);
    remember("Ring gerne i morgen");
    expect(await mailTo(await w.email(w.actors.citizen))).toHaveLength(1);
    const [n] = await notificationsFor(userIdOf(w.actors.citizen), "message");
    expect(n!.deliveries[0]).toEqual(expect.objectContaining({ status: "SENT", attempts: 2 }));
  });

  it("a delivery that fails every retry is dead, with the reason, for an operator to see", async () => {
    const w = await world();
    smtp.controls.fail = 100;
    try {
      expect((await sendMessage(w.actors.staffA, { citizenId: w.c, text: "Vi ses" })).ok).toBe(true);
      const dead = await until(
        "the delivery to be dead",
        async () => (await notificationsFor(userIdOf(w.actors.citizen), "message"))[0]?.deliveries.find((d) => d.status === "DEAD"),
        60_000,
      );
      expect(dead.attempts).toBe(3); // the first try and two retries (NOTIFY_RETRY_LIMIT)
      expect(dead.lastError).toMatch(/451/);
      expect(dead.lastError).not.toContain("@");
      // the operator sees it, mends the mail server, and gives it back to the queue: it is sent, once
      const report = await deliveryReport(db);
      expect(report.troubled.map((t) => t.id)).toContain(dead.id);
      smtp.controls.fail = 0;
      expect(await retryDeliveries(db, inject("databaseUrl"), { id: dead.id })).toBe(1);
      expect(await mailTo(await w.email(w.actors.citizen))).toHaveLength(1);
    } finally {
      smtp.controls.fail = 0;
    }
  });

  it("by SMS to a confirmed number, through the gateway, with the delivery key as its reference", async () => {
    const w = await world();
    const citizenUser = userIdOf(w.actors.citizen);
    const token = await startConfirmation(citizenUser, "SMS", "+45 20 30 40 50");
    expect(await confirm(token)).toBe("SMS");
    expect(await confirm(token)).toBeNull(); // once
    await db.notificationSettings.update({ where: { userId: citizenUser }, data: { email: false } });
    expect((await sendMessage(w.actors.staffA, { citizenId: w.c, text: "Husk tandlægen" })).ok).toBe(true);
    remember("Husk tandlægen");
    const [text, ...more] = await until("an SMS", async () => {
      const got = await smsMessages(sms.base, "4520304050");
      return got.length ? got : null;
    });
    await settled();
    expect(more).toHaveLength(0);
    expect(text!.message).toMatch(/^Du har fået en besked\. Se mere: https:\/\/fortael\.solbjerg\.test\/da\/plan /);
    expect(text!.sender).toBe("Solbjerg");
    const [n] = await notificationsFor(citizenUser, "message");
    expect(n!.deliveries).toEqual([expect.objectContaining({ channel: "SMS", status: "SENT" })]);
    expect(text!.userref).toBe(n!.deliveries[0]!.key);
    expect(smtp.messages.filter((m) => m.to.includes(`citizen-${w.tag}@example.test`))).toHaveLength(0);
  });

  it("by web push to each device, encrypted so only the browser can read it", async () => {
    const w = await world();
    const citizenUser = userIdOf(w.actors.citizen);
    const device = await subscribe(push.url, { applicationServerKey: vapid.publicKey });
    await db.pushDevice.create({
      data: { userId: citizenUser, endpoint: device.endpoint, p256dh: device.keys.p256dh, auth: device.keys.auth, label: "test" },
    });
    await db.notificationSettings.update({ where: { userId: citizenUser }, data: { email: false, push: true } });
    expect((await proposeGoalStep(w.actors.staffA, { citizenId: w.c, goalId: await goal(w.c), text: "Gå en tur hver dag" })).ok).toBe(true);
    remember("Gå en tur hver dag");
    const [got] = await until("a push message", async () => {
      const m = await pushMessages(push.url, device.id);
      return m.length ? m : null;
    });
    await settled();
    expect(got!.payload).toEqual(
      expect.objectContaining({ title: "Et forslag til et skridt", url: expect.stringMatching(/^\/da\/plan\/goals\/[0-9a-f-]{36}$/) }),
    );
    expect((await pushMessages(push.url, device.id)).length).toBe(1);
  });

  it("quiet hours hold a message until morning, unless the person chose it as urgent", async () => {
    const w = await world();
    const citizenUser = userIdOf(w.actors.citizen);
    const now = danishMinutes(new Date());
    const quiet = { quietFrom: (now + 1440 - 5) % 1440, quietTo: (now + 120) % 1440 };
    await db.notificationSettings.update({ where: { userId: citizenUser }, data: quiet });
    expect((await sendMessage(w.actors.staffA, { citizenId: w.c, text: "Om natten" })).ok).toBe(true);
    const held = await until("a planned delivery", async () => (await notificationsFor(citizenUser, "message"))[0]?.deliveries[0]);
    expect(held.status).toBe("WAITING");
    expect(held.dueAt.getTime()).toBeGreaterThan(Date.now() + 100 * 60_000);
    expect(danishMinutes(held.dueAt)).toBe(quiet.quietTo);
    // urgent: at once, quiet or not
    await db.notificationSettings.update({ where: { userId: citizenUser }, data: { urgentKinds: ["message"] } });
    expect((await sendMessage(w.actors.staffA, { citizenId: w.c, text: "Haster" })).ok).toBe(true);
    expect(await mailTo(await w.email(w.actors.citizen))).toHaveLength(1);
  });

  it("the daily digest sends one message for everything that came that day", async () => {
    const w = await world();
    const citizenUser = userIdOf(w.actors.citizen);
    await db.notificationSettings.update({ where: { userId: citizenUser }, data: { digest: true, digestAt: 8 * 60 } });
    expect((await sendMessage(w.actors.staffA, { citizenId: w.c, text: "Første" })).ok).toBe(true);
    expect(
      (
        await requestConsent(w.actors.staffB, {
          citizenId: w.c,
          serviceAreaId: w.areaB.id,
          reason: "Vi vil gerne hjælpe",
          parts: ["GOALS"],
        })
      ).ok,
    ).toBe(true);
    remember("Vi vil gerne hjælpe");
    const deliveries = await until("two digest deliveries", async () => {
      const d = (await notificationsFor(citizenUser)).flatMap((n) => n.deliveries);
      return d.length === 2 ? d : null;
    });
    expect(deliveries.every((d) => d.digest && d.status === "WAITING" && danishMinutes(d.dueAt) === 8 * 60)).toBe(true);
    // the morning comes: both are due, and the first job sends them together; the second finds them sent
    await db.notificationDelivery.updateMany({
      where: { id: { in: deliveries.map((d) => d.id) } },
      data: { dueAt: new Date(Date.now() - 1000) },
    });
    expect(await deliver(deliveries[0]!.id)).toBe("sent");
    expect(["batched", "already"]).toContain(await deliver(deliveries[1]!.id));
    const [mail, ...more] = await mailTo(await w.email(w.actors.citizen));
    expect(more).toHaveLength(0);
    expect(mail!.subject).toBe("Nyt til dig i Fortæl det én gang");
    expect(mail!.text).toContain("Der er 2 nye ting til dig");
    expect(mail!.text).toContain("- Du har fået en besked");
    expect(mail!.text).toContain("- Kommunen spørger om lov");
  });

  it("the stop link in a mail stops that channel without signing in", async () => {
    const w = await world();
    expect((await sendMessage(w.actors.staffA, { citizenId: w.c, text: "Første besked" })).ok).toBe(true);
    const to = await w.email(w.actors.citizen);
    const [mail] = await mailTo(to);
    const token = /\/stop\?t=(\S+)/.exec(mail!.text)![1]!;
    const stop = readStopToken(token);
    expect(stop).toEqual({ userId: userIdOf(w.actors.citizen), what: "EMAIL" });
    expect(readStopToken(token.slice(0, -2) + "xx")).toBeNull();
    expect(await stopChannel(stop!.userId, stop!.what)).toBe(true);
    expect((await sendMessage(w.actors.staffA, { citizenId: w.c, text: "Anden besked" })).ok).toBe(true);
    await until("the second to be planned", async () =>
      (await notificationsFor(userIdOf(w.actors.citizen), "message")).every((n) => n.dispatchedAt),
    );
    await settled();
    expect(smtp.messages.filter((m) => m.to.includes(to))).toHaveLength(1);
    // still in the app
    expect(await notificationsFor(userIdOf(w.actors.citizen), "message")).toHaveLength(2);
  });

  it("the citizen's contact wishes set how they are told, until they choose themselves", async () => {
    const w = await world();
    const citizenUser = userIdOf(w.actors.citizen);
    const saved = await updateContactPreferences(w.actors.citizen, {
      citizenId: w.c,
      channel: "SMS",
      times: "",
      visit: "NO_PREFERENCE",
      language: "English",
      interpreter: "NONE",
      someonePresent: "",
      version: 0,
    });
    expect(saved.ok).toBe(true);
    // no number yet: mail stays on, so wanting to be texted never leaves them told by nothing
    expect(await db.notificationSettings.findUnique({ where: { userId: citizenUser } })).toEqual(
      expect.objectContaining({ sms: false, email: true, language: "en", chosenAt: null }),
    );
    // with a confirmed number, texts take over
    await db.notificationSettings.update({ where: { userId: citizenUser }, data: { phone: "+4520304050" } });
    const again = await updateContactPreferences(w.actors.citizen, {
      citizenId: w.c,
      channel: "SMS",
      times: "",
      visit: "NO_PREFERENCE",
      language: "English",
      interpreter: "NONE",
      someonePresent: "",
      version: 1,
    });
    expect(again.ok).toBe(true);
    expect(await db.notificationSettings.findUnique({ where: { userId: citizenUser } })).toEqual(
      expect.objectContaining({ sms: true, email: false, language: "en", chosenAt: null }),
    );
  });
});

async function goal(citizenId: string) {
  const g = await db.goal.create({ data: { citizenId, title: "Komme mere ud" } });
  remember("Komme mere ud");
  return g.id;
}

describe("each event tells the right person, once, on their channel", () => {
  it("citizen: consent request, contact answered (and relatives who may see agreements), step proposed, handover offered and accepted", async () => {
    const w = await world();
    const citizen = await w.email(w.actors.citizen);
    const asked = await requestConsent(w.actors.staffB, {
      citizenId: w.c,
      serviceAreaId: w.areaB.id,
      reason: "Job og uddannelse",
      parts: ["GOALS"],
    });
    expect(asked.ok).toBe(true);
    remember("Job og uddannelse");
    expect((await mailTo(citizen, 1)).map((m) => m.subject)).toEqual(["Kommunen spørger om lov"]);

    const request = await askForContact(w.actors.citizen, { citizenId: w.c, text: "Jeg er i tvivl om hjemmehjælpen", channel: "PHONE" });
    remember("Jeg er i tvivl om hjemmehjælpen", "hjemmehjælpen");
    expect(request.ok).toBe(true);
    const requestId = request.ok ? request.value.requestId : "";
    const closed = await closeContactRequest(w.actors.staffA, { citizenId: w.c, requestId, what: "Sara ringer tirsdag", dueOn: "" });
    remember("Sara ringer tirsdag");
    expect(closed.ok).toBe(true);
    expect((await mailTo(citizen, 2)).map((m) => m.subject)).toEqual([
      "Kommunen spørger om lov",
      "Vi har svaret på, at du ville kontaktes",
    ]);
    // the relative allowed to see agreements is told; the one who may see only the story is not
    expect((await mailTo(await w.email(w.relative))).map((m) => m.subject)).toEqual(["Der er en ny aftale"]);
    expect(await notificationsFor(userIdOf(w.unrelatedRelative))).toHaveLength(0);

    expect((await proposeGoalStep(w.actors.staffA, { citizenId: w.c, goalId: await goal(w.c), text: "Cykle" })).ok).toBe(true);
    const offer = await offerHandover(w.actors.staffA, {
      citizenId: w.c,
      toStaffId: staffIdOf(w.colleague),
      note: "Hun er glad for haven",
    });
    remember("Hun er glad for haven");
    expect(offer.ok).toBe(true);
    const colleague = await w.email(w.colleague);
    expect((await mailTo(colleague)).map((m) => m.subject)).toEqual(["En kollega spørger, om du vil overtage den røde tråd"]);
    const accepted = await answerHandover(w.colleague, {
      citizenId: w.c,
      handoverId: offer.ok ? offer.value.handoverId : "",
      answer: "ACCEPT",
      planRead: true,
    });
    expect(accepted.ok).toBe(true);
    expect(
      (await mailTo(citizen, 5))
        .map((m) => m.subject)
        .slice(2)
        .sort(),
    ).toEqual(["Din koordinator vil give opgaven videre", "Du har fået en ny koordinator", "Et forslag til et skridt"]);
  });

  it("coordinator: a new 'contact me' at once; the citizen sees when they were told", async () => {
    const w = await world();
    const asked = await askForContact(w.actors.citizen, { citizenId: w.c, text: "", channel: "PHONE" });
    expect(asked.ok).toBe(true);
    expect((await mailTo(await w.email(w.actors.staffA))).map((m) => m.subject)).toEqual(["En borger vil gerne kontaktes"]);
    const seen = await readContactRequests(w.actors.citizen, w.c);
    expect(seen.ok && seen.value.open?.toldAt).toEqual(expect.any(String));
    // the colleague, who does not hold the red thread, is not told
    expect(await notificationsFor(userIdOf(w.colleague))).toHaveLength(0);
  });

  it("coordinator and area lead: the deadline a working day ahead, and when it passes; told once however often the sweep runs", async () => {
    const w = await world();
    const asked = await askForContact(w.actors.citizen, { citizenId: w.c, text: "", channel: "PHONE" });
    const requestId = asked.ok ? asked.value.requestId : "";
    const coordinator = userIdOf(w.actors.staffA);
    // Sara is in area B too, whose lead must not hear of a citizen B may not see
    await db.staffArea.create({ data: { staffId: staffIdOf(w.actors.staffA), serviceAreaId: w.areaB.id } });
    const leadB = await w.staffIn("lead-b", []);
    await db.staffArea.create({ data: { staffId: staffIdOf(leadB), serviceAreaId: w.areaB.id, isLead: true } });
    const today = todayInDenmark();
    // due at the end of the working day after next, as asked today with two days: not yet
    await db.contactRequest.update({ where: { id: requestId }, data: { dueAt: contactDue(new Date(), 2) } });
    await sweep();
    expect(await notificationsFor(coordinator, "contact-due-soon")).toHaveLength(0);
    // due at the end of the next working day: "due soon", the working day before
    await db.contactRequest.update({ where: { id: requestId }, data: { dueAt: endOfDanishDay(workingDaysAfter(today, 1)) } });
    await Promise.all([sweep(), sweep(), sweep()]);
    expect(await notificationsFor(coordinator, "contact-due-soon")).toHaveLength(1);
    // the deadline passes: the coordinator, and the area's lead
    await db.contactRequest.update({ where: { id: requestId }, data: { dueAt: new Date(Date.now() - 60_000) } });
    await Promise.all([sweep(), sweep()]);
    await sweep();
    expect(await notificationsFor(coordinator, "contact-overdue")).toHaveLength(1);
    expect(await notificationsFor(userIdOf(w.lead), "contact-overdue-lead")).toHaveLength(1);
    expect(await notificationsFor(userIdOf(leadB))).toHaveLength(0);
    expect((await mailTo(await w.email(w.lead))).map((m) => m.subject)).toEqual(["Nogen i dit område venter for længe"]);
    expect((await mailTo(await w.email(w.actors.staffA), 3)).map((m) => m.subject).sort()).toEqual([
      "En borger vil gerne kontaktes",
      "Fristen for at kontakte nogen er overskredet",
      "Fristen for at kontakte nogen er snart",
    ]);
    const seen = await readContactRequests(w.actors.citizen, w.c);
    expect(seen.ok && seen.value.open?.overdueToldAt).toEqual(expect.any(String));
  });

  it("citizen: an offer declined or withdrawn is told as 'your coordinator keeps it'; a red thread taken up, as a new coordinator", async () => {
    const w = await world();
    const offer = await offerHandover(w.actors.staffA, { citizenId: w.c, toStaffId: staffIdOf(w.colleague), note: "" });
    const handoverId = offer.ok ? offer.value.handoverId : "";
    expect((await answerHandover(w.colleague, { citizenId: w.c, handoverId, answer: "DECLINE", planRead: false })).ok).toBe(true);
    const citizen = userIdOf(w.actors.citizen);
    expect((await notificationsFor(citizen)).map((n) => n.kind).sort()).toEqual(["handover-offered", "handover-stays"]);
    // the holder's area loses consent; a colleague whose area may takes it up
    await db.consent.updateMany({ where: { citizenId: w.c, serviceAreaId: w.areaA.id }, data: { withdrawnAt: new Date() } });
    await db.consent.create({ data: { citizenId: w.c, serviceAreaId: w.areaB.id, parts: [...CONSENTABLE_PARTS], reason: "test" } });
    await w.assign(w.actors.staffB, w.areaB);
    expect((await takeRedThread(w.actors.staffB, { citizenId: w.c })).ok).toBe(true);
    expect(await notificationsFor(citizen, "handover-accepted")).toHaveLength(1);
  });

  it("a relative whose access ended is told nothing more: a mail held for the morning is not sent, and 'Nyt til dig' no longer lists it", async () => {
    const w = await world();
    const relative = userIdOf(w.relative);
    const now = danishMinutes(new Date());
    await db.notificationSettings.update({
      where: { userId: relative },
      data: { quietFrom: (now + 1440 - 5) % 1440, quietTo: (now + 120) % 1440 },
    });
    expect((await addAgreement(w.actors.citizen, { citizenId: w.c, what: "Vi ses søndag", who: "CITIZEN", dueOn: "" })).ok).toBe(true);
    remember("Vi ses søndag");
    const held = await until("a held delivery", async () => (await notificationsFor(relative, "agreement-added"))[0]?.deliveries[0]);
    expect(held.status).toBe("WAITING");
    expect((await newsFor(relative)).items).toHaveLength(1);
    await db.relationship.updateMany({ where: { userId: relative }, data: { endedAt: new Date() } });
    await db.notificationDelivery.update({ where: { id: held.id }, data: { dueAt: new Date() } });
    expect(await deliver(held.id)).toBe("skipped");
    expect(smtp.messages.filter((m) => m.to.includes(`relative-${w.tag}@example.test`))).toHaveLength(0);
    expect((await newsFor(relative)).items).toHaveLength(0);
  });

  it("colleague and lead: an offer of the red thread unanswered for two working days goes to the area lead", async () => {
    const w = await world();
    const offer = await offerHandover(w.actors.staffA, { citizenId: w.c, toStaffId: staffIdOf(w.colleague), note: "" });
    expect(offer.ok).toBe(true);
    await sweep();
    expect(await notificationsFor(userIdOf(w.lead), "handover-unanswered-lead")).toHaveLength(0);
    await db.handover.update({
      where: { id: offer.ok ? offer.value.handoverId : "" },
      data: { offeredAt: new Date(Date.now() - 5 * 86_400_000) },
    });
    await sweep();
    await sweep();
    expect(await notificationsFor(userIdOf(w.lead), "handover-unanswered-lead")).toHaveLength(1);
    expect(await notificationsFor(userIdOf(w.colleague), "handover-to-you")).toHaveLength(2); // the offer, and a reminder
  });

  it("citizen: a goal's review date coming up, once", async () => {
    const w = await world();
    const id = await goal(w.c);
    await db.goal.update({ where: { id }, data: { reviewOn: new Date(Date.now() + 86_400_000) } });
    await sweep();
    await sweep();
    const told = await notificationsFor(userIdOf(w.actors.citizen), "review-soon");
    expect(told).toHaveLength(1);
    expect(told[0]!.path).toBe(`/plan/goals/${id}`);
  });

  it("citizen: a relative joined, named as their own account is; coordinator: a relative who needs a break or wants to talk", async () => {
    const w = await world();
    const invited = await createInvitation(w.actors.citizen, {
      citizenId: w.c,
      who: "NEW",
      newName: "Mette",
      newRelation: "datter",
      permissions: ["SEE_STORY"],
      accessUntil: "",
    });
    expect(invited.ok).toBe(true);
    const joiner = await w.staffIn("joiner", []); // any signed-in person; a caseworker's private account will do
    // MitID vouched for this person's name (an email account's name would not be shown)
    await db.account.create({
      data: { id: crypto.randomUUID(), userId: userIdOf(joiner), providerId: "mitid-saml", accountId: `p-${w.tag}` },
    });
    const joined = await redeemInvitation({ ...joiner, staff: null }, invited.ok ? invited.value.token : "", "test-client");
    expect(joined.ok).toBe(true);
    const [n] = await notificationsFor(userIdOf(w.actors.citizen), "relative-joined");
    expect(n!.detail).toBe(`joiner ${w.tag}`);
    const mail = (await mailTo(await w.email(w.actors.citizen)))[0]!;
    expect(mail.subject).toBe("En pårørende har brugt dit link");
    expect(mail.text).not.toContain("joiner");
    expect(mail.text).not.toContain("Mette");

    const space = await db.relativeSpace.findFirstOrThrow({ where: { relationship: { userId: userIdOf(w.relative) } } });
    const base = { citizenId: w.c, helpWish: null, canDo: "", wantsPeers: false, sharedWithCitizen: false, version: space.version };
    expect((await saveOwnSpace(w.relative, { ...base, needsRespite: true, wantsCoordinator: true, sharedWithStaff: true })).ok).toBe(true);
    // saying it again is not news
    expect(
      (
        await saveOwnSpace(w.relative, {
          ...base,
          version: space.version + 1,
          needsRespite: true,
          wantsCoordinator: true,
          sharedWithStaff: true,
        })
      ).ok,
    ).toBe(true);
    const coordinator = userIdOf(w.actors.staffA);
    expect((await notificationsFor(coordinator)).map((n) => n.kind).sort()).toEqual(["relative-needs-break", "relative-wants-talk"]);
    // kept to themselves, it is nobody's news
    const quiet = await w.relativeWith("private-relative", ["SEE_STORY"]);
    const qs = await db.relationship.findFirstOrThrow({ where: { userId: userIdOf(quiet) } });
    await db.relativeSpace.create({ data: { relationshipId: qs.id, citizenId: w.c } });
    expect(
      (await saveOwnSpace(quiet, { ...base, version: 1, needsRespite: true, wantsCoordinator: true, sharedWithStaff: false })).ok,
    ).toBe(true);
    expect(await notificationsFor(coordinator)).toHaveLength(2);
  });

  it("relative: an agreement added, when the citizen lets them see agreements", async () => {
    const w = await world();
    const added = await addAgreement(w.actors.citizen, {
      citizenId: w.c,
      what: "Mette handler ind om fredagen",
      who: "CITIZEN",
      dueOn: "",
    });
    remember("Mette handler ind om fredagen");
    expect(added.ok).toBe(true);
    expect(await notificationsFor(userIdOf(w.relative), "agreement-added")).toHaveLength(1);
    expect(await notificationsFor(userIdOf(w.unrelatedRelative))).toHaveLength(0);
  });
});

describe("one's own news and devices", () => {
  it("'Nyt til dig' lists only my own notifications, and marks only my own read", async () => {
    const w = await world();
    expect((await sendMessage(w.actors.staffA, { citizenId: w.c, text: "Hej" })).ok).toBe(true);
    const mine = await newsFor(userIdOf(w.actors.citizen));
    expect(mine).toEqual({ unread: 1, items: [expect.objectContaining({ kind: "message", path: "/plan", read: false })] });
    // someone else cannot mark it, not even knowing its id
    expect(await markRead(userIdOf(w.relative), { id: mine.items[0]!.id })).toBe(0);
    expect(await markRead(userIdOf(w.actors.citizen), { id: mine.items[0]!.id })).toBe(1);
    expect((await newsFor(userIdOf(w.actors.citizen))).unread).toBe(0);
  });

  it("a device is taken only with a browser push service's address: the server never posts where a person tells it to", async () => {
    const w = await world();
    const keys = { p256dh: "B".repeat(87), auth: "A".repeat(22), label: "Min telefon" };
    expect(isPushService("https://fcm.googleapis.com/fcm/send/abc", "https://fortael.solbjerg.dk")).toBe(true);
    expect(isPushService("https://web.push.apple.com/abc", "https://fortael.solbjerg.dk")).toBe(true);
    expect(isPushService("https://169.254.169.254/latest/meta-data", "https://fortael.solbjerg.dk")).toBe(false);
    expect(isPushService("http://127.0.0.1:3372/push/x", "https://fortael.solbjerg.dk")).toBe(false);
    expect(isPushService("http://127.0.0.1:3372/push/x", "http://localhost:3000")).toBe(true);
    expect(isPushService("https://fcm.googleapis.com.evil.test/x", "https://fortael.solbjerg.dk")).toBe(false);
    const user = userIdOf(w.actors.citizen);
    expect(await addDevice(user, { endpoint: "https://intranet.kommune.local/admin", ...keys })).toBe("invalid");
    expect(await addDevice(user, { endpoint: "https://fcm.googleapis.com/fcm/send/abc", ...keys, p256dh: "short" })).toBe("invalid");
    expect(await addDevice(user, { endpoint: "https://fcm.googleapis.com/fcm/send/abc", ...keys })).toBe("added");
    expect(await db.pushDevice.count({ where: { userId: user } })).toBe(1);
  });
});

describe("nothing from the record leaves", () => {
  it("no mail, SMS or push message sent in these tests holds a word written in the record", async () => {
    await settled();
    const sent = [
      ...smtp.messages.flatMap((m) => [m.subject, m.text, m.html]),
      ...(await smsMessages(sms.base)).map((m) => m.message),
      ...(await pushMessages(push.url)).map((m) => JSON.stringify(m.payload)),
    ];
    expect(sent.length).toBeGreaterThan(20);
    for (const word of RECORD_WORDS) for (const text of sent) expect(text, `"${word}" was sent`).not.toContain(word);
  });
});

describe("a worker killed in the middle of a delivery", () => {
  it("after a restart the mail is delivered exactly once", async () => {
    await Promise.all(workers.map((w) => w.stop()));
    workers = [];
    const w = await world();
    const to = await w.email(w.actors.citizen);
    smtp.controls.hang = 1;
    smtp.controls.held = 0;
    const child = () =>
      spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", "scripts/worker.ts"], {
        cwd: ROOT,
        env: {
          ...process.env,
          ...ENV(),
          DATABASE_URL: inject("databaseUrl"),
          TIO_DEMO: "",
          AUTH_SECRET: "x".repeat(40),
          CPR_HASH_KEY: "y".repeat(40),
        },
        stdio: ["ignore", process.env.DEBUG_WORKER ? "inherit" : "ignore", process.env.DEBUG_WORKER ? "inherit" : "ignore"],
      });
    let first: ChildProcess | null = child();
    let second: ChildProcess | null = null;
    try {
      expect((await sendMessage(w.actors.staffA, { citizenId: w.c, text: "Midt i det hele" })).ok).toBe(true);
      // handed to the mail server, which holds it: the worker waits for an answer
      await until(
        "the delivery to be under way",
        async () => (await notificationsFor(userIdOf(w.actors.citizen), "message"))[0]?.deliveries.find((d) => d.status === "SENDING"),
        30_000,
      );
      await until("the mail server to hold the mail", async () => smtp.controls.held === 1);
      first.kill("SIGKILL");
      await new Promise((r) => first!.once("exit", r));
      first = null;
      second = child();
      const delivered = await until(
        "the delivery after the restart",
        async () => {
          const d = (await notificationsFor(userIdOf(w.actors.citizen), "message"))[0]?.deliveries[0];
          if (process.env.DEBUG_WORKER) console.error(new Date().toISOString(), d?.status, d?.attempts, d?.lastError);
          return d?.status === "SENT" ? d : null;
        },
        60_000,
      );
      if (process.env.DEBUG_WORKER)
        console.error(
          JSON.stringify(
            await db.$queryRawUnsafe(
              `SELECT state, retry_count, output, started_on, completed_on FROM pgboss.job WHERE data->>'deliveryId' = '${delivered.id}'`,
            ),
            null,
            1,
          ),
        );
      expect(delivered.attempts).toBe(2);
      await new Promise((r) => setTimeout(r, 2000));
      expect(smtp.messages.filter((m) => m.to.includes(to))).toHaveLength(1);
    } finally {
      smtp.controls.hang = 0;
      for (const c of [first, second]) c?.kill("SIGTERM");
    }
  });
});

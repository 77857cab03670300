import { afterAll, beforeAll, describe, expect, inject, it, vi } from "vitest";
import { connect, type Db } from "@/lib/db/connect";
import { makeWorld, useDatabase } from "../support/fixtures";
import { startSmtpServer } from "../smtp/server.mjs";
import type { Actor } from "@/lib/record/actor";
import { createHash, randomUUID } from "node:crypto";

// better-auth's HTTP handler on a real database, as the route /api/auth/* serves it.
// The demo build's outbox stands in for mail, so the test can read the links.
let db: Db;
const savedEnv = { ...process.env };
beforeAll(async () => {
  await useDatabase(inject("databaseUrl"));
  db = connect(inject("databaseUrl"), { max: 2 });
});
afterAll(async () => {
  await db.$disconnect();
  for (const key of [
    "TIO_DEMO",
    "AUTH_MAGIC_LINK_PER_MINUTE",
    "APP_URL",
    "TRUSTED_PROXY_IP_HEADER",
    "SIGN_IN_LINKS_PER_ADDRESS",
    ...SMTP_KEYS,
  ]) {
    if (savedEnv[key] === undefined) delete process.env[key];
    else process.env[key] = savedEnv[key];
  }
});

const SMTP_KEYS = ["SMTP_HOST", "SMTP_PORT", "SMTP_SECURITY", "MAIL_FROM"];

async function loadAuth(env: Record<string, string>) {
  vi.resetModules();
  delete (globalThis as { __auth?: unknown }).__auth;
  for (const key of [...SMTP_KEYS, "TRUSTED_PROXY_IP_HEADER", "SIGN_IN_LINKS_PER_ADDRESS"]) delete process.env[key];
  Object.assign(process.env, { TIO_DEMO: "1", AUTH_MAGIC_LINK_PER_MINUTE: "5", ...env });
  const { auth } = await import("@/lib/auth/server");
  const { actorForUser } = await import("@/lib/auth/actor");
  return { auth: auth(), actorForUser };
}

const post = (url: string, body: unknown, headers: Record<string, string> = {}) =>
  new Request(url, {
    method: "POST",
    body: JSON.stringify(body),
    headers: { "content-type": "application/json", origin: new URL(url).origin, ...headers },
  });

describe("sign-in through the HTTP handler", () => {
  it("a sign-in link's session cookie is HttpOnly, SameSite=Lax, and Secure on https", async () => {
    const { auth } = await loadAuth({ APP_URL: "https://tio.example", TRUSTED_PROXY_IP_HEADER: "x-real-ip" });
    const email = `secure-${Date.now()}@example.test`;
    const sent = await auth.handler(post("https://tio.example/api/auth/sign-in/magic-link", { email }, { "x-real-ip": "10.9.9.1" }));
    expect(sent.status).toBe(200);
    const mail = await db.outboxEmail.findFirstOrThrow({ where: { to: email } });
    const link = /https?:\/\/\S+/.exec(mail.body)![0];
    expect(link.startsWith("https://tio.example/api/auth/magic-link/verify?token=")).toBe(true);
    const verified = await auth.handler(
      new Request(link, { headers: { "x-real-ip": "10.9.9.1", "user-agent": "Mozilla/5.0 (Linux; Android 14) Test" } }),
    );
    const cookie = verified.headers.get("set-cookie") ?? "";
    expect(cookie).toMatch(/__Secure-tio\.session_token=/);
    // the session keeps neither the address it came from nor the browser's name
    const session = await db.session.findFirstOrThrow({ where: { user: { email } } });
    expect([session.ipAddress, session.userAgent]).toEqual([null, null]);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/Secure/);
    expect(cookie).toMatch(/SameSite=Lax/i);
    // single use
    const again = await auth.handler(new Request(link, { headers: { "x-real-ip": "10.9.9.1" } }));
    expect(again.headers.get("set-cookie") ?? "").not.toMatch(/session_token=[^;]+/);
  });

  it("a signed-in person cannot rename their account (others see that name: who joined, who looked)", async () => {
    const { auth } = await loadAuth({ APP_URL: "http://localhost:3000", TRUSTED_PROXY_IP_HEADER: "x-real-ip" });
    const email = `rename-${Date.now()}@example.test`;
    await auth.handler(post("http://localhost:3000/api/auth/sign-in/magic-link", { email, name: "Mette" }, { "x-real-ip": "10.9.9.2" }));
    const mail = await db.outboxEmail.findFirstOrThrow({ where: { to: email } });
    const link = /https?:\/\/\S+/.exec(mail.body)![0];
    const verified = await auth.handler(new Request(link, { headers: { "x-real-ip": "10.9.9.2" } }));
    const session = /(tio\.session_token=[^;]+)/.exec(verified.headers.get("set-cookie") ?? "")![1]!;
    const me = await auth.handler(new Request("http://localhost:3000/api/auth/get-session", { headers: { cookie: session } }));
    expect(((await me.json()) as { user: { email: string } }).user.email).toBe(email);
    const rename = await auth.handler(
      post(
        "http://localhost:3000/api/auth/update-user",
        { name: "Sara Holm, sagsbehandler" },
        { cookie: session, "x-real-ip": "10.9.9.2" },
      ),
    );
    expect(rename.status).toBe(404);
    expect((await db.user.findUniqueOrThrow({ where: { email } })).name).not.toMatch(/Sara/);
  });

  it("limits sign-in links per client, in PostgreSQL, by the trusted proxy's header only", async () => {
    const { auth } = await loadAuth({ APP_URL: "http://localhost:3000", TRUSTED_PROXY_IP_HEADER: "x-real-ip" });
    const ask = (ip: string, extra: Record<string, string> = {}) =>
      auth.handler(
        post(
          "http://localhost:3000/api/auth/sign-in/magic-link",
          { email: `limit-${Date.now()}@example.test` },
          { "x-real-ip": ip, ...extra },
        ),
      );
    const ip = `10.1.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`;
    const statuses: number[] = [];
    // a client that changes X-Forwarded-For on every request still counts as one
    for (let i = 0; i < 7; i++) statuses.push((await ask(ip, { "x-forwarded-for": `203.0.113.${i}` })).status);
    expect(statuses.slice(0, 5)).toEqual([200, 200, 200, 200, 200]);
    expect(statuses.slice(5)).toEqual([429, 429]);
    expect((await ask("10.200.0.1")).status).toBe(200); // another client is not held back
    // counted in PostgreSQL without the address: no table holds it, in clear or as its plain hash
    const plainHash = createHash("sha256").update(ip).digest("hex").slice(0, 24);
    expect(await db.rateLimit.count({ where: { key: { contains: ip } } })).toBe(0);
    expect(await db.attemptWindow.count({ where: { OR: [{ key: { contains: ip } }, { key: { contains: plainHash } }] } })).toBe(0);
    expect(await db.attemptWindow.count({ where: { key: { startsWith: "auth-rate:" } } })).toBeGreaterThan(0);
  });
});

describe("a shared computer", () => {
  const BASE = "http://localhost:3000";
  async function signIn(auth: Awaited<ReturnType<typeof loadAuth>>["auth"], email: string, ip: string, cookie?: string) {
    await auth.handler(post(`${BASE}/api/auth/sign-in/magic-link`, { email }, { "x-real-ip": ip }));
    const mail = await db.outboxEmail.findFirstOrThrow({ where: { to: email }, orderBy: { createdAt: "desc" } });
    const link = /https?:\/\/\S+/.exec(mail.body)![0];
    const verified = await auth.handler(new Request(link, { headers: { "x-real-ip": ip, ...(cookie ? { cookie } : {}) } }));
    const setCookies = verified.headers.getSetCookie();
    const session = setCookies.findLast((c) => c.startsWith("tio.session_token="))!;
    const jar = setCookies.map((c) => c.split(";")[0]!).filter((c) => !c.endsWith("="));
    return { session, jar: [...new Set(jar)].join("; "), row: await db.session.findFirstOrThrow({ where: { user: { email } } }) };
  }

  it("chosen before the link is opened: a cookie without an expiry date, 30 minutes, and not extended by the library", async () => {
    const { auth } = await loadAuth({ APP_URL: BASE, TRUSTED_PROXY_IP_HEADER: "x-real-ip" });
    const email = `shared-${Date.now()}@example.test`;
    const { session, jar, row } = await signIn(auth, email, "10.9.10.1", "tio_shared_computer=1");
    expect(session).not.toMatch(/Max-Age|Expires/i);
    expect(row.sharedDevice).toBe(true);
    const minutesLeft = (row.expiresAt.getTime() - Date.now()) / 60_000;
    expect(minutesLeft).toBeGreaterThan(28);
    expect(minutesLeft).toBeLessThanOrEqual(30);
    // the library would extend an old-enough session by a week: this one it leaves alone
    await db.session.update({ where: { id: row.id }, data: { expiresAt: new Date(Date.now() + 10 * 60_000) } });
    const me = await auth.handler(new Request(`${BASE}/api/auth/get-session`, { headers: { cookie: jar } }));
    expect(((await me.json()) as { user: { email: string } }).user.email).toBe(email);
    expect(me.headers.get("set-cookie") ?? "").not.toMatch(/Max-Age=\d{4,}/);
    expect((await db.session.findUniqueOrThrow({ where: { id: row.id } })).expiresAt.getTime()).toBeLessThan(Date.now() + 11 * 60_000);
  });

  it("a link asked for on a shared computer holds the choice itself: opened in another browser there, still shared", async () => {
    const { auth } = await loadAuth({ APP_URL: BASE, TRUSTED_PROXY_IP_HEADER: "x-real-ip" });
    const email = `shared-link-${Date.now()}@example.test`;
    // what the sign-in form asks for when the choice is made (app/[locale]/sign-in/actions.ts: landingFor)
    await auth.handler(
      post(`${BASE}/api/auth/sign-in/magic-link`, { email, callbackURL: "/da/me?device=shared" }, { "x-real-ip": "10.9.10.5" }),
    );
    const mail = await db.outboxEmail.findFirstOrThrow({ where: { to: email }, orderBy: { createdAt: "desc" } });
    const link = /https?:\/\/\S+/.exec(mail.body)![0];
    // opened without the choice's cookie (the mail program's own browser)
    const verified = await auth.handler(new Request(link, { headers: { "x-real-ip": "10.9.10.5" } }));
    expect(verified.headers.get("location")).toBe(`${BASE}/da/me?device=shared`);
    const session = verified.headers.getSetCookie().findLast((c) => c.startsWith("tio.session_token="))!;
    expect(session).not.toMatch(/Max-Age|Expires/i);
    expect((await db.session.findFirstOrThrow({ where: { user: { email } } })).sharedDevice).toBe(true);
  });

  it("not chosen: an ordinary session of a week, in a cookie that says so", async () => {
    const { auth } = await loadAuth({ APP_URL: BASE, TRUSTED_PROXY_IP_HEADER: "x-real-ip" });
    const { session, row } = await signIn(auth, `own-${Date.now()}@example.test`, "10.9.10.2");
    expect(session).toMatch(/Max-Age=604800/);
    expect(row.sharedDevice).toBe(false);
    expect(row.expiresAt.getTime() - Date.now()).toBeGreaterThan(6 * 24 * 3600_000);
  });

  it("no passkey can be begun in a shared computer's session (the library's HTTP path); in one's own, it can", async () => {
    const { auth } = await loadAuth({ APP_URL: BASE, TRUSTED_PROXY_IP_HEADER: "x-real-ip" });
    const shared = await signIn(auth, `shared-pk-${Date.now()}@example.test`, "10.9.10.3", "tio_shared_computer=1");
    const own = await signIn(auth, `own-pk-${Date.now()}@example.test`, "10.9.10.4");
    const options = (jar: string, ip: string) =>
      auth.handler(new Request(`${BASE}/api/auth/passkey/generate-register-options`, { headers: { cookie: jar, "x-real-ip": ip } }));
    expect((await options(shared.jar, "10.9.10.3")).status).toBe(403);
    expect((await options(own.jar, "10.9.10.4")).status).toBe(200);
  });

  it("through MitID, whose answer brings no cookie: the choice kept with the sign-in makes the same session", async () => {
    const { auth } = await loadAuth({ APP_URL: BASE });
    const user = await db.user.create({
      data: { id: randomUUID(), email: `mitid-shared-${Date.now()}@example.test`, name: "M", emailVerified: true },
    });
    const made = async (sharedComputer: boolean) => {
      const { headers } = await auth.api.mitidSession({
        body: { userId: user.id, sharedComputer },
        headers: new Headers(),
        returnHeaders: true,
      });
      const cookie = headers.getSetCookie().findLast((c) => c.startsWith("tio.session_token="))!;
      const token = decodeURIComponent(/^tio\.session_token=([^;]+)/.exec(cookie)![1]!).split(".")[0]!;
      return { cookie, row: await db.session.findUniqueOrThrow({ where: { token } }) };
    };
    const shared = await made(true);
    expect(shared.cookie).not.toMatch(/Max-Age|Expires/i);
    expect(shared.row.sharedDevice).toBe(true);
    expect(shared.row.expiresAt.getTime() - Date.now()).toBeLessThanOrEqual(30 * 60_000);
    const own = await made(false);
    expect(own.cookie).toMatch(/Max-Age=604800/);
    expect(own.row.sharedDevice).toBe(false);
  });

  it("is used, so it goes on: moved on to 30 minutes from the last use, and an ended one never comes back", async () => {
    await loadAuth({ APP_URL: BASE });
    const { keepSharedSessionAlive } = await import("@/lib/auth/shared-computer");
    const user = await db.user.create({
      data: { id: randomUUID(), email: `alive-${Date.now()}@example.test`, name: "A", emailVerified: true },
    });
    const now = new Date();
    const make = (minutes: number, sharedDevice = true) =>
      db.session.create({
        data: {
          id: randomUUID(),
          token: randomUUID(),
          userId: user.id,
          sharedDevice,
          expiresAt: new Date(now.getTime() + minutes * 60_000),
        },
      });
    const [soon, fresh, ended, own] = await Promise.all([make(10), make(29), make(-1), make(10, false)]);
    for (const s of [soon, fresh, ended, own]) await keepSharedSessionAlive(s.id, s.expiresAt, now);
    const after = async (id: string) =>
      ((await db.session.findUniqueOrThrow({ where: { id } })).expiresAt.getTime() - now.getTime()) / 60_000;
    expect(await after(soon.id)).toBe(30);
    // less than a few minutes used: no write
    expect(await after(fresh.id)).toBe(29);
    expect(await after(ended.id)).toBe(-1);
    // an ordinary session is the library's to extend
    expect(await after(own.id)).toBe(10);
  });
});

describe("sign-in limits hold on every path, in parallel", () => {
  const url = "http://localhost:3000/api/auth/sign-in/magic-link";
  const sentTo = (email: string) => db.outboxEmail.count({ where: { to: email } });
  // the limits count in fixed windows: asks that straddle a window's edge would count in two, so start well inside one
  const awayFromWindowEdge = async (seconds: number) => {
    const left = seconds * 1000 - (Date.now() % (seconds * 1000));
    if (left < 10_000) await new Promise((r) => setTimeout(r, left + 200));
  };
  const unique = (what: string) => `${what}-${Date.now()}-${Math.floor(Math.random() * 1e6)}@example.test`;

  it("per address: 20 asks at once for one address, from 20 clients, send 5 links (the HTTP API)", async () => {
    const { auth } = await loadAuth({
      TRUSTED_PROXY_IP_HEADER: "x-real-ip",
      AUTH_MAGIC_LINK_PER_MINUTE: "1000",
      SIGN_IN_LINKS_PER_ADDRESS: "5",
    });
    await awayFromWindowEdge(900);
    const email = unique("flood");
    const statuses = await Promise.all(
      Array.from({ length: 20 }, (_, i) => auth.handler(post(url, { email }, { "x-real-ip": `10.55.0.${i + 1}` })).then((r) => r.status)),
    );
    expect(statuses.filter((s) => s === 200)).toHaveLength(5);
    expect(statuses.filter((s) => s === 429)).toHaveLength(15);
    expect(await sentTo(email)).toBe(5);
  });

  it("per address: the same through the call the sign-in form makes (the server action's path)", async () => {
    const { auth } = await loadAuth({ SIGN_IN_LINKS_PER_ADDRESS: "5" });
    await awayFromWindowEdge(900);
    const email = unique("form");
    const outcomes = await Promise.all(
      Array.from({ length: 20 }, () =>
        auth.api
          .signInMagicLink({ body: { email, callbackURL: "/da/me" }, headers: new Headers() })
          .then(() => 200)
          .catch((e: { statusCode?: number }) => e.statusCode ?? 500),
      ),
    );
    expect(outcomes.filter((s) => s === 200)).toHaveLength(5);
    expect(outcomes.filter((s) => s === 429)).toHaveLength(15);
    expect(await sentTo(email)).toBe(5);
  });

  it("per client, through the call the sign-in form makes: the trusted proxy's address counts there too", async () => {
    const { auth } = await loadAuth({ TRUSTED_PROXY_IP_HEADER: "x-real-ip", AUTH_MAGIC_LINK_PER_MINUTE: "5" });
    await awayFromWindowEdge(60);
    const ip = `10.77.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`;
    const emails = Array.from({ length: 20 }, (_, i) => unique(`formclient${i}`));
    await Promise.all(
      emails.map((email) =>
        auth.api.signInMagicLink({ body: { email, callbackURL: "/da/me" }, headers: new Headers({ "x-real-ip": ip }) }).catch(() => null),
      ),
    );
    expect(await db.outboxEmail.count({ where: { to: { in: emails } } })).toBe(5);
  });

  it("per client: 20 asks at once from one client, for 20 addresses, send AUTH_MAGIC_LINK_PER_MINUTE links", async () => {
    const { auth } = await loadAuth({ TRUSTED_PROXY_IP_HEADER: "x-real-ip", AUTH_MAGIC_LINK_PER_MINUTE: "5" });
    await awayFromWindowEdge(60);
    const ip = `10.66.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`;
    const emails = Array.from({ length: 20 }, (_, i) => unique(`client${i}`));
    await Promise.all(emails.map((email) => auth.handler(post(url, { email }, { "x-real-ip": ip }))));
    const sent = await db.outboxEmail.count({ where: { to: { in: emails } } });
    expect(sent).toBe(5);
  });

  it("without a trusted client address nobody is locked out by others, and the per-address limit still holds", async () => {
    const { auth } = await loadAuth({ AUTH_MAGIC_LINK_PER_MINUTE: "5", SIGN_IN_LINKS_PER_ADDRESS: "5" });
    await awayFromWindowEdge(900);
    const emails = Array.from({ length: 12 }, (_, i) => unique(`shared${i}`));
    const statuses = await Promise.all(emails.map((email) => auth.handler(post(url, { email })).then((r) => r.status)));
    expect(statuses).toEqual(Array(12).fill(200));
    const email = unique("same");
    const again = [];
    for (let i = 0; i < 7; i++) again.push((await auth.handler(post(url, { email }))).status);
    expect(again).toEqual([200, 200, 200, 200, 200, 429, 429]);
    expect(await sentTo(email)).toBe(5);
  });
});

describe("mail that is really sent", () => {
  it("the sign-in link arrives at a real SMTP server, as text and HTML in the reader's language, and signs in once", async () => {
    const smtp = await startSmtpServer();
    try {
      const { auth } = await loadAuth({
        TIO_DEMO: "0",
        APP_URL: "http://localhost:3000",
        TRUSTED_PROXY_IP_HEADER: "x-real-ip",
        SMTP_HOST: "127.0.0.1",
        SMTP_PORT: String(smtp.port),
        SMTP_SECURITY: "none",
        MAIL_FROM: "Fortæl det én gang <noreply@solbjerg.example>",
      });
      const email = `smtp-${Date.now()}@example.test`;
      const client = { "x-real-ip": "10.7.7.7" };
      const sent = await auth.handler(post("http://localhost:3000/api/auth/sign-in/magic-link", { email, callbackURL: "/en/me" }, client));
      expect(sent.status).toBe(200);
      const mail = await smtp.waitFor(email);
      expect(mail.to).toEqual([email]);
      expect(mail.from).toContain("noreply@solbjerg.example");
      expect(mail.subject).toBe("Your link to Tell it once");
      const link = /https?:\/\/\S+/.exec(mail.text)![0];
      expect(link.startsWith("http://localhost:3000/api/auth/magic-link/verify?token=")).toBe(true);
      // the HTML part says the same, in English, with the same link to press
      expect(mail.html).toContain('lang="en"');
      expect(mail.html).toContain("Tap the link to sign in:");
      expect(/href="([^"]+)"/.exec(mail.html)![1]!.replace(/&#38;/g, "&")).toBe(link);
      // a real mail, not the demo outbox
      expect(await db.outboxEmail.count({ where: { to: email } })).toBe(0);

      const verified = await auth.handler(new Request(link, { headers: client }));
      expect(verified.headers.get("set-cookie") ?? "").toMatch(/session_token=[^;]+/);
      const again = await auth.handler(new Request(link, { headers: client }));
      expect(again.headers.get("set-cookie") ?? "").not.toMatch(/session_token=[^;]+/);
    } finally {
      await smtp.stop();
    }
  });

  it("without a mail server no link is sent, and nothing pretends it was", async () => {
    const { auth } = await loadAuth({ TIO_DEMO: "0", APP_URL: "http://localhost:3000", TRUSTED_PROXY_IP_HEADER: "x-real-ip" });
    const email = `nomail-${Date.now()}@example.test`;
    const sent = await auth.handler(post("http://localhost:3000/api/auth/sign-in/magic-link", { email }, { "x-real-ip": "10.7.7.8" }));
    expect(sent.status).toBe(500);
    expect(await db.outboxEmail.count({ where: { to: email } })).toBe(0);
  });
});

describe("a MitID account's made-up address", () => {
  it("is never a way in by email: no link is sent to it, not even to the demo outbox", async () => {
    const { auth } = await loadAuth({ APP_URL: "http://localhost:3000" });
    const email = `${randomUUID()}@mitid.invalid`;
    await db.user.create({ data: { id: randomUUID(), name: "MitID-borger", email, emailVerified: false } });
    const sent = await auth.handler(post("http://localhost:3000/api/auth/sign-in/magic-link", { email }));
    expect(sent.status).toBe(400);
    expect(await db.outboxEmail.count({ where: { to: email } })).toBe(0);
  });
});

describe("the Actor", () => {
  it("is the citizen's own record, the staff scope, or neither, from the user", async () => {
    const { actorForUser } = await loadAuth({ APP_URL: "http://localhost:3000" });
    const w = await makeWorld(db);
    expect(await actorForUser(w.actors.citizen.userId)).toEqual(w.actors.citizen);
    // staff powers come with a session the staff sign-in made (its staffId), never from the user alone
    const staffA = w.actors.staffA as Extract<Actor, { kind: "user" }>;
    expect(await actorForUser(staffA.userId, staffA.staff!.staffId)).toEqual(staffA);
    expect(await actorForUser(staffA.userId)).toEqual({ ...staffA, staff: null });
    const staffB = w.actors.staffB as Extract<Actor, { kind: "user" }>;
    expect(await actorForUser(staffA.userId, staffB.staff!.staffId)).toEqual({ ...staffA, staff: null });
    const relative = await w.relativeWith("niece", ["SEE_STORY"]);
    // a relative's permissions are not in the Actor: the gate reads them fresh
    expect(await actorForUser(relative.kind === "user" ? relative.userId : "")).toEqual({ ...relative, citizenId: null, staff: null });
    expect(await actorForUser("no-such-user")).toEqual({ kind: "anonymous" });
  });
});

describe("staff powers only from the staff sign-in", () => {
  const ISSUER = "https://idp.solbjerg.example";
  async function load() {
    await loadAuth({ APP_URL: "http://localhost:3000", STAFF_OIDC_ISSUER: ISSUER, STAFF_OIDC_CLIENT_ID: "tio" });
    return import("@/lib/auth/staff-binding");
  }
  async function userWithStaffAccount(subject: string) {
    const user = await db.user.create({ data: { id: randomUUID(), name: subject, email: `${subject}@example.test`, emailVerified: true } });
    await db.account.create({ data: { id: randomUUID(), userId: user.id, providerId: "staff", accountId: subject } });
    return user.id;
  }
  const provision = async (m: string, subject: string, issuer = ISSUER) =>
    (await db.staffMember.create({ data: { municipalityId: m, name: subject, issuer, subject } })).id;

  it("binds a provisioned staff member to the provider's (issuer, subject) at the first sign-in, and to nothing else", async () => {
    const { staffForSignIn } = await load();
    const w = await makeWorld(db);
    const m = w.municipality.id;
    const tag = randomUUID().slice(0, 8);
    const staffId = await provision(m, `anna-${tag}`);
    const anna = await userWithStaffAccount(`anna-${tag}`);
    expect(await staffForSignIn(anna)).toBe(staffId);
    expect((await db.staffMember.findUniqueOrThrow({ where: { id: staffId } })).userId).toBe(anna);
    expect(await staffForSignIn(anna), "the next sign-in finds the same").toBe(staffId);

    // the same subject at another provider is someone else
    await provision(m, `bo-${tag}`, "https://other-idp.example");
    expect(await staffForSignIn(await userWithStaffAccount(`bo-${tag}`))).toBeNull();
    // no account at the staff provider (an email link, a passkey): no staff powers
    const emailOnly = await db.user.create({
      data: { id: randomUUID(), name: "x", email: `anna-${tag}@solbjerg.example`, emailVerified: true },
    });
    expect(await staffForSignIn(emailOnly.id)).toBeNull();
  });

  it("a subject belongs to one account: a second is refused by the database, and a bound staff member gives nothing to another account", async () => {
    const { staffForSignIn } = await load();
    const w = await makeWorld(db);
    const tag = randomUUID().slice(0, 8);
    const staffId = await provision(w.municipality.id, `carl-${tag}`);
    const first = await userWithStaffAccount(`carl-${tag}`);
    // the first sign-in, twice at the same moment (a double click): bound once, to the same account
    expect(await Promise.all([staffForSignIn(first), staffForSignIn(first)])).toEqual([staffId, staffId]);
    const second = await db.user.create({ data: { id: randomUUID(), name: "y", email: `y-${tag}@example.test`, emailVerified: true } });
    await expect(
      db.account.create({ data: { id: randomUUID(), userId: second.id, providerId: "staff", accountId: `carl-${tag}` } }),
    ).rejects.toThrow();
    // bound to `first`: even if the row were pointed at from elsewhere, another account gets nothing
    await db.staffMember.update({ where: { id: staffId }, data: { subject: `dana-${tag}` } });
    const dana = await userWithStaffAccount(`dana-${tag}`);
    expect(await staffForSignIn(dana)).toBeNull();
  });
});

describe("a session ended by another request while this one renews it", () => {
  it("is no session, not a server error: the person is sent to sign in", async () => {
    const BASE = "http://localhost:3000";
    const { auth } = await loadAuth({ APP_URL: BASE, TRUSTED_PROXY_IP_HEADER: "x-real-ip" });
    const { readSession } = await import("@/lib/auth/actor");
    const email = `renewed-${Date.now()}@example.test`;
    await auth.handler(post(`${BASE}/api/auth/sign-in/magic-link`, { email }, { "x-real-ip": "10.9.12.1" }));
    const mail = await db.outboxEmail.findFirstOrThrow({ where: { to: email } });
    const verified = await auth.handler(new Request(/https?:\/\/\S+/.exec(mail.body)![0], { headers: { "x-real-ip": "10.9.12.1" } }));
    const headers = new Headers({ cookie: /(tio\.session_token=[^;]+)/.exec(verified.headers.get("set-cookie") ?? "")![1]! });
    expect((await readSession(headers))?.user.email).toBe(email);
    // due for renewal; and, as if another request ended it between this one's read and its renewal, the renewal finds no row
    const row = await db.session.findFirstOrThrow({ where: { user: { email } } });
    await db.session.update({ where: { id: row.id }, data: { expiresAt: new Date(Date.now() + 60 * 60_000) } });
    const owner = connect(inject("ownerUrl"), { max: 1 });
    const name = `tio_test_gone_${row.id.replace(/[^A-Za-z0-9]/g, "").toLowerCase()}`;
    try {
      await owner.$executeRawUnsafe(`CREATE FUNCTION ${name}() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NULL; END $$`);
      await owner.$executeRawUnsafe(
        `CREATE TRIGGER ${name} BEFORE UPDATE ON session FOR EACH ROW WHEN (OLD.id = '${row.id.replace(/'/g, "")}') EXECUTE FUNCTION ${name}()`,
      );
      // the library answers so: 401, "Failed to get session"
      await expect(auth.api.getSession({ headers })).rejects.toMatchObject({ statusCode: 401 });
      expect(await readSession(headers)).toBeNull();
    } finally {
      await owner.$executeRawUnsafe(`DROP TRIGGER IF EXISTS ${name} ON session`);
      await owner.$executeRawUnsafe(`DROP FUNCTION IF EXISTS ${name}()`);
      await owner.$disconnect();
    }
  });
});

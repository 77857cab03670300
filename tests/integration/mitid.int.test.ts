import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, inject, it, vi } from "vitest";
import { connect, type Db } from "@/lib/db/connect";
import { makeWorld, useDatabase } from "../support/fixtures";
import { startSamlIdp } from "../saml/idp.mjs";
import { freshCpr } from "../support/cpr";

// MitID through NemLog-in, on a real PostgreSQL, against the local SAML identity provider that signs real
// assertions: the same code the routes under app/api/mitid/ call.
let db: Db;
let idp: Awaited<ReturnType<typeof startSamlIdp>>;
const saved = { ...process.env };
const KEYS = "tests/saml/keys";

beforeAll(async () => {
  await useDatabase(inject("databaseUrl"));
  db = connect(inject("databaseUrl"), { max: 2 });
  idp = await startSamlIdp();
  Object.assign(process.env, {
    APP_URL: "http://localhost:3201",
    MITID_SAML_ENTRY_POINT: idp.ssoUrl,
    MITID_SAML_IDP_ISSUER: idp.entityId,
    MITID_SAML_IDP_CERT: `${KEYS}/idp-cert.pem`,
    MITID_SAML_SP_KEY: `${KEYS}/sp-key.pem`,
    MITID_SAML_SP_CERT: `${KEYS}/sp-cert.pem`,
  });
  vi.resetModules();
});
afterAll(async () => {
  await idp?.stop();
  await db.$disconnect();
  process.env = saved;
});

type Person = {
  cpr?: string;
  uuid?: string;
  loa?: string;
  omitCpr?: boolean;
  badSignature?: boolean;
  firstName?: string;
  /** NemLog-in's privilege attribute, base64 OIO-BPP (a Digital Fuldmagt). */
  privileges?: string;
};

/** Begins a sign-in as the app does, signs in at the identity provider as `person`, and returns the posted response. */
async function throughIdp(
  person: Person,
  pending = { locale: "da" as const, invite: false, browser: "hash-of-this-browser", shared: false },
) {
  const { samlSignInUrl } = await import("@/lib/mitid/saml");
  const login = await fetch(await samlSignInUrl(pending));
  expect(login.status, "the identity provider accepts our signed request").toBe(200);
  const html = await login.text();
  const hidden = (name: string) => new RegExp(`name="${name}" value="([^"]*)"`).exec(html)?.[1] ?? "";
  const form = new URLSearchParams({
    requestId: hidden("requestId"),
    acs: hidden("acs"),
    spEntityId: hidden("spEntityId"),
    cpr: person.cpr ?? freshCpr(),
    uuid: person.uuid ?? randomUUID(),
    firstName: person.firstName ?? "Test",
    lastName: "Borger",
    loa: person.loa ?? "Substantial",
  });
  if (person.omitCpr) form.set("omitCpr", "on");
  if (person.badSignature) form.set("badSignature", "on");
  if (person.privileges) form.set("privileges", person.privileges);
  const posted = await fetch(`${idp.url}/login`, { method: "POST", body: form });
  expect(posted.status).toBe(200);
  return { SAMLResponse: /name="SAMLResponse" value="([^"]+)"/.exec(await posted.text())![1]!, acs: hidden("acs") };
}

describe("MitID through NemLog-in (SAML)", () => {
  it("signs its requests, and maps NemLog-in's assertion to one identity: persistent id, CPR number, level, name", async () => {
    const { samlResponse } = await import("@/lib/mitid/saml");
    const uuid = randomUUID();
    // begun on a shared computer: that choice comes back with NemLog-in's answer, which carries no cookie of ours
    const { SAMLResponse, acs } = await throughIdp(
      { cpr: "0101451234", uuid, loa: "High", firstName: "Ågot" },
      { locale: "da", invite: false, browser: "hash-of-this-browser", shared: true },
    );
    expect(acs).toBe("http://localhost:3201/api/mitid/saml/acs");
    const { mapped, pending } = await samlResponse({ SAMLResponse });
    expect(mapped).toEqual({
      ok: true,
      identity: {
        protocol: "saml",
        subject: `https://data.gov.dk/model/core/eid/person/uuid/${uuid}`,
        cpr: "0101451234",
        level: "High",
        name: "Ågot Borger",
      },
    });
    expect(pending).toEqual({ locale: "da", invite: false, browser: "hash-of-this-browser", shared: true });
  });

  it("refuses a level below Substantial, a missing CPR number and a bad signature, each plainly", async () => {
    const { samlResponse } = await import("@/lib/mitid/saml");
    expect((await samlResponse(await throughIdp({ loa: "Low" }))).mapped).toEqual({ ok: false, refusal: "level" });
    expect((await samlResponse(await throughIdp({ omitCpr: true }))).mapped).toEqual({ ok: false, refusal: "no-cpr" });
    expect((await samlResponse(await throughIdp({ badSignature: true }))).mapped).toEqual({ ok: false, refusal: "invalid" });
  });

  it("takes a response once: a replay is refused, and of ten posts of one response at the same moment exactly one passes", async () => {
    const { samlResponse } = await import("@/lib/mitid/saml");
    const once = await throughIdp({});
    expect((await samlResponse(once)).mapped.ok).toBe(true);
    expect((await samlResponse(once)).mapped).toEqual({ ok: false, refusal: "invalid" });

    const raced = await throughIdp({});
    const results = await Promise.all(Array.from({ length: 10 }, () => samlResponse(raced)));
    expect(results.filter((r) => r.mapped.ok)).toHaveLength(1);
  });

  it("refuses a response from another issuer than the one configured (node-saml does not check it on sign-in)", async () => {
    const response = await throughIdp({});
    process.env.MITID_SAML_IDP_ISSUER = "https://saml.nemlog-in.dk";
    vi.resetModules();
    try {
      const { samlResponse } = await import("@/lib/mitid/saml");
      expect((await samlResponse(response)).mapped).toEqual({ ok: false, refusal: "invalid" });
    } finally {
      process.env.MITID_SAML_IDP_ISSUER = idp.entityId;
      vi.resetModules();
    }
  });

  it("never keeps the CPR number in clear: not in the requests under way, nor anywhere a sign-in writes", async () => {
    const { samlResponse } = await import("@/lib/mitid/saml");
    const { enrol } = await import("@/lib/mitid/enrol");
    await makeWorld(db); // a municipality to belong to
    const cpr = freshCpr();
    const { mapped } = await samlResponse(await throughIdp({ cpr }));
    if (!mapped.ok) throw new Error("refused");
    const { userId } = await enrol(mapped.identity, { invite: false });
    const rows = await db.$queryRawUnsafe<{ found: bigint }[]>(
      `SELECT (SELECT count(*) FROM "user" t WHERE row_to_json(t)::text LIKE $1)
            + (SELECT count(*) FROM account t WHERE row_to_json(t)::text LIKE $1)
            + (SELECT count(*) FROM "Citizen" t WHERE row_to_json(t)::text LIKE $1)
            + (SELECT count(*) FROM "MitidRequest" t WHERE row_to_json(t)::text LIKE $1)
            + (SELECT count(*) FROM session t WHERE row_to_json(t)::text LIKE $1) AS found`,
      `%${cpr}%`,
    );
    expect(Number(rows[0]!.found)).toBe(0);
    expect(await db.citizen.count({ where: { userId } })).toBe(1);
  });
});

describe("who MitID lets in, and to what", () => {
  const identity = (over: Partial<{ subject: string; cpr: string; name: string }> = {}) => ({
    protocol: "saml" as const,
    subject: over.subject ?? `https://data.gov.dk/model/core/eid/person/uuid/${randomUUID()}`,
    cpr: over.cpr ?? freshCpr(),
    level: "Substantial" as const,
    name: over.name ?? "Ny Borger",
  });

  it("a new person gets their own plan and the first visit; the next sign-in finds the same account and record", async () => {
    const { enrol } = await import("@/lib/mitid/enrol");
    await makeWorld(db);
    const who = identity();
    const first = await enrol(who, { invite: false });
    expect(first.destination).toBe("first-visit");
    const record = await db.citizen.findUniqueOrThrow({ where: { userId: first.userId } });
    expect(record.name).toBe("Ny Borger");
    expect(record.cprHash).toMatch(/^[0-9a-f]{64}$/);
    const user = await db.user.findUniqueOrThrow({ where: { id: first.userId } });
    expect(user.email).toMatch(/@mitid\.invalid$/);
    expect(await enrol(who, { invite: false })).toEqual({ userId: first.userId, destination: "plan" });
    expect(await db.citizen.count({ where: { userId: first.userId } })).toBe(1);
  });

  it("a person who came by an invite link is not given a plan they did not ask for", async () => {
    const { enrol } = await import("@/lib/mitid/enrol");
    await makeWorld(db);
    const result = await enrol(identity(), { invite: true });
    expect(result.destination).toBe("me");
    expect(await db.citizen.count({ where: { userId: result.userId } })).toBe(0);
  });

  it("a relative is not given a plan at sign-in, and can start one of their own from Min side, once", async () => {
    const { enrol, mayStartOwnPlan, startOwnPlan } = await import("@/lib/mitid/enrol");
    const w = await makeWorld(db);
    const who = identity();
    const { userId } = await enrol(who, { invite: true });
    await db.relationship.create({ data: { citizenId: w.citizen.id, userId, permissions: ["SEE_STORY"] } });
    // signing in again, with no invite waiting: still a relative only
    expect(await enrol(who, { invite: false })).toEqual({ userId, destination: "me" });
    expect(await db.citizen.count({ where: { userId } })).toBe(0);
    expect(await mayStartOwnPlan(userId)).toBe(true);
    expect(await startOwnPlan(userId)).toBe("started");
    const record = await db.citizen.findUniqueOrThrow({ where: { userId } });
    expect(record.cprHash).toMatch(/^[0-9a-f]{64}$/);
    expect(await startOwnPlan(userId)).toBe("had-one");
    expect(await mayStartOwnPlan(userId)).toBe(false);
    expect(await enrol(who, { invite: false })).toEqual({ userId, destination: "plan" });
    // someone who never signed in with MitID has no CPR number here to start a plan with
    const emailOnly = await db.user.create({ data: { id: randomUUID(), name: "E", email: `e-${randomUUID()}@example.test` } });
    expect(await mayStartOwnPlan(emailOnly.id)).toBe(false);
    expect(await startOwnPlan(emailOnly.id)).toBeNull();
  });

  it("a record a caseworker made under the person's CPR number becomes theirs at their first sign-in", async () => {
    const { enrol } = await import("@/lib/mitid/enrol");
    const { cprHash } = await import("@/lib/staff/cpr");
    const { env } = await import("@/lib/env");
    const w = await makeWorld(db);
    const cpr = freshCpr();
    // one municipality per installation: the oldest is the one sign-in uses
    const municipality = await db.municipality.findFirstOrThrow({ orderBy: { createdAt: "asc" } });
    void w;
    const made = await db.citizen.create({
      data: { municipalityId: municipality.id, name: "Inge Made", cprHash: cprHash(cpr, env().CPR_HASH_KEY) },
    });
    const result = await enrol(identity({ cpr }), { invite: false });
    expect(result.destination).toBe("plan");
    expect((await db.citizen.findUniqueOrThrow({ where: { id: made.id } })).userId).toBe(result.userId);
  });

  it("the same new person signing in twice at the same moment gets one account and one plan", async () => {
    const { enrol } = await import("@/lib/mitid/enrol");
    await makeWorld(db);
    const who = identity();
    const results = await Promise.allSettled([enrol(who, { invite: false }), enrol(who, { invite: false })]);
    const ok = results.filter((r) => r.status === "fulfilled");
    expect(ok.length).toBeGreaterThanOrEqual(1);
    expect(await db.account.count({ where: { accountId: who.subject } })).toBe(1);
    const userId = (ok[0] as PromiseFulfilledResult<{ userId: string }>).value.userId;
    expect(await db.citizen.count({ where: { userId } })).toBe(1);
  });

  it("a Digital Fuldmagt in a signed NemLog-in assertion becomes the same power of attorney; the next login without it ends it", async () => {
    const { samlResponse } = await import("@/lib/mitid/saml");
    const { enrol } = await import("@/lib/mitid/enrol");
    const { cprHash } = await import("@/lib/staff/cpr");
    const { env } = await import("@/lib/env");
    const { answerConsentRequest } = await import("@/lib/consents/requests");
    const { bppFor } = await import("../saml/bpp.mjs");
    const w = await makeWorld(db);
    const municipality = await db.municipality.findFirstOrThrow({ orderBy: { createdAt: "asc" } });
    const inge = freshCpr();
    const principal = await db.citizen.create({
      data: { municipalityId: municipality.id, name: "Inge Principal", cprHash: cprHash(inge, env().CPR_HASH_KEY) },
    });
    void w;
    const e = env();
    const mette = { cpr: freshCpr(), uuid: randomUUID(), firstName: "Mette" };
    const privileges = bppFor([
      { cpr: inge, privileges: [e.MITID_PRIVILEGE_SEE_PLAN, e.MITID_PRIVILEGE_ANSWER_CONSENTS, "urn:dk:other:service:privilege"] },
    ]);
    const pending = { locale: "da" as const, invite: false, browser: "hash-of-this-browser", shared: false };
    const { mapped } = await samlResponse(await throughIdp({ ...mette, privileges }, pending));
    expect(mapped.ok).toBe(true);
    if (!mapped.ok) return;
    const result = await enrol(mapped.identity, { invite: false });
    // here to act for another: not given a plan of her own
    expect(result.destination).toBe("me");
    const power = await db.powerOfAttorney.findFirstOrThrow({ where: { citizenId: principal.id, holderUserId: result.userId } });
    expect(power).toMatchObject({ source: "DIGITAL", holderName: "Mette Borger", endedAt: null });
    expect([...power.rights].sort()).toEqual(["ANSWER_CONSENTS", "SEE_PLAN"]);
    // the number is never kept in clear
    expect(JSON.stringify(power)).not.toContain(inge);

    // acting for Inge: she answers the area's request, and the log says "for"
    const request = await db.consentRequest.create({
      data: {
        citizenId: principal.id,
        serviceAreaId: w.areaA.id,
        staffId: (await db.staffMember.findFirstOrThrow({ where: { municipalityId: w.municipality.id } })).id,
        reason: "r",
        parts: ["STORY"],
      },
    });
    const actor = { kind: "user" as const, userId: result.userId, citizenId: null, staff: null };
    const answered = await answerConsentRequest(actor, {
      citizenId: principal.id,
      requestId: request.id,
      answer: "APPROVE",
      parts: ["STORY"],
      duration: "3m",
    });
    expect(answered.ok).toBe(true);
    expect(
      await db.accessLog.count({
        where: { citizenId: principal.id, actorUserId: result.userId, actorRole: "PROXY", purpose: "answer-consent" },
      }),
    ).toBe(1);

    // the next login carries no Digital Fuldmagt: the power has ended, and she can do nothing for Inge
    const { mapped: again } = await samlResponse(await throughIdp(mette, pending));
    expect(again.ok).toBe(true);
    if (!again.ok) return;
    await enrol(again.identity, { invite: false });
    expect((await db.powerOfAttorney.findUniqueOrThrow({ where: { id: power.id } })).endedAt).not.toBe(null);
    const second = await db.consentRequest.create({
      data: { citizenId: principal.id, serviceAreaId: w.areaA.id, staffId: request.staffId, reason: "r", parts: ["GOALS"] },
    });
    expect(
      await answerConsentRequest(actor, {
        citizenId: principal.id,
        requestId: second.id,
        answer: "APPROVE",
        parts: ["GOALS"],
        duration: "3m",
      }),
    ).toEqual({
      ok: false,
      error: "not-found",
    });
  });
});

import { afterEach, describe, expect, it, vi } from "vitest";
import { randomBytes, randomUUID } from "node:crypto";
import { changeRelativePermissions, createInvitation, endRelative, revokeInvitation } from "@/lib/relatives/commands";
import { lookupInvitation, redeemInvitation } from "@/lib/relatives/invitations";
import { endedRelationship, myRelationship, readRelativeSpacesForStaff, readRelatives, sharedWithMe } from "@/lib/relatives/queries";
import { todayInDenmark } from "@/lib/validation/fields";
import { addCheckIn, readOwnSpace, saveOwnSpace } from "@/lib/relatives/space";
import { addNetworkMember } from "@/lib/network/commands";
import { readPlan } from "@/lib/plan/queries";
import { grantConsent } from "@/lib/consents/commands";
import type { Actor } from "@/lib/record/actor";
import { makeWorld } from "../support/fixtures";
import { appDatabase } from "../support/app-database";
import type { Db } from "@/lib/db/connect";

// Relatives join by an invite link: a capability, single use, expiring,
// revocable, throttled against guessing; then they see exactly what the
// citizen allowed, and have a space of their own.
const db = appDatabase({ max: 12 });
afterEach(() => vi.restoreAllMocks());

const NOT_FOUND = { ok: false, error: "not-found" };
let clients = 0;
/** A client of its own for each test, so the throttle of one test never meets another's. */
const newClient = () => `client:test-${process.pid}-${++clients}-${randomUUID().slice(0, 6)}`;

async function newUser(db: Db, label: string): Promise<Extract<Actor, { kind: "user" }>> {
  const u = await db.user.create({
    data: { id: randomUUID(), name: `${label} Jensen`, email: `${label}-${randomUUID().slice(0, 8)}@example.test` },
  });
  return { kind: "user", userId: u.id, citizenId: null, staff: null };
}

async function invite(
  w: Awaited<ReturnType<typeof makeWorld>>,
  permissions = ["SEE_STORY", "ADD_AGREEMENTS"],
  extra: Record<string, unknown> = {},
) {
  const created = await createInvitation(w.actors.citizen, {
    citizenId: w.citizen.id,
    who: "NEW",
    newName: "Mette",
    newRelation: "Datter",
    permissions,
    ...extra,
  });
  if (!created.ok) throw new Error(`setup: ${JSON.stringify(created)}`);
  return created.value;
}

describe("the invite link", () => {
  it("has 256 random bits, only its hash is stored, and the citizen sees it pending, then accepted", async () => {
    const w = await makeWorld(db);
    const { token, invitationId, expiresAt } = await invite(w);
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/); // 32 bytes
    expect(expiresAt.getTime() - Date.now()).toBeGreaterThan(6.9 * 86_400_000);
    const row = await db.invitation.findUniqueOrThrow({ where: { id: invitationId } });
    expect(JSON.stringify(row)).not.toContain(token);
    expect(row.tokenHash).toMatch(/^[0-9a-f]{64}$/);
    let relatives = await readRelatives(w.actors.citizen, w.citizen.id);
    expect(relatives.ok && relatives.value.invitations.map((i) => [i.name, i.state])).toEqual([["Mette", "PENDING"]]);
    // the new person is in the network now
    expect(relatives.ok && relatives.value.invitable.map((p) => p.name)).toEqual(["Mette"]);

    const mette = await newUser(db, "mette");
    expect(await lookupInvitation(token, newClient())).toEqual({ state: "valid", citizenFirstName: "Borger" });
    expect(await redeemInvitation(mette, token, newClient())).toEqual({ ok: true, citizenId: w.citizen.id });
    relatives = await readRelatives(w.actors.citizen, w.citizen.id);
    expect(relatives.ok && relatives.value.invitations.map((i) => i.state)).toEqual(["ACCEPTED"]);
    expect(relatives.ok && relatives.value.relatives).toEqual([
      expect.objectContaining({ name: "Mette", permissions: ["SEE_STORY", "ADD_AGREEMENTS"], active: true }),
    ]);
    expect(relatives.ok && relatives.value.invitable).toEqual([]);
    expect(await sharedWithMe(mette.userId)).toEqual([{ citizenId: w.citizen.id, name: w.citizen.name }]);
    // on her next visit the citizen reads who joined, by the name she gave them
    await db.citizen.update({ where: { id: w.citizen.id }, data: { lastVisitAt: new Date(Date.now() - 2 * 3600_000) } });
    const plan = await readPlan(w.actors.citizen, w.citizen.id, { visit: true });
    expect(plan.ok && plan.value.news?.items).toEqual(
      expect.arrayContaining([expect.objectContaining({ entity: "Relationship", added: true, actorRole: "RELATIVE", actorName: "Mette" })]),
    );
    // the citizen's change log says who joined; neither log holds the token
    const changes = await db.changeLog.findMany({ where: { citizenId: w.citizen.id } });
    expect(changes.map((c) => [c.entity, c.actorRole])).toEqual(expect.arrayContaining([["Relationship", "RELATIVE"]]));
    const logs = JSON.stringify([changes, await db.accessLog.findMany({ where: { citizenId: w.citizen.id } })], (_, v) =>
      typeof v === "bigint" ? v.toString() : v,
    );
    expect(logs).not.toContain(token);
  });

  it("works once: a second use, an expired link and a revoked link all get the same answer", async () => {
    const w = await makeWorld(db);
    const used = await invite(w);
    expect((await redeemInvitation(await newUser(db, "first"), used.token, newClient())).ok).toBe(true);
    const invalid = { ok: false, error: "invalid" };
    expect(await redeemInvitation(await newUser(db, "second"), used.token, newClient())).toEqual(invalid);
    expect(await lookupInvitation(used.token, newClient())).toEqual({ state: "invalid" });

    // a fake clock: eight days on, a fresh link has expired
    const old = await invite(w, ["SEE_STORY"], { who: "NEW", newName: "Bent" });
    const later = new Date(Date.now() + 8 * 86_400_000);
    expect(await lookupInvitation(old.token, newClient(), later)).toEqual({ state: "invalid" });
    expect(await redeemInvitation(await newUser(db, "late"), old.token, newClient(), later)).toEqual(invalid);
    // ...and six days on it still works
    expect(await lookupInvitation(old.token, newClient(), new Date(Date.now() + 6 * 86_400_000))).toMatchObject({ state: "valid" });

    const revoked = await invite(w, ["SEE_STORY"], { who: "NEW", newName: "Ole" });
    expect(await revokeInvitation(w.actors.citizen, { citizenId: w.citizen.id, invitationId: revoked.invitationId })).toMatchObject({
      ok: true,
    });
    expect(await redeemInvitation(await newUser(db, "ole"), revoked.token, newClient())).toEqual(invalid);
    expect(await revokeInvitation(w.actors.citizen, { citizenId: w.citizen.id, invitationId: revoked.invitationId })).toMatchObject({
      ok: false,
      error: "invalid",
    });

    const relatives = await readRelatives(w.actors.citizen, w.citizen.id);
    expect(relatives.ok && relatives.value.invitations.map((i) => [i.name, i.state]).sort()).toEqual([
      ["Bent", "PENDING"], // pending until its day comes; the fake clock was only ours
      ["Mette", "ACCEPTED"],
      ["Ole", "REVOKED"],
    ]);
    // the citizen's own link is not for the citizen
    const own = await invite(w, ["SEE_STORY"], { who: "NEW", newName: "Mig selv" });
    expect(await redeemInvitation(w.actors.citizen, own.token, newClient())).toEqual(invalid);
  });

  it("two people redeeming one link at the same moment: exactly one wins", async () => {
    const w = await makeWorld(db);
    const { token } = await invite(w);
    const people = await Promise.all(Array.from({ length: 10 }, (_, i) => newUser(db, `racer${i}`)));
    const results = await Promise.all(people.map((p) => redeemInvitation(p, token, newClient())));
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok && r.error === "invalid")).toHaveLength(9);
    expect(await db.relationship.count({ where: { citizenId: w.citizen.id } })).toBe(1);
  });

  it("1000 wrong guesses from one client: none succeeds, at least 990 are throttled, and another client is not held up", async () => {
    const w = await makeWorld(db);
    const { token } = await invite(w);
    const client = newClient();
    const guesses = Array.from({ length: 1000 }, () => randomBytes(32).toString("base64url"));
    guesses[500] = token; // even the right one, once the client is throttled
    let valid = 0;
    let throttledCount = 0;
    for (const guess of guesses) {
      const r = await lookupInvitation(guess, client);
      if (r.state === "valid") valid++;
      if (r.state === "throttled") throttledCount++;
    }
    expect(valid).toBe(0);
    expect(throttledCount).toBeGreaterThanOrEqual(990);
    expect(await redeemInvitation(await newUser(db, "guesser"), token, client)).toEqual({ ok: false, error: "throttled" });
    // the rightful relative, from another client, is not held up
    expect(await redeemInvitation(await newUser(db, "rightful"), token, newClient())).toMatchObject({ ok: true });
  });

  it("never writes the token to the console", async () => {
    const spies = (["log", "info", "warn", "error", "debug"] as const).map((m) => vi.spyOn(console, m).mockImplementation(() => {}));
    const w = await makeWorld(db);
    const { token, invitationId } = await invite(w);
    await lookupInvitation(token, newClient());
    await redeemInvitation(await newUser(db, "quiet"), token, newClient());
    await redeemInvitation(await newUser(db, "again"), token, newClient());
    await revokeInvitation(w.actors.citizen, { citizenId: w.citizen.id, invitationId });
    const printed = JSON.stringify(spies.flatMap((s) => s.mock.calls));
    expect(printed).not.toContain(token);
  });
});

describe("who really joined", () => {
  it("parallel guesses cannot all slip past the throttle: every try is counted before it is decided", async () => {
    const w = await makeWorld(db);
    const { token } = await invite(w);
    const client = newClient();
    const max = 10; // INVITE_ATTEMPTS_PER_WINDOW's default
    const looks = await Promise.all(Array.from({ length: 40 }, () => lookupInvitation(randomBytes(32).toString("base64url"), client)));
    expect(looks.filter((r) => r.state === "invalid").length).toBeLessThanOrEqual(max);
    expect(looks.filter((r) => r.state === "throttled").length).toBeGreaterThanOrEqual(40 - max);
    const other = newClient();
    const people = await Promise.all(Array.from({ length: 30 }, (_, i) => newUser(db, `guess${i}`)));
    const redeems = await Promise.all(people.map((p) => redeemInvitation(p, randomBytes(32).toString("base64url"), other)));
    expect(redeems.filter((r) => !r.ok && r.error === "invalid").length).toBeLessThanOrEqual(max);
    // a good link gives its try back: the rightful relative, from a client of their own, is never held up by their own use
    const rightful = newClient();
    for (let i = 0; i < max + 2; i++) expect((await lookupInvitation(token, rightful)).state).toBe("valid");
  });

  it("the citizen sees who the joining account really is (MitID's name, or the address the link was opened from) and is told at once, one tap from ending it", async () => {
    const w = await makeWorld(db);
    const byMail = await invite(w);
    const mailUser = await newUser(db, "mail");
    expect(await redeemInvitation(mailUser, byMail.token, newClient())).toMatchObject({ ok: true });
    const byMitid = await createInvitation(w.actors.citizen, {
      citizenId: w.citizen.id,
      who: "NEW",
      newName: "Jonas",
      newRelation: "Søn",
      permissions: ["SEE_STORY"],
    });
    if (!byMitid.ok) throw new Error("setup");
    const mitidUser = await newUser(db, "mitid");
    await db.user.update({ where: { id: mitidUser.userId }, data: { name: "Kim Andersen", email: `${mitidUser.userId}@mitid.invalid` } });
    await db.account.create({
      data: { id: randomUUID(), userId: mitidUser.userId, providerId: "mitid-saml", accountId: randomUUID() },
    });
    expect(await redeemInvitation(mitidUser, byMitid.value.token, newClient())).toMatchObject({ ok: true });

    const read = await readRelatives(w.actors.citizen, w.citizen.id);
    const relatives = read.ok ? read.value.relatives : [];
    const mailEmail = (await db.user.findUniqueOrThrow({ where: { id: mailUser.userId } })).email;
    // the name the citizen gave beside what the account proves: here the wrong person's name shows at once
    expect(relatives.map((r) => [r.name, r.joinedAs])).toEqual([
      ["Mette", { by: "email", email: mailEmail }],
      ["Jonas", { by: "mitid", name: "Kim Andersen" }],
    ]);
    const told = await db.notification.findMany({
      where: { citizenId: w.citizen.id, kind: "relative-joined" },
      orderBy: { createdAt: "asc" },
    });
    expect(told.map((n) => [n.path, n.detail])).toEqual([
      [`/plan/relatives?joined=${relatives[0]!.id}`, null],
      [`/plan/relatives?joined=${relatives[1]!.id}`, "Kim Andersen"],
    ]);
  });

  it("ending a relative's access withdraws their other waiting links, and no link sent before the end brings it back", async () => {
    const w = await makeWorld(db);
    const first = await invite(w);
    const member = await db.invitation.findUniqueOrThrow({ where: { id: first.invitationId }, select: { networkMemberId: true } });
    const again = await createInvitation(w.actors.citizen, {
      citizenId: w.citizen.id,
      who: `NETWORK_MEMBER:${member.networkMemberId}`,
      permissions: ["SEE_STORY"],
    });
    const someoneElse = await createInvitation(w.actors.citizen, {
      citizenId: w.citizen.id,
      who: "NEW",
      newName: "Ole",
      newRelation: "Nabo",
      permissions: ["SEE_STORY"],
    });
    if (!again.ok || !someoneElse.ok) throw new Error("setup");
    const wrong = await newUser(db, "wrong");
    expect(await redeemInvitation(wrong, first.token, newClient())).toMatchObject({ ok: true });
    const relationship = await db.relationship.findFirstOrThrow({ where: { citizenId: w.citizen.id, userId: wrong.userId } });
    expect(await endRelative(w.actors.citizen, { citizenId: w.citizen.id, relationshipId: relationship.id })).toMatchObject({ ok: true });

    const states = async () => {
      const r = await readRelatives(w.actors.citizen, w.citizen.id);
      return r.ok ? Object.fromEntries(r.value.invitations.map((i) => [i.id, i.state])) : {};
    };
    expect(await states()).toMatchObject({ [again.value.invitationId]: "REVOKED", [someoneElse.value.invitationId]: "PENDING" });
    // the same person, with links sent before the end: refused, and the access stays ended
    expect(await redeemInvitation(wrong, again.value.token, newClient())).toEqual({ ok: false, error: "invalid" });
    expect(await redeemInvitation(wrong, someoneElse.value.token, newClient())).toEqual({ ok: false, error: "invalid" });
    expect(await db.relationship.findUniqueOrThrow({ where: { id: relationship.id } })).toMatchObject({ endedAt: expect.any(Date) });
    expect(await readPlan(wrong, w.citizen.id)).toEqual(NOT_FOUND);
    // the link nobody used still works for the one it was meant for
    expect(await redeemInvitation(await newUser(db, "ole"), someoneElse.value.token, newClient())).toMatchObject({ ok: true });
    // a link the citizen sends after the end is theirs to send
    const fresh = await createInvitation(w.actors.citizen, {
      citizenId: w.citizen.id,
      who: `NETWORK_MEMBER:${member.networkMemberId}`,
      permissions: ["SEE_STORY"],
    });
    if (!fresh.ok) throw new Error("setup");
    expect(await redeemInvitation(wrong, fresh.value.token, newClient())).toMatchObject({ ok: true });
  });
});

describe("ending access when the link was for someone already joined", () => {
  it("withdraws the other links sent to that person, though the relationship stands for no network member of its own", async () => {
    const w = await makeWorld(db);
    const first = await invite(w);
    const member = await db.invitation.findUniqueOrThrow({ where: { id: first.invitationId }, select: { networkMemberId: true } });
    const more = async () => {
      const made = await createInvitation(w.actors.citizen, {
        citizenId: w.citizen.id,
        who: `NETWORK_MEMBER:${member.networkMemberId}`,
        permissions: ["SEE_STORY"],
      });
      if (!made.ok) throw new Error("setup");
      return made.value;
    };
    const [opened, waiting] = [await more(), await more()];
    // the one the links were for joins by the first; the wrong person opens another
    expect(await redeemInvitation(await newUser(db, "right"), first.token, newClient())).toMatchObject({ ok: true });
    const wrong = await newUser(db, "wrong");
    expect(await redeemInvitation(wrong, opened.token, newClient())).toMatchObject({ ok: true });
    const relationship = await db.relationship.findFirstOrThrow({ where: { citizenId: w.citizen.id, userId: wrong.userId } });
    expect(relationship.networkMemberId).toBeNull();
    expect(await endRelative(w.actors.citizen, { citizenId: w.citizen.id, relationshipId: relationship.id })).toMatchObject({ ok: true });
    expect(await db.invitation.findUniqueOrThrow({ where: { id: waiting.invitationId } })).toMatchObject({ revokedAt: expect.any(Date) });
    expect(await redeemInvitation(wrong, waiting.token, newClient())).toEqual({ ok: false, error: "invalid" });
  });
});

describe("what a relative may see and do", () => {
  it("exactly what the citizen allowed; narrowed on the next read; ended: 'no longer shared'", async () => {
    const w = await makeWorld(db);
    await db.storySection.create({ data: { citizenId: w.citizen.id, kind: "ABOUT_ME", text: "Om mig" } });
    const { token } = await invite(w, ["SEE_STORY", "SEE_GOALS_AND_AGREEMENTS"]);
    const mette = await newUser(db, "mette");
    await redeemInvitation(mette, token, newClient());
    let plan = await readPlan(mette, w.citizen.id);
    expect(
      plan.ok && [Boolean(plan.value.story), Boolean(plan.value.goals), Boolean(plan.value.agreements), Boolean(plan.value.network)],
    ).toEqual([true, true, true, false]);

    const relatives = await readRelatives(w.actors.citizen, w.citizen.id);
    const relationship = relatives.ok ? relatives.value.relatives[0]! : null;
    expect(
      await changeRelativePermissions(w.actors.citizen, {
        citizenId: w.citizen.id,
        relationshipId: relationship!.id,
        permissions: ["SEE_GOALS_AND_AGREEMENTS"],
        version: relationship!.version,
      }),
    ).toMatchObject({ ok: true });
    plan = await readPlan(mette, w.citizen.id);
    expect(plan.ok && [plan.value.story, Boolean(plan.value.goals)]).toEqual([null, true]);
    // a stale change is refused with the current copy
    expect(
      await changeRelativePermissions(w.actors.citizen, {
        citizenId: w.citizen.id,
        relationshipId: relationship!.id,
        permissions: ["SEE_STORY"],
        version: relationship!.version,
      }),
    ).toMatchObject({ ok: false, error: "conflict" });

    expect(await endedRelationship(mette.userId, w.citizen.id)).toBeNull();
    expect(await endRelative(w.actors.citizen, { citizenId: w.citizen.id, relationshipId: relationship!.id })).toMatchObject({ ok: true });
    expect(await readPlan(mette, w.citizen.id)).toEqual(NOT_FOUND);
    expect(await endedRelationship(mette.userId, w.citizen.id)).toEqual({ firstName: "Borger" });
    expect(await sharedWithMe(mette.userId)).toEqual([]);
    // invited again later: access comes back with the new choices
    const again = await invite(w, ["SEE_STORY"], { who: "NEW", newName: "Mette igen" });
    expect(await redeemInvitation(mette, again.token, newClient())).toMatchObject({ ok: true });
    plan = await readPlan(mette, w.citizen.id);
    expect(plan.ok && [Boolean(plan.value.story), plan.value.goals]).toEqual([true, null]);
  });

  it("an access date in the past is refused; one that runs out ends access by itself", async () => {
    const w = await makeWorld(db);
    expect(
      await createInvitation(w.actors.citizen, {
        citizenId: w.citizen.id,
        who: "NEW",
        newName: "X",
        permissions: ["SEE_STORY"],
        accessUntil: "2020-01-01",
      }),
    ).toEqual({
      ok: false,
      error: "invalid",
      fieldErrors: { accessUntil: ["Validation.dateInPast"] },
    });
    // "until and including today" lasts through today, Danish time
    const today = todayInDenmark();
    const { token } = await invite(w, ["SEE_STORY"], { accessUntil: today });
    const mette = await newUser(db, "mette");
    expect(await redeemInvitation(mette, token, newClient())).toMatchObject({ ok: true });
    expect((await readPlan(mette, w.citizen.id)).ok).toBe(true);
    expect(await myRelationship(mette.userId, w.citizen.id)).toMatchObject({ accessUntil: today });
    // a link whose access would already be over does not work, even before it expires
    const tomorrow = todayInDenmark(new Date(Date.now() + 86_400_000));
    const late = await invite(w, ["SEE_STORY"], { who: "NEW", newName: "Sen", accessUntil: tomorrow });
    const threeDaysOn = new Date(Date.now() + 3 * 86_400_000);
    expect(await lookupInvitation(late.token, newClient(), threeDaysOn)).toEqual({ state: "invalid" });
    expect(await redeemInvitation(await newUser(db, "sen"), late.token, newClient(), threeDaysOn)).toEqual({ ok: false, error: "invalid" });
    // when the day has passed, access ends by itself
    await db.relationship.updateMany({ where: { citizenId: w.citizen.id }, data: { validUntil: new Date(Date.now() - 1000) } });
    expect(await readPlan(mette, w.citizen.id)).toEqual(NOT_FOUND);
    expect(await endedRelationship(mette.userId, w.citizen.id)).toEqual({ firstName: "Borger" });
  });

  it("inviting: a person must be chosen and be in the network, at least one permission, and not someone who already has access", async () => {
    const w = await makeWorld(db);
    const base = { citizenId: w.citizen.id, permissions: ["SEE_STORY"] };
    expect(await createInvitation(w.actors.citizen, { ...base, who: "NEW", newName: " " })).toMatchObject({
      error: "invalid",
      fieldErrors: { newName: ["Validation.required"] },
    });
    expect(await createInvitation(w.actors.citizen, { ...base, who: "NEW", newName: "Ib", permissions: [] })).toMatchObject({
      error: "invalid",
      fieldErrors: { permissions: ["Validation.chooseAtLeastOne"] },
    });
    expect(await createInvitation(w.actors.citizen, { ...base, who: "NEW", newName: "Ib", permissions: ["SEE_EVERYTHING"] })).toMatchObject(
      { error: "invalid" },
    );
    const stranger = await db.networkMember.create({ data: { citizenId: w.otherCitizen.id, name: "Fremmed" } });
    expect(await createInvitation(w.actors.citizen, { ...base, who: `NETWORK_MEMBER:${stranger.id}` })).toEqual({
      ok: false,
      error: "invalid",
      fieldErrors: { who: ["Validation.chooseOne"] },
    });
    expect(await db.invitation.count({ where: { citizenId: w.citizen.id } })).toBe(0);

    const member = await addNetworkMember(w.actors.citizen, {
      citizenId: w.citizen.id,
      kind: "PERSON",
      name: "Lise",
      relation: "",
      closeness: "CLOSE",
      helpsWith: "",
      contact: "",
    });
    const memberId = member.ok ? member.value.memberId : "";
    const first = await createInvitation(w.actors.citizen, { ...base, who: `NETWORK_MEMBER:${memberId}` });
    await redeemInvitation(await newUser(db, "lise"), first.ok ? first.value.token : "", newClient());
    expect(await createInvitation(w.actors.citizen, { ...base, who: `NETWORK_MEMBER:${memberId}` })).toEqual({
      ok: false,
      error: "invalid",
      fieldErrors: { who: ["Validation.alreadyJoined"] },
    });
  });

  it("only the citizen invites, changes, revokes, ends or reads the list; everyone else gets 'not found'", async () => {
    const w = await makeWorld(db);
    const { token, invitationId } = await invite(w);
    const mette = await newUser(db, "mette");
    await redeemInvitation(mette, token, newClient());
    const relationshipId = (await db.relationship.findFirstOrThrow({ where: { citizenId: w.citizen.id } })).id;
    await grantConsent(w.actors.citizen, { citizenId: w.citizen.id, serviceAreaId: w.areaA.id, parts: ["PROFILE", "RELATIVES", "STORY"] });
    const everyone: [string, Actor][] = [
      ["the relative herself", mette],
      [
        "a relative with every permission",
        await w.relativeWith("all", ["SEE_STORY", "SEE_GOALS_AND_AGREEMENTS", "ADD_AGREEMENTS", "ADD_NETWORK", "SEE_CONTACT"]),
      ],
      ["staff with consent to relatives", w.actors.staffA],
      ["staff without consent", w.actors.staffB],
      ["another citizen", w.actors.otherCitizen],
      ["anonymous", w.actors.anonymous],
    ];
    for (const [who, actor] of everyone) {
      expect(
        await createInvitation(actor, { citizenId: w.citizen.id, who: "NEW", newName: "Ny", permissions: ["SEE_STORY"] }),
        who,
      ).toEqual(NOT_FOUND);
      expect(await revokeInvitation(actor, { citizenId: w.citizen.id, invitationId }), who).toEqual(NOT_FOUND);
      expect(
        await changeRelativePermissions(actor, {
          citizenId: w.citizen.id,
          relationshipId,
          permissions: ["SEE_STORY", "ADD_NETWORK"],
          version: 1,
        }),
        who,
      ).toEqual(NOT_FOUND);
      expect(await endRelative(actor, { citizenId: w.citizen.id, relationshipId }), who).toEqual(NOT_FOUND);
      expect(await readRelatives(actor, w.citizen.id), who).toEqual(NOT_FOUND);
    }
    expect(await db.relationship.findUniqueOrThrow({ where: { id: relationshipId } })).toMatchObject({
      permissions: ["SEE_STORY", "ADD_AGREEMENTS"],
      endedAt: null,
    });
    expect(await db.invitation.count({ where: { citizenId: w.citizen.id } })).toBe(1);
  });
});

describe("the relative's own space", () => {
  it("is the relative's to write; the citizen sees it only when shared; it closes with the access", async () => {
    const w = await makeWorld(db);
    await w.assign(w.actors.staffA, w.areaA);
    const { token } = await invite(w);
    const mette = await newUser(db, "mette");
    await redeemInvitation(mette, token, newClient());
    const space = await readOwnSpace(mette, w.citizen.id);
    expect(space).toMatchObject({ helpWish: null, sharedWithCitizen: false, version: 1, checkIns: [] });
    const save = (over: Record<string, unknown>, version: number) =>
      saveOwnSpace(mette, {
        citizenId: w.citizen.id,
        helpWish: "NOT_NOW",
        canDo: "Ikke lige nu – jeg har selv små børn",
        needsRespite: "on",
        version,
        ...over,
      });
    expect(await save({}, 1)).toEqual({ ok: true, value: { version: 2 } });
    expect(await addCheckIn(mette, { citizenId: w.citizen.id, feeling: "HARD", note: "En tung uge 😔" })).toMatchObject({ ok: true });
    let relatives = await readRelatives(w.actors.citizen, w.citizen.id);
    expect(relatives.ok && relatives.value.relatives[0]?.space).toBeNull(); // not shared

    expect(await save({ sharedWithCitizen: "on" }, 2)).toEqual({ ok: true, value: { version: 3 } });
    expect(await save({}, 2)).toMatchObject({ ok: false, error: "conflict" });
    relatives = await readRelatives(w.actors.citizen, w.citizen.id);
    expect(relatives.ok && relatives.value.relatives[0]?.space).toMatchObject({
      helpWish: "NOT_NOW",
      needsRespite: true,
      checkIns: [expect.objectContaining({ feeling: "HARD", note: "En tung uge 😔" })],
    });

    // nobody else writes it, and bad input is refused
    const other = await newUser(db, "other");
    expect(await saveOwnSpace(other, { citizenId: w.citizen.id, helpWish: "WANT_TO_HELP", canDo: "", version: 3 })).toEqual(NOT_FOUND);
    expect(await saveOwnSpace(w.actors.citizen, { citizenId: w.citizen.id, helpWish: "WANT_TO_HELP", canDo: "", version: 3 })).toEqual(
      NOT_FOUND,
    );
    expect(await addCheckIn(mette, { citizenId: w.citizen.id, feeling: "SO_SO", note: "" })).toMatchObject({
      ok: false,
      error: "invalid",
      fieldErrors: { feeling: ["Validation.chooseOne"] },
    });

    // caseworkers see it only if she shares it with them, and only with consent to the relatives part
    await grantConsent(w.actors.citizen, { citizenId: w.citizen.id, serviceAreaId: w.areaA.id, parts: ["PROFILE", "RELATIVES"] });
    await grantConsent(w.actors.citizen, { citizenId: w.citizen.id, serviceAreaId: w.areaB.id, parts: ["PROFILE", "STORY"] });
    expect(await readRelativeSpacesForStaff(w.actors.staffA, w.citizen.id)).toEqual({ ok: true, value: [] });
    expect(await save({ sharedWithCitizen: "on", sharedWithStaff: "on" }, 3)).toEqual({ ok: true, value: { version: 4 } });
    const forStaff = await readRelativeSpacesForStaff(w.actors.staffA, w.citizen.id);
    expect(forStaff.ok && forStaff.value).toEqual([
      { name: "Mette", space: expect.objectContaining({ helpWish: "NOT_NOW", needsRespite: true }) },
    ]);
    for (const actor of [w.actors.staffB, w.actors.citizen, mette])
      expect(await readRelativeSpacesForStaff(actor, w.citizen.id)).toEqual(NOT_FOUND);

    const relationshipId = relatives.ok ? relatives.value.relatives[0]!.id : "";
    await endRelative(w.actors.citizen, { citizenId: w.citizen.id, relationshipId });
    expect(await readRelativeSpacesForStaff(w.actors.staffA, w.citizen.id)).toEqual({ ok: true, value: [] });
    expect(await readOwnSpace(mette, w.citizen.id)).toBeNull();
    expect(await addCheckIn(mette, { citizenId: w.citizen.id, feeling: "OK", note: "" })).toEqual(NOT_FOUND);
  });
});

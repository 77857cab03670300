import { afterAll, describe, expect, it, vi } from "vitest";
import { appDatabase } from "../support/app-database";
import { makeWorld } from "../support/fixtures";
import { easyReadFor, planEasyRead, saveTextSize } from "@/lib/auth/reading";
import { updateSettings } from "@/lib/profile/commands";

// How a person asked to read (docs/decisions/036-easy-read-and-text-size.md): easy-read from their own plan,
// the text size from their user, which the session brings along.
const statements: string[] = [];
const db = appDatabase({ onQuery: (sql) => statements.push(sql) });

/** The statements `work` sent, counted. */
async function counted<T>(work: () => Promise<T>): Promise<{ value: T; statements: string[] }> {
  statements.length = 0;
  const value = await work();
  return { value, statements: [...statements] };
}

const savedEnv = { ...process.env };
afterAll(() => {
  for (const key of ["TIO_DEMO", "AUTH_MAGIC_LINK_PER_MINUTE", "APP_URL"]) {
    if (savedEnv[key] === undefined) delete process.env[key];
    else process.env[key] = savedEnv[key];
  }
});

describe("easy-read, as the pages ask for it", () => {
  it("follows the citizen's own setting, saved through the gate, in one statement that logs nothing", async () => {
    const w = await makeWorld(db);
    const userId = w.actors.citizen.userId;
    expect(await easyReadFor(userId)).toBe(false);
    const saved = await updateSettings(w.actors.citizen, {
      citizenId: w.citizen.id,
      preferredLocale: "da",
      plainLanguage: "on",
      version: 1,
    });
    expect(saved.ok).toBe(true);
    const logsBefore = await db.accessLog.count({ where: { citizenId: w.citizen.id } });
    const read = await counted(() => easyReadFor(userId));
    expect(read.value).toBe(true);
    expect(read.statements).toHaveLength(1);
    expect(read.statements[0]).toMatch(/FROM "public"\."Citizen"/);
    // the citizen reading their own choice is not someone else's access
    expect(await db.accessLog.count({ where: { citizenId: w.citizen.id } })).toBe(logsBefore);
    // another citizen's choice is theirs alone
    expect(await easyReadFor(w.actors.otherCitizen.userId)).toBe(false);
  });

  it("is off for a person without a plan of their own: a relative, a caseworker, an unknown id", async () => {
    const w = await makeWorld(db);
    await db.citizen.update({ where: { id: w.citizen.id }, data: { plainLanguage: true } });
    const relative = await w.relativeWith("daughter", ["SEE_STORY"]);
    for (const actor of [relative, w.actors.staffA]) expect(await easyReadFor(actor.userId)).toBe(false);
    expect(await easyReadFor("no-such-user")).toBe(false);
    // nothing of theirs decides it: the browser's choice may (docs/decisions/041); a citizen's plan always does
    for (const actor of [relative, w.actors.staffA]) expect(await planEasyRead(actor.userId)).toBeNull();
    expect(await planEasyRead(w.actors.citizen.userId)).toBe(true);
  });
});

describe("the text size", () => {
  it("is saved on the person's user; a change made elsewhere since the form was shown is refused with the size now", async () => {
    const w = await makeWorld(db);
    const { userId } = w.actors.staffA;
    const size = async () => (await db.user.findUniqueOrThrow({ where: { id: userId }, select: { textSize: true } })).textSize;
    expect(await size()).toBe("NORMAL");
    expect(await saveTextSize(userId, { textSize: "LARGEST", was: "NORMAL" })).toEqual({ ok: true, textSize: "LARGEST" });
    expect(await size()).toBe("LARGEST");
    // a second window still showing "normal"
    expect(await saveTextSize(userId, { textSize: "LARGER", was: "NORMAL" })).toEqual({ ok: false, error: "stale", current: "LARGEST" });
    expect(await size()).toBe("LARGEST");
    expect(await saveTextSize(userId, { textSize: "NORMAL", was: "LARGEST" })).toEqual({ ok: true, textSize: "NORMAL" });
    // nobody else's size moves
    expect((await db.user.findUniqueOrThrow({ where: { id: w.actors.citizen.userId } })).textSize).toBe("NORMAL");
  });

  it("refuses a size that is not one of the three, or a form without the size it showed, and writes nothing", async () => {
    const w = await makeWorld(db);
    const { userId } = w.actors.citizen;
    for (const input of [{ textSize: "HUGE", was: "NORMAL" }, { textSize: "LARGER" }, { textSize: null, was: "NORMAL" }, "LARGER"])
      expect(await saveTextSize(userId, input)).toEqual({ ok: false, error: "invalid" });
    expect((await db.user.findUniqueOrThrow({ where: { id: userId } })).textSize).toBe("NORMAL");
  });

  it("comes with the session at no extra statement, and cannot be set by signing up", async () => {
    vi.resetModules();
    delete (globalThis as { __auth?: unknown }).__auth;
    Object.assign(process.env, { TIO_DEMO: "1", AUTH_MAGIC_LINK_PER_MINUTE: "5", APP_URL: "http://localhost:3000" });
    const { auth: load } = await import("@/lib/auth/server");
    const auth = load();
    const email = `reading-${Date.now()}@example.test`;
    await auth.handler(
      new Request("http://localhost:3000/api/auth/sign-in/magic-link", {
        method: "POST",
        // a sign-up that tries to set fields of its own
        body: JSON.stringify({ email, name: "Læser", textSize: "LARGEST" }),
        headers: { "content-type": "application/json", origin: "http://localhost:3000" },
      }),
    );
    const mail = await db.outboxEmail.findFirstOrThrow({ where: { to: email } });
    const verified = await auth.handler(new Request(/https?:\/\/\S+/.exec(mail.body)![0]));
    const cookie = (verified.headers.get("set-cookie") ?? "").split(";")[0]!;
    const user = await db.user.findUniqueOrThrow({ where: { email } });
    expect(user.textSize).toBe("NORMAL");

    const before = await counted(() => auth.api.getSession({ headers: new Headers({ cookie }) }));
    expect((before.value?.user as { textSize?: string }).textSize).toBe("NORMAL");
    await saveTextSize(user.id, { textSize: "LARGER", was: "NORMAL" });
    const after = await counted(() => auth.api.getSession({ headers: new Headers({ cookie }) }));
    expect((after.value?.user as { textSize?: string }).textSize).toBe("LARGER");
    // the library's two statements, the session's and its user's, as before: the size is a column of the second
    expect(after.statements).toHaveLength(2);
    expect(after.statements[0]).toMatch(/FROM "public"\."session"/);
    expect(after.statements[1]).toMatch(/"public"\."user"\."textSize".* FROM "public"\."user"/);
  });
});

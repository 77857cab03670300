import { beforeEach, describe, expect, it, vi } from "vitest";
import type { Actor } from "@/lib/record/actor";
import type { Result } from "@/lib/validation/result";

// lib/forms/form-action.ts with Next.js and the session stood in for: what the
// command is given, what is refreshed, where it goes, and what the form gets back.

const h = vi.hoisted(() => ({ actor: { kind: "anonymous" } as unknown, log: [] as unknown[] }));

vi.mock("next/cache", () => ({
  revalidatePath: (path: string, type?: string) => h.log.push(type ? { revalidate: path, type } : { revalidate: path }),
}));
vi.mock("next/navigation", () => ({
  redirect: (url: string) => {
    throw Object.assign(new Error("NEXT_REDIRECT"), { url });
  },
}));
vi.mock("next-intl/server", () => ({ getLocale: async () => "da" }));
vi.mock("@/lib/auth/actor", () => ({ getActor: async () => h.actor }));
vi.mock("@/lib/auth/citizen", () => ({
  citizenFromSession: async () => {
    const a = h.actor as Actor;
    return a.kind === "user" && a.citizenId ? { actor: a, citizenId: a.citizenId } : null;
  },
}));

const { buttonAction, buttonActionFor, formAction, formActionFor } = await import("@/lib/forms/form-action");

const CITIZEN: Actor = { kind: "user", userId: "u1", citizenId: "c-own", staff: null };
const STAFF: Actor = { kind: "user", userId: "u2", citizenId: null, staff: { staffId: "s1", municipalityId: "m1", serviceAreaIds: [] } };

/** A command that answers `result` and remembers what it was given. */
function commandAnswering<T>(result: Result<T>) {
  return vi.fn(async (actor: Actor, input: unknown) => {
    h.log.push({ actor: actor.kind === "user" ? actor.userId : actor.kind, input });
    return result;
  });
}
function form(entries: [string, string][]) {
  const f = new FormData();
  for (const [k, v] of entries) f.append(k, v);
  return f;
}
async function outcome(run: () => Promise<unknown>) {
  try {
    return { returned: await run() };
  } catch (e) {
    if ((e as { url?: string }).url) return { redirect: (e as { url: string }).url };
    throw e;
  }
}

beforeEach(() => {
  h.log = [];
  h.actor = CITIZEN;
});

describe("formAction", () => {
  it("gives the command the fields, the rest of the form and the citizen's own plan (never the form's), and refreshes after a save", async () => {
    const command = commandAnswering({ ok: true, value: { id: "a1" } });
    const action = formAction({
      command,
      fields: ["what", "who"],
      input: (f) => ({ version: f.get("version") }),
      revalidate: [{ layout: "/plan" }, "/x"],
    });
    const state = await action(
      { status: "idle" },
      form([
        ["what", "Vask"],
        ["who", "Mette"],
        ["who", "Bent"],
        ["version", "3"],
        ["citizenId", "c-other"],
      ]),
    );
    expect(state).toEqual({ status: "saved" });
    expect(h.log).toEqual([
      { actor: "u1", input: { what: "Vask", who: ["Mette", "Bent"], version: "3", citizenId: "c-own" } },
      { revalidate: "/da/plan", type: "layout" },
      { revalidate: "/da/x" },
    ]);
  });

  it("a refusal gives back the field errors and the words as written, and refreshes nothing", async () => {
    const action = formAction({
      command: commandAnswering({ ok: false, error: "invalid", fieldErrors: { what: ["Validation.required"] } }),
      fields: ["what"],
      revalidate: [{ layout: "/plan" }],
    });
    expect(await action({ status: "idle" }, form([["what", "  "]]))).toEqual({
      status: "invalid",
      fieldErrors: { what: ["Validation.required"] },
      values: { what: "  " },
    });
    const conflict = formAction({ command: commandAnswering({ ok: false, error: "conflict", current: null }), fields: ["what"] });
    expect(await conflict({ status: "idle" }, form([["what", "a"]]))).toEqual({ status: "conflict", values: { what: "a" } });
    // a form that may save over the newer copy learns its version, and keeps what was written
    const over = formAction({
      command: commandAnswering({ ok: false, error: "conflict", current: { version: 7 } }),
      fields: ["what"],
      conflictVersion: (current) => (current as { version: number }).version,
    });
    expect(await over({ status: "idle" }, form([["what", "a"]]))).toEqual({ status: "conflict", values: { what: "a" }, version: 7 });
    expect(h.log.filter((l) => "revalidate" in (l as object))).toEqual([]);
  });

  it("without a plan of one's own it fails, keeping the words, and asks nothing", async () => {
    h.actor = STAFF;
    const command = commandAnswering({ ok: true, value: null });
    expect(await formAction({ command, fields: ["what"] })({ status: "idle" }, form([["what", "a"]]))).toEqual({
      status: "failed",
      values: { what: "a" },
    });
    expect(command).not.toHaveBeenCalled();
  });

  it("goes on after a save when told, and hands back what onSaved says otherwise", async () => {
    const command = commandAnswering({ ok: true, value: { goalId: "g1", version: 4 } });
    const goOn = formAction({
      command,
      fields: [],
      revalidate: [{ layout: "/plan" }],
      redirectTo: (v) => `/plan/goals/${v.goalId}?notice=created`,
    });
    expect(await outcome(() => goOn({ status: "idle" }, form([])))).toEqual({ redirect: "/da/plan/goals/g1?notice=created" });
    expect(h.log).toContainEqual({ revalidate: "/da/plan", type: "layout" });
    const stay = formAction({ command, fields: [], onSaved: (v) => ({ status: "saved", version: v.version }) });
    expect(await stay({ status: "idle" }, form([]))).toEqual({ status: "saved", version: 4 });
  });

  it('as "signed-in" it acts as whoever is signed in, on what the form names', async () => {
    h.actor = STAFF;
    const command = commandAnswering({ ok: true, value: null });
    await formAction({ actor: "signed-in", command, fields: ["citizenId", "staffId"] })(
      { status: "idle" },
      form([
        ["citizenId", "c-9"],
        ["staffId", "s2"],
      ]),
    );
    expect(h.log[0]).toEqual({ actor: "u2", input: { citizenId: "c-9", staffId: "s2" } });
  });
});

describe("formActionFor", () => {
  it("acts on the plan the page bound, as whoever is signed in", async () => {
    h.actor = STAFF;
    const command = commandAnswering({ ok: true, value: null });
    const action = formActionFor({ command, fields: ["text"], revalidate: ({ citizenId }) => [`/staff/citizens/${citizenId}`] });
    expect(
      await action.bind(null, "c-bound")(
        { status: "idle" },
        form([
          ["text", "Hej"],
          ["citizenId", "c-other"],
        ]),
      ),
    ).toEqual({ status: "saved" });
    expect(h.log).toEqual([{ actor: "u2", input: { text: "Hej", citizenId: "c-bound" } }, { revalidate: "/da/staff/citizens/c-bound" }]);
  });
});

describe("buttonAction", () => {
  const back = (notice: string) => `/plan/things?notice=${notice}`;

  it("does it, refreshes, and goes back with the notice: the ok code, conflict, or failed", async () => {
    const done = buttonAction({
      command: commandAnswering({ ok: true, value: null }),
      input: (f) => ({ id: f.get("id") }),
      revalidate: [{ layout: "/plan" }],
      ok: "marked",
      back,
    });
    expect(await outcome(() => done(form([["id", "t1"]])))).toEqual({ redirect: "/da/plan/things?notice=marked" });
    expect(h.log).toEqual([
      { actor: "u1", input: { id: "t1", citizenId: "c-own" } },
      { revalidate: "/da/plan", type: "layout" },
    ]);

    const conflict = buttonAction({ command: commandAnswering({ ok: false, error: "conflict", current: null }), ok: "marked", back });
    expect(await outcome(() => conflict(form([])))).toEqual({ redirect: "/da/plan/things?notice=conflict" });
    const invalid = buttonAction({ command: commandAnswering({ ok: false, error: "invalid", fieldErrors: {} }), ok: "marked", back });
    expect(await outcome(() => invalid(form([])))).toEqual({ redirect: "/da/plan/things?notice=failed" });
  });

  it("names the refusals the page has words for, by list or by rule", async () => {
    const invalid = commandAnswering({ ok: false, error: "invalid", fieldErrors: { _form: ["Validation.handOverFirst"] } });
    expect(await outcome(() => buttonAction({ command: invalid, ok: "x", refused: ["invalid"], back })(form([])))).toEqual({
      redirect: "/da/plan/things?notice=invalid",
    });
    const rule = buttonAction({
      command: invalid,
      ok: "x",
      refused: (r) => (r.error === "invalid" && r.fieldErrors._form?.includes("Validation.handOverFirst") ? "handOverFirst" : undefined),
      back,
    });
    expect(await outcome(() => rule(form([])))).toEqual({ redirect: "/da/plan/things?notice=handOverFirst" });
  });

  it("without a plan of one's own: failed, and still refreshed", async () => {
    h.actor = { kind: "anonymous" };
    const command = commandAnswering({ ok: true, value: null });
    expect(await outcome(() => buttonAction({ command, revalidate: ["/plan"], ok: "x", back })(form([])))).toEqual({
      redirect: "/da/plan/things?notice=failed",
    });
    expect(command).not.toHaveBeenCalled();
    expect(h.log).toEqual([{ revalidate: "/da/plan" }]);
  });

  it("buttonActionFor goes back to the bound plan's page", async () => {
    h.actor = STAFF;
    const take = buttonActionFor({
      command: commandAnswering({ ok: true, value: null }),
      ok: "taken",
      back: (n, { citizenId }) => `/staff/citizens/${citizenId}?notice=${n}`,
    });
    expect(await outcome(() => take.bind(null, "c-5")(form([])))).toEqual({ redirect: "/da/staff/citizens/c-5?notice=taken" });
    expect(h.log[0]).toEqual({ actor: "u2", input: { citizenId: "c-5" } });
  });
});

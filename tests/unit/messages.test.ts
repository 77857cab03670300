import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parse, TYPE, type MessageFormatElement } from "@formatjs/icu-messageformat-parser";
import { routing } from "@/lib/i18n/routing";
import { icuProblem } from "@/lib/i18n/review";

/** The {arguments} an ICU message uses, through plural and select branches. */
function argumentNames(elements: MessageFormatElement[], out = new Set<string>()): Set<string> {
  for (const el of elements) {
    if (el.type === TYPE.literal || el.type === TYPE.pound) continue;
    if ("value" in el && typeof el.value === "string") out.add(el.value);
    if ("options" in el) for (const option of Object.values(el.options)) argumentNames(option.value, out);
    if ("children" in el) argumentNames(el.children, out);
  }
  return out;
}

const dir = path.join(import.meta.dirname, "../../messages");
const load = (locale: string) => JSON.parse(fs.readFileSync(path.join(dir, `${locale}.json`), "utf8"));

/** Every leaf of a message tree as "Namespace.key" -> text. */
function leaves(tree: Record<string, unknown>, prefix = ""): Map<string, unknown> {
  const out = new Map<string, unknown>();
  for (const [key, value] of Object.entries(tree)) {
    if (value && typeof value === "object")
      for (const [k, v] of leaves(value as Record<string, unknown>, `${prefix}${key}.`)) out.set(k, v);
    else out.set(`${prefix}${key}`, value);
  }
  return out;
}

describe("message catalogues", () => {
  const danish = leaves(load("da"));

  it("have a catalogue for every locale the app routes to, and no other", () => {
    const files = fs
      .readdirSync(dir)
      .filter((f) => f.endsWith(".json"))
      .map((f) => f.replace(/\.json$/, ""))
      .sort();
    expect(files).toEqual([...routing.locales].sort());
  });

  it.each(routing.locales.filter((l) => l !== "da"))("%s has exactly the Danish keys", (locale) => {
    const other = leaves(load(locale));
    expect(
      [...danish.keys()].filter((k) => !other.has(k)),
      "missing in " + locale,
    ).toEqual([]);
    expect(
      [...other.keys()].filter((k) => !danish.has(k)),
      "not in da.json",
    ).toEqual([]);
  });

  it.each(routing.locales)("%s has no empty texts", (locale) => {
    const empty = [...leaves(load(locale))].filter(([, v]) => typeof v !== "string" || v.trim() === "").map(([k]) => k);
    expect(empty).toEqual([]);
  });

  it.each(routing.locales)("%s: every plural has other and only the language's own categories, every select other", (locale) => {
    // Arabic adds zero, two, few and many; Ukrainian few and many: extra branches are welcome,
    // foreign ones (a "two" in Danish) are never chosen and so are mistakes
    const texts = leaves(load(locale));
    const wrong = [...texts].map(([k, v]) => [k, icuProblem(String(v), String(v), locale)]).filter(([, problem]) => problem);
    expect(wrong).toEqual([]);
  });

  it.each(routing.locales.filter((l) => l !== "da"))("%s: every text parses and offers the Danish choices in each select", (locale) => {
    const other = leaves(load(locale));
    const wrong = [...danish].map(([k, v]) => [k, icuProblem(String(v), String(other.get(k)), locale)]).filter(([, problem]) => problem);
    expect(wrong).toEqual([]);
  });

  it("icuProblem finds what a translator may get wrong", () => {
    const source = "{count, plural, one {# mål} other {# mål}}";
    expect(icuProblem(source, "{count, plural, one {# ціль} few {# цілі} many {# цілей} other {# цілі}}", "uk")).toBeNull();
    expect(icuProblem(source, "{count, plural, one {# هدف} two {هدفان} few {# أهداف} other {# هدف}}", "ar")).toBeNull();
    expect(icuProblem(source, "{count, plural, one {# ціль} few {# цілі}}", "uk")).toMatch(/other/i);
    expect(icuProblem(source, "{count, plural, one {# ціль} two {# цілі} other {# цілі}}", "uk")).toMatch(/two/);
    expect(icuProblem(source, "{n, plural, one {# ціль} other {# цілі}}", "uk")).toMatch(/uses \{n\}/);
    expect(icuProblem("{role, select, STAFF {a} other {b}}", "{role, select, STAFF {а} RELATIVE {б} other {в}}", "uk")).toMatch(/offers/);
    expect(icuProblem("{name}", "{name", "ar")).toMatch(/does not parse/);
  });

  it.each(routing.locales.filter((l) => l !== "da"))("%s uses the same {placeholders} as Danish", (locale) => {
    const other = leaves(load(locale));
    const names = (text: unknown) => [...argumentNames(parse(String(text)))].sort();
    const differing = [...danish].filter(([k, v]) => JSON.stringify(names(v)) !== JSON.stringify(names(other.get(k)))).map(([k]) => k);
    expect(differing).toEqual([]);
  });
});

describe("validation messages", () => {
  it("every Validation.* key that code can return exists in the Danish catalogue", () => {
    const root = path.join(import.meta.dirname, "../..");
    const files = fs.readdirSync(path.join(root, "lib"), { recursive: true, encoding: "utf8" }).filter((f) => /\.tsx?$/.test(f));
    const used = new Set<string>();
    for (const f of files)
      for (const m of fs.readFileSync(path.join(root, "lib", f), "utf8").matchAll(/"(Validation\.\w+)"/g)) used.add(m[1]!);
    expect(used.size).toBeGreaterThan(3);
    const danish = leaves(load("da"));
    expect([...used].filter((k) => !danish.has(k))).toEqual([]);
  });
});

import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { routing } from "@/lib/i18n/routing";
import { icuProblem } from "@/lib/i18n/review";
import { withEasyRead, type Messages } from "@/lib/i18n/easy-read";

// The easy-read catalogues (issue 16, part 1; docs/decisions/036-easy-read-and-text-size.md): partial, laid
// over the normal catalogue for a citizen who asked for easy-read. What the messages test holds for the normal
// catalogues, held here for them. (The LIX of the Danish easy-read texts has its own test.)

const dir = path.join(import.meta.dirname, "../../messages");
const read = (file: string) => JSON.parse(fs.readFileSync(path.join(dir, file), "utf8")) as Messages;
const normal = (locale: string) => read(`${locale}.json`);
const easy = (locale: string) => read(`easy/${locale}.json`);

/** Every leaf of a message tree as "Namespace.key" -> text. */
function leaves(tree: Messages, prefix = ""): Map<string, unknown> {
  const out = new Map<string, unknown>();
  for (const [key, value] of Object.entries(tree)) {
    if (value && typeof value === "object") for (const [k, v] of leaves(value, `${prefix}${key}.`)) out.set(k, v);
    else out.set(`${prefix}${key}`, value);
  }
  return out;
}

describe("easy-read catalogues", () => {
  it("there is one for every locale the app routes to, and no other", () => {
    const files = fs
      .readdirSync(path.join(dir, "easy"))
      .filter((f) => f.endsWith(".json"))
      .map((f) => f.replace(/\.json$/, ""))
      .sort();
    expect(files).toEqual([...routing.locales].sort());
  });

  it("Danish has easy texts for the settings page at least", () => {
    expect([...leaves(easy("da")).keys()].filter((k) => k.startsWith("Settings.")).length).toBeGreaterThan(2);
  });

  it.each(routing.locales)("%s: every easy text replaces a text of the normal catalogue, at the same path", (locale) => {
    const texts = leaves(normal(locale));
    expect([...leaves(easy(locale)).keys()].filter((k) => typeof texts.get(k) !== "string")).toEqual([]);
  });

  it.each(routing.locales.filter((l) => l !== "da"))("%s has an easy text exactly where Danish has one", (locale) => {
    const danish = [...leaves(easy("da")).keys()].sort();
    expect([...leaves(easy(locale)).keys()].sort()).toEqual(danish);
  });

  it.each(routing.locales)("%s has no empty easy texts", (locale) => {
    const empty = [...leaves(easy(locale))].filter(([, v]) => typeof v !== "string" || v.trim() === "").map(([k]) => k);
    expect(empty).toEqual([]);
  });

  it.each(routing.locales)(
    "%s: every easy text parses, uses the normal text's {placeholders} and choices, and plurals of its own language",
    (locale) => {
      const texts = leaves(normal(locale));
      const wrong = [...leaves(easy(locale))]
        .map(([k, v]) => [k, icuProblem(String(texts.get(k)), String(v), locale)])
        .filter(([, problem]) => problem);
      expect(wrong).toEqual([]);
    },
  );
});

describe("laying the easy texts over the normal ones", () => {
  const base: Messages = {
    Settings: { title: "Indstillinger", plainHint: "Så står teksterne på dine sider med korte sætninger.", languages: { da: "Dansk" } },
    Plan: { title: "Min plan" },
  };

  it("takes an easy text where there is one and keeps every other text", () => {
    const merged = withEasyRead(base, { Settings: { plainHint: "Let sprog giver korte sætninger." } });
    expect(merged).toEqual({
      Settings: { title: "Indstillinger", plainHint: "Let sprog giver korte sætninger.", languages: { da: "Dansk" } },
      Plan: { title: "Min plan" },
    });
  });

  it("changes neither catalogue", () => {
    const before = JSON.stringify(base);
    const over: Messages = { Settings: { title: "Dine valg" } };
    withEasyRead(base, over);
    expect(JSON.stringify(base)).toBe(before);
    expect(over).toEqual({ Settings: { title: "Dine valg" } });
  });

  it("keeps the catalogue's shape: a key the normal catalogue lacks, or of another kind there, is left out", () => {
    const merged = withEasyRead(base, {
      Gone: { title: "Væk" },
      Settings: { removed: "Væk", languages: "Sprog", title: { nested: "Nej" } },
      Plan: "Min plan",
    });
    expect(merged).toEqual(base);
  });

  it.each(routing.locales)("%s: the real catalogues merge to the normal keys, with every easy text in place", (locale) => {
    const merged = leaves(withEasyRead(normal(locale), easy(locale)));
    expect([...merged.keys()]).toEqual([...leaves(normal(locale)).keys()]);
    for (const [key, text] of leaves(easy(locale))) expect(merged.get(key)).toBe(text);
  });
});

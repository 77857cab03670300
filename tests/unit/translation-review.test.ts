import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { formatReview, parseReview, reviewTexts } from "@/lib/i18n/review";
import { routing } from "@/lib/i18n/routing";
import { languageOfWish } from "@/lib/notify/language";

/**
 * The review lists (docs/translation.md) say which texts a person has not yet read. They must be
 * honest: every row is a text that exists, shown as the catalogue has it, with today's Danish and
 * English beside it; Danish and English, the source and its faithful version, never have a list.
 */
const messages = path.join(import.meta.dirname, "../../messages");
const read = (file: string) => (fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, "utf8")) as Record<string, unknown>) : {});
/** A language's texts by review key: the catalogue's, and the easy-read catalogue's as "easy:…". */
const load = (locale: string) =>
  reviewTexts(read(path.join(messages, `${locale}.json`)), read(path.join(messages, "easy", `${locale}.json`)));
const lists = fs.readdirSync(path.join(messages, "review")).filter((f) => f.endsWith(".tsv"));

describe("translation review lists", () => {
  it("exist only for translated languages, never for Danish or English", () => {
    const locales = lists.map((f) => f.replace(/\.tsv$/, ""));
    expect(locales).not.toContain("da");
    expect(locales).not.toContain("en");
    for (const l of locales) expect(routing.locales as readonly string[]).toContain(l);
  });

  it.each(lists)("%s lists each existing key once, as the catalogue and the source have it now", (file) => {
    const locale = file.replace(/\.tsv$/, "");
    const rows = parseReview(fs.readFileSync(path.join(messages, "review", file), "utf8"));
    const [texts, danish, english] = [load(locale), load("da"), load("en")];
    expect(
      rows.filter((r) => !texts.has(r.key)).map((r) => r.key),
      "keys that do not exist",
    ).toEqual([]);
    expect(rows.length, "a key listed twice").toBe(new Set(rows.map((r) => r.key)).size);
    // a machine row shows what the citizen sees; an ok row holds the corrected text until it is applied
    expect(
      rows.filter((r) => r.status === "machine" && r.text !== texts.get(r.key)).map((r) => r.key),
      "text differs from the catalogue",
    ).toEqual([]);
    expect(
      rows.filter((r) => r.da !== danish.get(r.key) || r.en !== english.get(r.key)).map((r) => r.key),
      "stale Danish or English",
    ).toEqual([]);
  });

  it("names an easy-read text easy:<key> beside the normal text of the same key, and lists the easy texts of Arabic and Ukrainian", () => {
    expect([...reviewTexts({ Plan: { title: "Min plan" } }, { Plan: { title: "Din plan" } })]).toEqual([
      ["Plan.title", "Min plan"],
      ["easy:Plan.title", "Din plan"],
    ]);
    for (const file of lists) {
      const rows = parseReview(fs.readFileSync(path.join(messages, "review", file), "utf8"));
      const easy = [...load(file.replace(/\.tsv$/, "")).keys()].filter((k) => k.startsWith("easy:"));
      // machine-assisted easy texts are on the list until a translator has read them
      expect(easy.length).toBeGreaterThan(0);
      expect(rows.some((r) => r.key.startsWith("easy:"))).toBe(true);
    }
  });

  it("keeps line breaks, tabs and backslashes through a spreadsheet round trip", () => {
    const rows = [{ key: "A.b", status: "machine" as const, da: "Hej\n\n{url}", en: "Hi\tthere", text: "back\\slash" }];
    expect(parseReview(formatReview(rows))).toEqual([{ ...rows[0], en: "Hi there" }]);
    expect(() => parseReview("key\tstatus\n")).toThrow(/first line/);
    expect(() => parseReview(formatReview(rows).replace("machine", "done"))).toThrow(/status/);
  });
});

describe("the language a contact wish names", () => {
  it.each([
    ["engelsk", "en"],
    ["English", "en"],
    ["arabisk", "ar"],
    ["Arabic", "ar"],
    ["العربية", "ar"],
    ["عربي", "ar"],
    ["ukrainsk", "uk"],
    ["Українська", "uk"],
    ["dansk", "da"],
    ["tyrkisk", "da"],
    ["", "da"],
  ])("%s gives %s", (wish, locale) => {
    expect(languageOfWish(wish)).toBe(locale);
  });
});

describe("every language is everywhere the code lists languages", () => {
  it("the service worker has an offline page for each language the app routes to", () => {
    const sw = fs.readFileSync(path.join(import.meta.dirname, "../../app/sw.ts"), "utf8");
    const listed = /const LOCALES = \[([^\]]*)\]/
      .exec(sw)?.[1]
      ?.match(/"(\w+)"/g)
      ?.map((s) => s.slice(1, -1));
    expect(listed).toEqual([...routing.locales]);
  });
});

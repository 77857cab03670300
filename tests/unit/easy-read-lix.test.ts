import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { icuProblem, leaves } from "@/lib/i18n/review";
import { routing } from "@/lib/i18n/routing";
import { isCitizenMessage } from "@/lib/plain-language/citizen-facing";
import { lix } from "@/lib/plain-language/lix";
import { asRunningText, isLabel, messageLix } from "@/lib/plain-language/message-lix";

/**
 * Issue 16, part 1: the easy-read catalogue (messages/easy/<locale>.json) and its LIX, decision 038.
 * The easy catalogue is partial: where it has a text, a citizen with easy-read on reads that text;
 * elsewhere the normal one. So the test measures what such a citizen reads, the effective text:
 *
 * - every citizen-facing namespace (roughly one page), its effective Danish texts read as one
 *   running text (each message a sentence, every branch of a plural or select in turn), has
 *   LIX ≤ 25;
 * - every effective Danish message of more than four words (a sentence, not a label; see
 *   isLabel) has LIX ≤ 25, measured as the LIX test of part 6 measures (placeholders as one short
 *   word, the hardest branch of a plural or select);
 * - an easy text is for a citizen-facing message that exists, says something else than the normal
 *   text, and keeps its {placeholders} and choices; the four easy catalogues have the same keys.
 */
const dir = path.join(import.meta.dirname, "../../messages");
const load = (file: string) => JSON.parse(fs.readFileSync(path.join(dir, file), "utf8")) as Record<string, unknown>;

const normal = leaves(load("da.json"));
const easy = leaves(load("easy/da.json"));
const effective = new Map([...normal].filter(([key]) => isCitizenMessage(key)).map(([key, text]) => [key, easy.get(key) ?? text]));

describe("the easy-read catalogue", () => {
  it.each(routing.locales)("has a file for %s with the Danish easy keys, each a normal key with the same placeholders", (locale) => {
    const texts = leaves(load(`easy/${locale}.json`));
    expect([...texts.keys()].sort()).toEqual([...easy.keys()].sort());
    const own = leaves(load(`${locale}.json`));
    const wrong = [...texts]
      .map(([key, text]) => [key, own.has(key) ? icuProblem(normal.get(key)!, text, locale) : "no such key in the catalogue"])
      .filter(([, problem]) => problem);
    expect(wrong).toEqual([]);
    expect([...texts].filter(([, text]) => text.trim() === "").map(([key]) => key)).toEqual([]);
  });

  it("has texts only for what citizens and relatives read, and each says it otherwise than the normal text", () => {
    expect([...easy.keys()].filter((key) => !isCitizenMessage(key))).toEqual([]);
    expect([...easy].filter(([key, text]) => normal.get(key) === text).map(([key]) => key)).toEqual([]);
    for (const locale of routing.locales.filter((l) => l !== "da")) {
      const own = leaves(load(`${locale}.json`));
      const same = [...leaves(load(`easy/${locale}.json`))].filter(([key, text]) => own.get(key) === text).map(([key]) => key);
      expect(same, locale).toEqual([]);
    }
  });

  it("gives every citizen page a running text of LIX 25 or less in Danish", () => {
    const pages = new Map<string, string[]>();
    for (const [key, text] of effective) {
      const namespace = key.split(".")[0]!;
      // the areas' proper names, not a page: the citizen says yes to an area by the name its letters and
      // caseworkers use ("Sundhed og genoptræning"), so easy-read keeps them; they are measured in no page
      if (namespace === "ServiceAreas") continue;
      pages.set(namespace, [...(pages.get(namespace) ?? []), asRunningText(text)]);
    }
    expect(pages.size).toBeGreaterThan(30);
    const hard = [...pages].map(([namespace, texts]) => [namespace, lix(texts.join(" ")).score] as const).filter(([, score]) => score > 25);
    expect(hard).toEqual([]);
  });

  it("has no Danish sentence over LIX 25 for a citizen with easy-read on", () => {
    const hard = [...effective]
      .filter(([, text]) => !isLabel(text))
      .map(([key, text]) => `${messageLix(text).score} ${key}: ${text}`)
      .filter((line) => Number(line.split(" ")[0]) > 25);
    expect(hard).toEqual([]);
  });

  it("makes a hard text easy, not just different: the easy texts score lower than the normal ones they replace", () => {
    const scores = [...easy].map(([key, text]) => [messageLix(normal.get(key)!).score, messageLix(text).score] as const);
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    expect(mean(scores.map(([, e]) => e))).toBeLessThan(mean(scores.map(([n]) => n)));
  });
});

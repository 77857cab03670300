import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { icuProblem, leaves } from "@/lib/i18n/review";
import { routing } from "@/lib/i18n/routing";
import { isCitizenMessage } from "@/lib/plain-language/citizen-facing";
import { lix } from "@/lib/plain-language/lix";
import { asRunningText, isLabel, messageLix } from "@/lib/plain-language/message-lix";
import { citizenPages } from "./page-namespaces";

/**
 * Issue 16, part 1: the easy-read catalogue (messages/easy/<locale>.json) and its LIX, decision 038.
 * The easy catalogue is partial: where it has a text, a citizen with easy-read on reads that text;
 * elsewhere the normal one. So the test measures what such a citizen reads, the effective text:
 *
 * - every citizen's and relative's page (each page.tsx outside the staff's and the demo's), the
 *   effective Danish texts of every namespace it and its layouts and components can show, read as
 *   one running text (each message a sentence, every branch of a plural or select in turn), has
 *   LIX ≤ 25 (tests/unit/page-namespaces.ts reads the namespaces from the source);
 * - every effective Danish message of more than four words (a sentence, not a label; see
 *   isLabel) has LIX ≤ 25, measured as the LIX test of part 6 measures (placeholders as one short
 *   word, the hardest branch of a plural or select);
 * - an easy text is for a citizen-facing message that exists, says something else than the normal
 *   text, scores no higher than it, and keeps its {placeholders} and choices; the four easy
 *   catalogues have the same keys.
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

  it("gives every page a citizen or a relative reads a running text of LIX 25 or less in Danish", () => {
    const routes = citizenPages();
    expect(routes.size).toBeGreaterThan(25);
    const measured = [...routes].map(([route, { all: namespaces, own }]) => {
      const texts = [...effective]
        // the areas' proper names: the citizen says yes to an area by the name its letters and caseworkers
        // use ("Sundhed og genoptræning"), so easy-read keeps them, and they are measured on no page
        .filter(([key]) => !key.startsWith("ServiceAreas."))
        .filter(([key]) => [...namespaces].some((ns) => key.startsWith(`${ns}.`)))
        .map(([, text]) => asRunningText(text));
      const ownWords = [...effective]
        .filter(([key]) => !key.startsWith("ServiceAreas."))
        .filter(([key]) => [...own].some((ns) => key.startsWith(`${ns}.`))).length;
      return { route, ownWords, score: lix(texts.join(" ")).score };
    });
    // each page has words of its own, not only the header's and the navigation's: the walk found them
    expect(measured.filter(({ ownWords }) => ownWords === 0).map(({ route }) => route)).toEqual([]);
    expect(measured.filter(({ score }) => score > 25).map(({ route, score }) => `${route}: ${score.toFixed(1)}`)).toEqual([]);
  });

  it("has no Danish sentence over LIX 25 for a citizen with easy-read on", () => {
    const hard = [...effective]
      .filter(([, text]) => !isLabel(text))
      .map(([key, text]) => `${messageLix(text).score} ${key}: ${text}`)
      .filter((line) => Number(line.split(" ")[0]) > 25);
    expect(hard).toEqual([]);
  });

  it("makes a hard text easy, not just different: no easy text scores higher than the normal text it replaces", () => {
    const harder = [...easy]
      .map(([key, text]) => [key, messageLix(normal.get(key)!).score, messageLix(text).score] as const)
      .filter(([, before, after]) => after > before)
      .map(([key, before, after]) => `${key}: ${before.toFixed(1)} → ${after.toFixed(1)}`);
    expect(harder).toEqual([]);
  });
});

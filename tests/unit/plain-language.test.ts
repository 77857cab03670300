import { describe, expect, it } from "vitest";
import { lix, lixBand } from "@/lib/plain-language/lix";
import { GLOSSARY, glossaryHits } from "@/lib/plain-language/glossary";
import da from "@/messages/da.json";
import en from "@/messages/en.json";

// LIX = words / sentences + 100 × long words / words (long: more than six letters).
// Each expected value below is worked out by hand in the comment beside it.
describe("LIX", () => {
  it("a short, plain Danish text is very easy", () => {
    // 7 words, 2 sentences, 0 long words: 7/2 + 0 = 3.5
    expect(lix("Jeg går til lægen. Hun er sød.")).toEqual({ score: 3.5, words: 7, sentences: 2, longWords: 0, band: "very-easy" });
  });

  it("a sentence from 'professional-land' is very hard", () => {
    // 7 words, 1 sentence; long: Kommunen, bevilger, personlig, servicelovens, bestemmelser = 5
    // 7/1 + 500/7 = 7 + 71.43 = 78.4
    expect(lix("Kommunen bevilger personlig hjælp efter servicelovens bestemmelser.")).toEqual({
      score: 78.4,
      words: 7,
      sentences: 1,
      longWords: 5,
      band: "very-hard",
    });
  });

  it("the same news said plainly is very easy; æøå count as letters", () => {
    // 14 words, 2 sentences; long: tirsdag (7 letters) = 1; kommer and fredag have 6
    // 14/2 + 100/14 = 7 + 7.14 = 14.1
    expect(lix("Du får hjælp til bad to gange om ugen. Vi kommer tirsdag og fredag.")).toMatchObject({
      score: 14.1,
      words: 14,
      sentences: 2,
      longWords: 1,
    });
    // "smørrebrød" has ten letters
    expect(lix("Smørrebrød er godt.").longWords).toBe(1);
  });

  it("counts a text without a full stop as one sentence, a hyphenated word as one word, and an empty text as nothing", () => {
    expect(lix("Ring til mig")).toMatchObject({ sentences: 1, words: 3, score: 3 });
    // 2 words (Hjemme-hjælp, virker), 1 sentence; long: Hjemme-hjælp (11 letters) = 1: 2 + 50 = 52
    expect(lix("Hjemme-hjælp virker!")).toMatchObject({ words: 2, longWords: 1, score: 52, band: "hard" });
    expect(lix("   ")).toEqual({ score: 0, words: 0, sentences: 0, longWords: 0, band: "very-easy" });
    // numbers are words, but never long
    expect(lix("Ring 12345678 i dag.")).toMatchObject({ words: 4, longWords: 0 });
  });

  it("names the usual bands at their edges", () => {
    expect([24.9, 25, 34.9, 35, 44.9, 45, 54.9, 55].map(lixBand)).toEqual([
      "very-easy",
      "easy",
      "easy",
      "medium",
      "medium",
      "hard",
      "hard",
      "very-hard",
    ]);
  });
});

describe("the glossary of professional words", () => {
  it("finds them in Danish, inflected, in order, with where they stand", () => {
    const text = "Vi har bevilget praktisk bistand jf. § 83, og din sagsbehandler sender en afgørelse.";
    expect(glossaryHits(text).map((h) => [h.key, h.match])).toEqual([
      ["bevilling", "bevilget"],
      ["praktiskBistand", "praktisk bistand"],
      ["jf", "jf."],
      ["paragraf", "§ 83"],
      ["sagsbehandler", "sagsbehandler"],
      ["afgoerelse", "afgørelse"],
    ]);
    expect(glossaryHits(text)[1]!.index).toBe(text.indexOf("praktisk"));
    expect(glossaryHits("Bevillingen og revisitationen").map((h) => h.key)).toEqual(["bevilling", "visitation"]);
  });

  it("does not find them inside other words", () => {
    expect(glossaryHits("Hjemmelavet kage og et besøg af Bente")).toEqual([]);
  });

  it("finds them in English too", () => {
    expect(glossaryHits("After your assessment, the care package was approved in accordance with the rules.").map((h) => h.key)).toEqual([
      "assessment",
      "carePackage",
      "inAccordanceWith",
    ]);
  });

  it("has the word and an everyday alternative for every entry, in Danish and English", () => {
    for (const catalogue of [da, en] as { PlainLanguage: { glossary: Record<string, { word: string; instead: string }> } }[]) {
      for (const { key } of GLOSSARY) {
        expect(catalogue.PlainLanguage.glossary[key]?.word, key).toBeTruthy();
        expect(catalogue.PlainLanguage.glossary[key]?.instead, key).toBeTruthy();
      }
    }
  });
});

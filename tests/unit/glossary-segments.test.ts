import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { GLOSSARY, glossarySegments, type GlossaryEntry } from "@/lib/plain-language/glossary";
import da from "@/messages/da.json";
import en from "@/messages/en.json";
import ar from "@/messages/ar.json";
import uk from "@/messages/uk.json";
import { lix } from "@/lib/plain-language/lix";

// The citizen's page marks each professional word in what a caseworker wrote (components/plain/Glossed.tsx):
// the text is cut into pieces, the words among them keyed to their explanation.
const pieces = (text: string) => glossarySegments(text).map((s) => (s.key ? [s.key, s.text] : s.text));

describe("cutting a caseworker's text at its professional words", () => {
  it("marks a word at the very start and at the very end, and keeps what stands between", () => {
    expect(pieces("Bevilling til praktisk bistand")).toEqual([
      ["bevilling", "Bevilling"],
      " til ",
      ["praktiskBistand", "praktisk bistand"],
    ]);
  });

  it("keeps the writer's capitals, and finds the words whatever their case", () => {
    expect(pieces("VISITATION på tirsdag, revisitation i maj")).toEqual([
      ["visitation", "VISITATION"],
      " på tirsdag, ",
      ["visitation", "revisitation"],
      " i maj",
    ]);
  });

  it("reads æ, ø and å as letters: a word is marked whole, and never inside another word", () => {
    expect(pieces("Din afgørelsen kommer efter partshøringen.")).toEqual([
      "Din ",
      ["afgoerelse", "afgørelsen"],
      " kommer efter ",
      ["partshoering", "partshøringen"],
      ".",
    ]);
    expect(pieces("Forløbet er slut. Sløforløb er ikke et ord.")).toEqual([["forloeb", "Forløbet"], " er slut. Sløforløb er ikke et ord."]);
    expect(pieces("Hjemmelavet kage")).toEqual(["Hjemmelavet kage"]);
  });

  it("leaves a text with no professional words as it is, and an empty text empty", () => {
    expect(glossarySegments("Vi kommer tirsdag kl. 10.\nRing, hvis du er syg.")).toEqual([
      { text: "Vi kommer tirsdag kl. 10.\nRing, hvis du er syg." },
    ]);
    expect(glossarySegments("")).toEqual([]);
  });

  it("keeps line breaks and spaces around a marked word as they were", () => {
    expect(pieces("Hej\n\nDin  bevilling\ter klar.\n")).toEqual(["Hej\n\nDin  ", ["bevilling", "bevilling"], "\ter klar.\n"]);
  });

  it("where two words overlap, marks the one that starts first, and of two that start together the longer", () => {
    const overlapping: GlossaryEntry[] = [
      { key: "short", pattern: /personlig/giu },
      { key: "long", pattern: /personlig pleje/giu },
      { key: "later", pattern: /pleje hver dag/giu },
    ];
    expect(glossarySegments("Hjælp til personlig pleje hver dag", overlapping)).toEqual([
      { text: "Hjælp til " },
      { text: "personlig pleje", key: "long" },
      { text: " hver dag" },
    ]);
    const later: GlossaryEntry[] = [
      { key: "first", pattern: /bad og/giu },
      { key: "second", pattern: /og tøj/giu },
    ];
    expect(glossarySegments("bad og tøj", later)).toEqual([{ text: "bad og", key: "first" }, { text: " tøj" }]);
  });

  it("gives back every text exactly when the pieces are joined, whatever it holds", () => {
    const words = fc.constantFrom(
      "bevilling",
      "Visitation",
      "§ 83",
      "jf.",
      "i henhold til",
      "hjemmelavet",
      "ø",
      "\n",
      " ",
      "æble",
      "<b>",
      "&amp;",
    );
    fc.assert(
      fc.property(fc.array(fc.oneof(words, fc.string()), { maxLength: 20 }), (parts) => {
        const text = parts.join("");
        const segments = glossarySegments(text);
        expect(segments.map((s) => s.text).join("")).toBe(text);
        expect(segments.every((s) => s.text.length > 0)).toBe(true);
        for (const s of segments.filter((s) => s.key)) {
          const entry = GLOSSARY.find((g) => g.key === s.key)!;
          expect(s.text.match(new RegExp(`^(?:${entry.pattern.source})$`, "iu"))).not.toBeNull();
        }
      }),
    );
  });
});

describe("the explanation of each professional word", () => {
  type Catalogue = { Glossary: Record<string, { term: string; explain: string }> };

  it("exists for every word in all four languages", () => {
    for (const [locale, catalogue] of Object.entries({ da, en, ar, uk }) as [string, Catalogue][]) {
      for (const { key } of GLOSSARY) {
        expect(catalogue.Glossary[key]?.term, `${locale} ${key}`).toBeTruthy();
        expect(catalogue.Glossary[key]?.explain, `${locale} ${key}`).toBeTruthy();
      }
      expect(Object.keys(catalogue.Glossary).sort(), locale).toEqual(GLOSSARY.map((g) => g.key).sort());
    }
  });

  it("is easy to read in Danish: one or two short sentences", () => {
    for (const { key } of GLOSSARY) {
      const { explain } = (da as Catalogue).Glossary[key]!;
      const measured = lix(explain);
      expect(measured.sentences, key).toBeLessThanOrEqual(2);
      expect(measured.score, `${key}: ${explain}`).toBeLessThanOrEqual(25);
    }
  });
});

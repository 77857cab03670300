import { describe, expect, it } from "vitest";
import { piecesOf, voiceFor, type VoiceLike } from "@/lib/reading/voice";

const voice = (name: string, lang: string, localService = true, isDefault = false): VoiceLike => ({
  name,
  lang,
  localService,
  default: isDefault,
});

describe("the voice read-aloud uses", () => {
  it("takes a voice of the page's language, with or without a region, never another language's", () => {
    const voices = [voice("English", "en-US"), voice("Dansk", "da-DK"), voice("Deutsch", "de-DE")];
    expect(voiceFor(voices, "da")?.name).toBe("Dansk");
    expect(voiceFor([voice("Dansk", "da_DK")], "da")?.name).toBe("Dansk");
    expect(voiceFor(voices, "uk")).toBeNull();
    expect(voiceFor(voices, "ar")).toBeNull();
    expect(voiceFor([], "da")).toBeNull();
  });

  it("never a voice on the internet: the words are the citizen's plan", () => {
    expect(voiceFor([voice("Online", "da-DK", false)], "da")).toBeNull();
    expect(voiceFor([voice("Online", "da-DK", false, true), voice("Local", "da-DK")], "da")?.name).toBe("Local");
  });

  it("prefers the exact language, then the browser's default, then the browser's order", () => {
    expect(voiceFor([voice("Region", "en-GB"), voice("Exact", "en")], "en")?.name).toBe("Exact");
    expect(voiceFor([voice("First", "ar"), voice("Default", "ar", true, true)], "ar")?.name).toBe("Default");
    expect(voiceFor([voice("First", "uk"), voice("Second", "uk")], "uk")?.name).toBe("First");
  });
});

describe("what read-aloud says, piece by piece", () => {
  it("reads a line at a time, without empty lines or doubled spaces", () => {
    expect(piecesOf(["Det vigtigste for mig", "", "  Koret   om torsdagen. "])).toEqual(["Det vigtigste for mig", "Koret om torsdagen."]);
  });

  it("cuts a long line into its sentences, also after an Arabic question mark", () => {
    const long = `${"Ord ".repeat(30).trim()}. Hvad så? ${"كلمة ".repeat(10).trim()}؟ Slut.`;
    expect(piecesOf([long], 100)).toEqual([`${"Ord ".repeat(30).trim()}.`, "Hvad så?", `${"كلمة ".repeat(10).trim()}؟`, "Slut."]);
  });
});

import { describe, expect, it } from "vitest";
import { NEWS_ENTITIES, newsKind } from "@/lib/plan/news";
import da from "@/messages/da.json";
import en from "@/messages/en.json";

describe("what is new since my last visit, in words", () => {
  it("has a sentence in Danish and English for every kind of change it can name", () => {
    const kinds = [...NEWS_ENTITIES.flatMap((e) => [newsKind(e, true), newsKind(e, false)]), newsKind("SomethingElse", true)];
    expect(kinds).toContain("other");
    for (const catalogue of [da, en]) {
      const said = (catalogue.Plan as { newsDid: Record<string, string> }).newsDid;
      for (const kind of kinds) expect(said[kind], kind).toBeTruthy();
    }
  });
});

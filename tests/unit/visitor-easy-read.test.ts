import { describe, expect, it } from "vitest";
import { backQuery, visitorEasyReadSchema } from "@/lib/auth/schema";

// The visitor's easy-read button (docs/decisions/041) sends the page to come back to: only a path of ours.
describe("a visitor's easy-read choice", () => {
  const back = (path: string) => visitorEasyReadSchema.safeParse({ easy: "on", back: path }).success;

  it("comes back to a page of ours", () => {
    expect(back("/")).toBe(true);
    expect(back("/sign-in")).toBe(true);
    expect(back("/relative/cm1abc-x_2")).toBe(true);
  });

  it("never to another site, nor with a query or a fragment", () => {
    for (const path of [
      "//elsewhere.example",
      "/\\elsewhere.example",
      "https://elsewhere.example",
      "sign-in",
      "/sign-in?x=1",
      "/a#b",
      "",
    ]) {
      expect(back(path), path).toBe(false);
    }
    expect(back(`/${"a".repeat(300)}`)).toBe(false);
  });

  it("is on or off, nothing else", () => {
    expect(visitorEasyReadSchema.safeParse({ easy: "yes", back: "/" }).success).toBe(false);
    expect(visitorEasyReadSchema.safeParse({ easy: "off", back: "/" }).success).toBe(true);
  });

  it("comes back with only what the page needs from its address: a link's token, a sign-in error", () => {
    expect(backQuery("t=abc.DEF_-1&done=1")).toBe("?t=abc.DEF_-1&done=1");
    expect(backQuery("error=choice&via=staff&email=inge%40example.dk&next=%2F%2Felsewhere")).toBe("?via=staff&error=choice");
    expect(backQuery("t=%3Cscript%3E")).toBe("");
    expect(backQuery(undefined)).toBe("");
  });
});

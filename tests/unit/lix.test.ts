import { describe, expect, it } from "vitest";
import { leaves } from "@/lib/i18n/review";
import { isCitizenMessage } from "@/lib/plain-language/citizen-facing";
import { isLabel, messageLix, messageReadings } from "@/lib/plain-language/message-lix";
import reasons from "@/lib/plain-language/lix-reasons.json";
import da from "@/messages/da.json";

/**
 * Issue 16, part 6: LIX on our own Danish words, every message a citizen or relative reads in
 * messages/da.json (lib/plain-language/citizen-facing.ts: the citizen-facing namespaces, less the
 * few staff-only messages in them), the normal catalogue, not the easy-read one. Decision 038 has
 * the rule:
 *
 * - A message is measured as the reader sees it: {name} and other placeholders count as one short
 *   word, a plural's # as a number, and a plural or select is measured branch by branch; the
 *   message scores as its hardest branch (lib/plain-language/message-lix.ts).
 * - The median of all of them is at most 30.
 * - None over 40 without a recorded reason in lib/plain-language/lix-reasons.json, except labels:
 *   messages of at most four words (buttons, headings, links, field names, one-line notices),
 *   where one long word alone decides the score. Labels still count in the median.
 * - A reason names the words that make the score and why they stay (a legal name, the word the
 *   page uses, read by staff only); the list holds only messages that need one, so a reason goes
 *   when its text is rewritten below 40 or removed.
 */
const citizen = [...leaves(da)].filter(([key]) => isCitizenMessage(key));
const scored = citizen.map(([key, text]) => ({ key, text, score: messageLix(text).score, label: isLabel(text) }));
const recorded = reasons as Record<string, string>;

describe("LIX of the Danish words citizens read", () => {
  it("measures every citizen-facing message, and none of the staff's", () => {
    expect(citizen.length).toBeGreaterThan(1000);
    expect(citizen.some(([key]) => key.startsWith("Plan."))).toBe(true);
    expect(citizen.some(([key]) => key.startsWith("Staff."))).toBe(false);
    // a notification only caseworkers get is theirs, though Notify is shared
    expect(citizen.some(([key]) => key === "Notify.kinds.contact-overdue.title")).toBe(false);
    expect(citizen.some(([key]) => key === "Notify.kinds.message.title")).toBe(true);
  });

  it("has a median of at most 30", () => {
    const sorted = scored.map((m) => m.score).sort((a, b) => a - b);
    const median = sorted.length % 2 ? sorted[(sorted.length - 1) / 2]! : (sorted[sorted.length / 2 - 1]! + sorted[sorted.length / 2]!) / 2;
    expect(median).toBeLessThanOrEqual(30);
  });

  it("has no sentence over 40 without a recorded reason", () => {
    const unexplained = scored.filter((m) => m.score > 40 && !m.label && !recorded[m.key]).map((m) => `${m.score} ${m.key}: ${m.text}`);
    expect(unexplained).toEqual([]);
  });

  it("records a reason only for a message that needs one, and each reason says something", () => {
    const byKey = new Map(scored.map((m) => [m.key, m]));
    const needless = Object.keys(recorded).filter((key) => {
      const m = byKey.get(key);
      return !m || m.score <= 40 || m.label;
    });
    expect(needless).toEqual([]);
    // a reason names the words or the reader; "too hard" is not one
    const thin = Object.entries(recorded).filter(([, reason]) => reason.split(/\s+/).length < 8);
    expect(thin).toEqual([]);
  });
});

describe("measuring a message as the reader sees it", () => {
  it("counts a placeholder as one short word", () => {
    // "Hej X." is 2 words, 1 sentence, none long: 2
    expect(messageLix("Hej {name}.").score).toBe(2);
    expect(messageReadings("Udskrevet {date}")).toEqual(["Udskrevet X"]);
  });

  it("reads each branch of a plural or select, and scores the hardest", () => {
    expect(messageReadings("{count, plural, one {# besked} other {# beskeder}}")).toEqual(["2 besked", "2 beskeder"]);
    // "2 beskeder" is 2 words, one long: 2 + 50 = 52; "2 besked" has none long: 2
    expect(messageLix("{count, plural, one {# besked} other {# beskeder}}").score).toBe(52);
    expect(messageReadings("{role, select, STAFF {Medarbejder} other {Pårørende}}")).toEqual(["Medarbejder", "Pårørende"]);
  });

  it("keeps the words inside a rich-text tag", () => {
    expect(messageReadings("Læs <link>mere her</link>.")).toEqual(["Læs mere her."]);
  });

  it("calls a message of at most four words a label, and a longer one a sentence", () => {
    expect(isLabel("Indstillinger")).toBe(true);
    expect(isLabel("Aftalen er opdateret.")).toBe(true);
    expect(isLabel("Du har fået en besked.")).toBe(false);
    // every branch must be short for the message to be a label
    expect(isLabel("{n, plural, one {En ting} other {Mange ting, som du har skrevet}}")).toBe(false);
  });
});

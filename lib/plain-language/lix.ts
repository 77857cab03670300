/**
 * LIX ("læsbarhedsindeks"), the Danish and Swedish readability index:
 * words per sentence, plus the share of long words (more than six letters) in
 * per cent. Pure: safe on the server and in the browser, so a caseworker sees
 * the score while typing. A sentence ends at . ! ? or : (followed by space or
 * the end); a text with words but no such mark is one sentence.
 */
export type Lix = { score: number; words: number; sentences: number; longWords: number; band: LixBand };
export type LixBand = "very-easy" | "easy" | "medium" | "hard" | "very-hard";

const WORD = /[\p{L}\p{N}]+(?:[-'’][\p{L}\p{N}]+)*/gu;
const SENTENCE_END = /[.!?:]+(?=\s|$)/g;

/** The usual Danish bands: under 25 very easy, 25–34 easy, 35–44 medium, 45–54 hard, 55 and up very hard. */
export function lixBand(score: number): LixBand {
  if (score < 25) return "very-easy";
  if (score < 35) return "easy";
  if (score < 45) return "medium";
  if (score < 55) return "hard";
  return "very-hard";
}

export function lix(text: string): Lix {
  const words = text.match(WORD) ?? [];
  if (words.length === 0) return { score: 0, words: 0, sentences: 0, longWords: 0, band: "very-easy" };
  const sentences = Math.max(1, (text.trim().match(SENTENCE_END) ?? []).length + (/[.!?:]\s*$/.test(text.trim()) ? 0 : 1));
  // a long word has more than six letters; digits and hyphens do not make a word long
  const longWords = words.filter((w) => (w.match(/\p{L}/gu) ?? []).length > 6).length;
  const score = Math.round((words.length / sentences + (longWords * 100) / words.length) * 10) / 10;
  return { score, words: words.length, sentences, longWords, band: lixBand(score) };
}

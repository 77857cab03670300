/** What read-aloud needs to know of a voice: a SpeechSynthesisVoice has these, and more. */
export type VoiceLike = Pick<SpeechSynthesisVoice, "lang" | "localService" | "default" | "name">;

/** "da_DK" and "da-dk" as "da-DK" would be compared: lower case, with a hyphen. */
const tag = (lang: string) => lang.trim().toLowerCase().replace(/_/g, "-");

/**
 * The voice to read a page in `lang` (its <html lang>, e.g. "da") with, or null where the browser has
 * none for the language: "da" takes "da-DK" and "da"; never a voice of another language. Only a voice
 * on the device itself: one that sends the words to a service on the internet is never used, since
 * they are the citizen's plan (decision 037). The exact language comes before a region of it, then
 * the browser's default voice, then the browser's order.
 */
export function voiceFor<V extends VoiceLike>(voices: readonly V[], lang: string): V | null {
  const want = tag(lang);
  const base = want.split("-")[0];
  if (!base) return null;
  const ranked = voices
    .filter((v) => v.localService && tag(v.lang).split("-")[0] === base)
    .map((v, i) => ({ v, i, score: (tag(v.lang) === want ? 2 : 0) + (v.default ? 1 : 0) }))
    .sort((a, b) => b.score - a.score || a.i - b.i);
  return ranked[0]?.v ?? null;
}

/**
 * The text of a section as short pieces to speak one after another: a line each (a heading, a
 * paragraph, an item), and a long line in sentences. Short utterances keep pausing and stopping
 * quick, and some browsers cut off one that speaks for long.
 */
export function piecesOf(lines: readonly string[], longest = 200): string[] {
  const pieces: string[] = [];
  for (const raw of lines) {
    const line = raw.replace(/\s+/g, " ").trim();
    if (!line) continue;
    if (line.length <= longest) {
      pieces.push(line);
      continue;
    }
    for (const sentence of line.split(/(?<=[.!?؟…])\s+/)) if (sentence) pieces.push(sentence);
  }
  return pieces;
}

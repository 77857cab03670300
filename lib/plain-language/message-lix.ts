import { parse, TYPE, type MessageFormatElement } from "@formatjs/icu-messageformat-parser";
import { lix, type Lix } from "./lix";

/**
 * LIX of our own messages (issue 16, parts 1 and 6; decision 038). A message is an ICU text, not
 * running prose, so it is first turned into what a reader sees:
 *
 * - a placeholder ({name}, {date}, {count, number}) becomes one short word, "X": the reader sees
 *   a name or a date there, which is neither long nor a sentence of its own;
 * - the number of a plural (#) becomes "2";
 * - a plural or select gives one reading per branch (nested ones multiply, at most 64 readings),
 *   and the message scores as its hardest reading: every branch is read by someone;
 * - a rich-text tag (<link>…</link>) keeps its words.
 */
const PLACEHOLDER = "X";
const MAX_READINGS = 64;

function readingsOf(elements: MessageFormatElement[]): string[] {
  let out = [""];
  const append = (parts: string[]) => {
    const next: string[] = [];
    for (const head of out) for (const part of parts) if (next.length < MAX_READINGS) next.push(head + part);
    out = next;
  };
  for (const el of elements) {
    if (el.type === TYPE.literal) append([el.value]);
    else if (el.type === TYPE.pound) append(["2"]);
    else if (el.type === TYPE.plural || el.type === TYPE.select)
      append(Object.values(el.options).flatMap((option) => readingsOf(option.value)));
    else if (el.type === TYPE.tag) append(readingsOf(el.children));
    else append([PLACEHOLDER]);
  }
  return out;
}

/** Every way a message can read, as plain text. */
export function messageReadings(message: string): string[] {
  try {
    return readingsOf(parse(message));
  } catch {
    return [message];
  }
}

/** The LIX of a message: its hardest reading. */
export function messageLix(message: string): Lix {
  return messageReadings(message)
    .map((reading) => lix(reading))
    .reduce((worst, next) => (next.score > worst.score ? next : worst));
}

/**
 * A label is a message of at most four words in every reading: a button, heading, link, field
 * name, a choice, or a one-line notice ("Aftalen er opdateret."). LIX measures running text; in a
 * text of one to four words a single word of seven letters gives 25 to 100 ("Indstillinger" alone
 * scores 101), so the LIX of a label says whether it holds one long word, not how hard it is to
 * read. Labels count in the median and in each page's running text, but are not held to the
 * ceiling of 40 one by one (decision 038).
 */
export const LABEL_WORDS = 4;

export function isLabel(message: string): boolean {
  return messageReadings(message).every((reading) => lix(reading).words <= LABEL_WORDS);
}

/** A message's texts as running text: each reading's sentences, with a full stop where none ends it. */
export function asRunningText(message: string): string {
  return messageReadings(message)
    .map((reading) => reading.trim())
    .filter((reading) => reading !== "")
    .map((reading) => (/[.!?:]$/.test(reading) ? reading : `${reading}.`))
    .join(" ");
}

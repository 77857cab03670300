import { parse, TYPE, type MessageFormatElement } from "@formatjs/icu-messageformat-parser";

/**
 * The review lists of machine-assisted translations (docs/translation.md): one TSV file per
 * language, messages/review/<locale>.tsv, that a municipality's translator opens in a
 * spreadsheet. Each row is one text still to be read by a person, with the Danish source and the
 * English beside it. Pure functions, used by scripts/translation.ts and the unit test that keeps
 * the lists honest.
 */

export const REVIEW_HEADER = ["key", "status", "da", "en", "text"] as const;

/** `machine`: as the machine wrote it, what the catalogue says. `ok`: read and corrected, waiting to be applied. */
export type ReviewStatus = "machine" | "ok";
export type ReviewRow = { key: string; status: ReviewStatus; da: string; en: string; text: string };

/** A cell holds one line: a line break in a text is written as \n, a backslash as \\. */
const cell = (text: string) => text.replace(/\\/g, "\\\\").replace(/\t/g, " ").replace(/\r?\n/g, "\\n");
const uncell = (text: string) => text.replace(/\\(\\|n)/g, (_, c: string) => (c === "n" ? "\n" : "\\"));

export function parseReview(tsv: string): ReviewRow[] {
  const lines = tsv.split(/\r?\n/).filter((line) => line.trim() !== "");
  const [header, ...rows] = lines;
  if (header?.split("\t").join(",") !== REVIEW_HEADER.join(",")) throw new Error(`The first line must be: ${REVIEW_HEADER.join(" | ")}`);
  return rows.map((line, i) => {
    const cells = line.split("\t");
    if (cells.length !== REVIEW_HEADER.length) throw new Error(`Line ${i + 2} has ${cells.length} columns, not ${REVIEW_HEADER.length}`);
    const [key, status, da, en, text] = cells.map(uncell) as [string, string, string, string, string];
    if (status !== "machine" && status !== "ok") throw new Error(`Line ${i + 2}: the status is "${status}", not machine or ok`);
    return { key: key.trim(), status, da, en, text };
  });
}

export function formatReview(rows: readonly ReviewRow[]): string {
  const lines = [REVIEW_HEADER.join("\t"), ...rows.map((r) => [r.key, r.status, r.da, r.en, r.text].map(cell).join("\t"))];
  return lines.join("\n") + "\n";
}

/** Every text of a message tree as "Namespace.key" -> text, in the tree's order. */
export function leaves(tree: Record<string, unknown>, prefix = ""): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    if (value && typeof value === "object")
      for (const [k, v] of leaves(value as Record<string, unknown>, `${prefix}${key}.`)) out.set(k, v);
    else out.set(`${prefix}${key}`, String(value));
  }
  return out;
}

/** Easy-read texts (messages/easy/<locale>.json) are on the same list, their keys prefixed "easy:". */
export const EASY_PREFIX = "easy:";

/** A language's texts as its review list names them: the normal catalogue's, then the easy-read catalogue's as "easy:Namespace.key". */
export function reviewTexts(catalogue: Record<string, unknown>, easy: Record<string, unknown>): Map<string, string> {
  const out = leaves(catalogue);
  for (const [key, text] of leaves(easy)) out.set(EASY_PREFIX + key, text);
  return out;
}

/** Sets one text in a message tree by its dotted key; the key must already be there. */
export function setLeaf(tree: Record<string, unknown>, key: string, text: string): void {
  const path = key.split(".");
  const last = path.pop()!;
  let node: Record<string, unknown> = tree;
  for (const part of path) {
    const next = node[part];
    if (!next || typeof next !== "object") throw new Error(`No such key: ${key}`);
    node = next as Record<string, unknown>;
  }
  if (typeof node[last] !== "string") throw new Error(`No such key: ${key}`);
  node[last] = text;
}

/** The {arguments} of an ICU message, and the choices of each plural and select in it. */
type Shape = { args: Set<string>; plurals: { name: string; keys: string[] }[]; selects: Map<string, Set<string>> };

function shapeOf(elements: MessageFormatElement[], out: Shape = { args: new Set(), plurals: [], selects: new Map() }): Shape {
  for (const el of elements) {
    if (el.type === TYPE.literal || el.type === TYPE.pound) continue;
    if ("value" in el && typeof el.value === "string") out.args.add(el.value);
    if (el.type === TYPE.plural) out.plurals.push({ name: el.value, keys: Object.keys(el.options) });
    if (el.type === TYPE.select) {
      const keys = out.selects.get(el.value) ?? new Set<string>();
      for (const k of Object.keys(el.options)) keys.add(k);
      out.selects.set(el.value, keys);
    }
    if ("options" in el) for (const option of Object.values(el.options)) shapeOf(option.value, out);
    if ("children" in el) shapeOf(el.children, out);
  }
  return out;
}

/**
 * What is wrong with a translated ICU message, or null: it must parse, use the Danish text's
 * {arguments} and no others, offer the same choices in each select, and in each plural use only
 * `=N` and the language's own plural categories (Arabic has zero, one, two, few, many; Ukrainian
 * one, few, many), always with `other`.
 */
export function icuProblem(source: string, text: string, locale: string): string | null {
  let shape: Shape;
  try {
    shape = shapeOf(parse(text));
  } catch (e) {
    return `does not parse: ${(e as Error).message}`;
  }
  const want = shapeOf(parse(source));
  const names = (s: Set<string>) => [...s].sort().join(", ");
  if (names(shape.args) !== names(want.args)) return `uses {${names(shape.args)}}, the Danish uses {${names(want.args)}}`;
  const categories = new Set<string>(new Intl.PluralRules(locale).resolvedOptions().pluralCategories);
  for (const { name, keys } of shape.plurals) {
    if (!keys.includes("other")) return `the plural of {${name}} has no "other"`;
    const foreign = keys.filter((k) => !/^=\d+$/.test(k) && !categories.has(k));
    if (foreign.length) return `the plural of {${name}} uses ${foreign.join(", ")}, not a category of ${locale}`;
  }
  for (const [name, keys] of shape.selects) {
    if (!keys.has("other")) return `the select of {${name}} has no "other"`;
    if (names(keys) !== names(want.selects.get(name) ?? new Set()))
      return `the select of {${name}} offers ${names(keys)}, the Danish ${names(want.selects.get(name) ?? new Set())}`;
  }
  return null;
}

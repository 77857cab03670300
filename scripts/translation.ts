/**
 * The translator's tool for the review lists (docs/translation.md):
 *
 *   npm run translation status                 how much of each language is still to be read
 *   npm run translation apply <locale>         rows marked ok go into messages/<locale>.json and leave the list
 *   npm run translation mark <locale> <key…>   put texts (or --all, or --easy) on the list as machine-assisted
 *
 * Easy-read texts (messages/easy/<locale>.json) share the list: their keys start with "easy:"
 * ("easy:Plan.emptyStory"); --easy marks every easy-read text of the language.
 * Danish is the source and English is its faithful version: neither ever has a list.
 */
import fs from "node:fs";
import path from "node:path";
import { EASY_PREFIX, formatReview, icuProblem, parseReview, reviewTexts, setLeaf, type ReviewRow } from "../lib/i18n/review.ts";
import { routing } from "../lib/i18n/routing.ts";

const root = path.join(import.meta.dirname, "..");
const catalogueFile = (locale: string) => path.join(root, "messages", `${locale}.json`);
const reviewFile = (locale: string) => path.join(root, "messages", "review", `${locale}.tsv`);
const easyFile = (locale: string) => path.join(root, "messages", "easy", `${locale}.json`);
const load = (locale: string) => JSON.parse(fs.readFileSync(catalogueFile(locale), "utf8")) as Record<string, unknown>;
const loadEasy = (locale: string) =>
  fs.existsSync(easyFile(locale)) ? (JSON.parse(fs.readFileSync(easyFile(locale), "utf8")) as Record<string, unknown>) : {};
/** Every text of a language by its review key: normal ones, then easy-read ones as "easy:…". */
const textsOf = (locale: string) => reviewTexts(load(locale), loadEasy(locale));
const translated = routing.locales.filter((l) => l !== "da" && l !== "en");

function readRows(locale: string): ReviewRow[] {
  return fs.existsSync(reviewFile(locale)) ? parseReview(fs.readFileSync(reviewFile(locale), "utf8")) : [];
}

function writeRows(locale: string, rows: ReviewRow[]) {
  fs.mkdirSync(path.dirname(reviewFile(locale)), { recursive: true });
  fs.writeFileSync(reviewFile(locale), formatReview(rows));
}

function needLocale(locale: string | undefined): string {
  if (!locale || !(translated as readonly string[]).includes(locale)) {
    console.error(`Name a language with a review list: ${translated.join(", ")}`);
    process.exit(2);
  }
  return locale;
}

const [command, localeArg, ...keys] = process.argv.slice(2);

if (command === "status") {
  for (const locale of translated) {
    const total = textsOf(locale).size;
    const rows = readRows(locale);
    const ok = rows.filter((r) => r.status === "ok").length;
    console.log(
      `${locale}: ${total - rows.length} of ${total} texts read by a person; ${rows.length - ok} to read, ${ok} read and waiting for apply`,
    );
  }
} else if (command === "apply") {
  const locale = needLocale(localeArg);
  const catalogue = load(locale);
  const easy = loadEasy(locale);
  const danish = textsOf("da");
  const kept: ReviewRow[] = [];
  let applied = 0;
  for (const row of readRows(locale)) {
    if (row.status !== "ok") {
      kept.push(row);
      continue;
    }
    const source = danish.get(row.key);
    const problem =
      source === undefined ? "no such key in da.json" : row.text.trim() === "" ? "the text is empty" : icuProblem(source, row.text, locale);
    if (problem) {
      console.error(`${row.key}: not applied, ${problem}`);
      kept.push(row);
      continue;
    }
    if (row.key.startsWith(EASY_PREFIX)) setLeaf(easy, row.key.slice(EASY_PREFIX.length), row.text);
    else setLeaf(catalogue, row.key, row.text);
    applied++;
  }
  fs.writeFileSync(catalogueFile(locale), JSON.stringify(catalogue, null, 2) + "\n");
  if (fs.existsSync(easyFile(locale))) fs.writeFileSync(easyFile(locale), JSON.stringify(easy, null, 2) + "\n");
  writeRows(locale, kept);
  console.log(`${locale}: ${applied} texts applied; ${kept.length} still on the list`);
  if (kept.some((r) => r.status === "ok")) process.exit(1);
} else if (command === "mark") {
  const locale = needLocale(localeArg);
  const texts = textsOf(locale);
  const danish = textsOf("da");
  const english = textsOf("en");
  const wanted = keys.includes("--all")
    ? [...texts.keys()]
    : keys.includes("--easy")
      ? [...texts.keys()].filter((k) => k.startsWith(EASY_PREFIX))
      : keys;
  const unknown = wanted.filter((k) => !texts.has(k));
  if (unknown.length) {
    console.error(`No such keys in ${locale}.json: ${unknown.join(", ")}`);
    process.exit(2);
  }
  const rows = new Map(readRows(locale).map((r) => [r.key, r]));
  for (const key of wanted) rows.set(key, { key, status: "machine", da: danish.get(key)!, en: english.get(key)!, text: texts.get(key)! });
  // in the catalogue's order, so the list reads screen by screen
  const order = [...texts.keys()];
  writeRows(
    locale,
    [...rows.values()].sort((a, b) => order.indexOf(a.key) - order.indexOf(b.key)),
  );
  console.log(`${locale}: ${wanted.length} texts marked as machine-assisted; ${rows.size} on the list`);
} else {
  console.error("Usage: npm run translation -- status | apply <locale> | mark <locale> <key…|--all|--easy>");
  process.exit(2);
}

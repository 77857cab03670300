import { useId } from "react";
import { useTranslations } from "next-intl";
import { glossarySegments } from "@/lib/plain-language/glossary";
import { GlossWord } from "./GlossWord";

/**
 * A text a caseworker wrote, as the citizen (or their relative) reads it: each professional word from
 * the glossary (lib/plain-language/glossary.ts) is a button that explains itself in the page's language,
 * whatever language the caseworker wrote in. Keyboard focus shows the explanation under the word's line,
 * in the text's flow, covering nothing; a tap (or Enter) opens it as a panel at the foot of the screen
 * that Escape, a tap elsewhere or on the word again closes: the popover attribute, so without any
 * JavaScript. A screen reader reads it as the word's description. Decision 039 says why.
 * The text is only ever a child: React escapes it, and the caller keeps its spaces and line breaks
 * (whitespace-pre-wrap) as it does without marks.
 */
export function Glossed({ text }: { text: string }) {
  const t = useTranslations("Glossary");
  const id = useId();
  return glossarySegments(text).map((segment, i) => {
    if (!segment.key) return segment.text;
    const key = segment.key as "bevilling";
    return <GlossWord key={i} id={`${id}-${i}`} word={segment.text} term={t(`${key}.term`)} explain={t(`${key}.explain`)} />;
  });
}

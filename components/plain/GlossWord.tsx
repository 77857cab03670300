"use client";

import { useState } from "react";

type Props = { id: string; word: string; term: string; explain: string };

/**
 * One professional word and its explanation (see Glossed). It works as the server renders it: the
 * explanation shows under the line while the word has keyboard focus (CSS), and as a panel when the
 * word is tapped (the popover attribute). What this adds: Escape hides the one shown on focus too,
 * until the focus leaves the word (WCAG 1.4.13, dismissible).
 */
export function GlossWord({ id, word, term, explain }: Props) {
  const [dismissed, setDismissed] = useState(false);
  return (
    <span className="gloss" data-dismissed={dismissed ? "" : undefined}>
      <button
        type="button"
        className="gloss-word"
        popoverTarget={id}
        aria-describedby={id}
        onKeyDown={(e) => e.key === "Escape" && setDismissed(true)}
        onBlur={() => setDismissed(false)}
      >
        {word}
      </button>
      <span id={id} popover="auto" className="gloss-explain">
        <span className="font-semibold">{term}:</span> {explain}
      </span>
    </span>
  );
}

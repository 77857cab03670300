"use client";

import { useState } from "react";
import { useFormatter, useTranslations } from "next-intl";
import { lix } from "@/lib/plain-language/lix";
import { glossaryHits } from "@/lib/plain-language/glossary";
import { TextField } from "./Fields";

type Props = {
  name: string;
  id?: string;
  label: string;
  hint?: string;
  errors?: string[];
  max: number;
  defaultValue?: string;
  rows?: number;
};

/**
 * A field for words the citizen will read, with a plain-language check beside
 * it as it is typed: the LIX score, and professional words with everyday
 * alternatives. A help, never a block.
 */
export function PlainTextField(props: Props) {
  const t = useTranslations("PlainLanguage");
  const format = useFormatter();
  const [text, setText] = useState(props.defaultValue ?? "");
  const score = lix(text);
  const hits = [...new Map(glossaryHits(text).map((h) => [h.key, h])).values()];
  const id = `${props.id ?? props.name}-plain`;
  return (
    <div className="space-y-2">
      <TextField {...props} onText={setText} describedBy={id} />
      {score.words > 0 && (
        <div
          id={id}
          className={`border-s-4 p-3 ${score.score >= 45 || hits.length ? "border-warning bg-warning-light" : "border-success bg-success-light"}`}
          data-testid="plain-language"
        >
          <p className="font-semibold">
            {t("score", { score: format.number(score.score, { maximumFractionDigits: 1 }), band: t(`band.${score.band}`) })}
          </p>
          <p className="text-sm">{t("aim")}</p>
          {hits.length > 0 && (
            <>
              <p className="mt-2 font-semibold">{t("wordsFound")}</p>
              <ul className="list-disc ps-5">
                {hits.map((h) => (
                  <li key={h.key}>{t("suggestion", { word: h.match, instead: t(`glossary.${h.key}.instead`) })}</li>
                ))}
              </ul>
            </>
          )}
          <p className="mt-1 text-sm">{t("warningOnly")}</p>
        </div>
      )}
    </div>
  );
}

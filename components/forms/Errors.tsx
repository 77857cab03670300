"use client";

import { useEffect, useId, useRef } from "react";
import { useTranslations } from "next-intl";

/** The message keys of one field, translated, next to the field. */
export function FieldError({ id, keys }: { id: string; keys?: string[] }) {
  const t = useTranslations();
  if (!keys?.length) return null;
  return (
    <p id={id} className="mt-1 font-semibold text-error">
      {keys.map((k) => t(k)).join(" ")}
    </p>
  );
}

/**
 * The error summary at the top of a form (the DKFDS and GOV.UK pattern): it
 * takes focus, says what is wrong, and links to each field.
 */
export function ErrorSummary({
  fieldErrors,
  formError,
  labels,
  anchors = {},
}: {
  fieldErrors?: Record<string, string[]>;
  formError?: string;
  labels: Record<string, string>;
  /** Where each field's link goes, when its element's id is not its name. Fields without a label get no link. */
  anchors?: Record<string, string>;
}) {
  const t = useTranslations();
  const ref = useRef<HTMLDivElement>(null);
  const titleId = useId(); // a page may hold several forms, each with its own summary
  const fields = Object.entries(fieldErrors ?? {});
  const any = fields.length > 0 || Boolean(formError);
  useEffect(() => {
    if (any) ref.current?.focus();
  }, [any, fieldErrors, formError]);
  if (!any) return null;
  return (
    <div ref={ref} tabIndex={-1} role="alert" aria-labelledby={titleId} className="border-s-4 border-error bg-error-light p-4">
      <h2 id={titleId} className="text-lg">
        {t("Validation.summaryTitle")}
      </h2>
      <ul className="mt-2 list-disc ps-5">
        {formError && <li>{t(formError)}</li>}
        {fields.map(([field, keys]) => {
          const said = keys.map((k) => t(k)).join(" ");
          // a field with a label on screen is linked; anything else (a hidden id, the form as a whole) is said plainly
          return <li key={field}>{labels[field] ? <a href={`#${anchors[field] ?? field}`}>{`${labels[field]}: ${said}`}</a> : said}</li>;
        })}
      </ul>
    </div>
  );
}

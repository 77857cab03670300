"use client";

import { useEffect, useRef, useState, type ReactNode } from "react";
import { useTranslations } from "next-intl";
import { DRAFT_PREFIX } from "@/components/story/StorySectionForm";

type Props = {
  /** Where this form's draft waits in the browser, under DRAFT_PREFIX (cleared at sign-out). */
  draftKey: string;
  action: (formData: FormData) => void;
  /** The state of the last save: when it changes to a saved one, the draft is forgotten. */
  saved: object | null;
  className?: string;
  children: ReactNode;
};

type Values = Record<string, string>;
const isTyped = (el: Element): el is HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement =>
  (el instanceof HTMLInputElement && ["text", "date", "email", "tel", "search", "url", ""].includes(el.type)) ||
  el instanceof HTMLTextAreaElement ||
  el instanceof HTMLSelectElement;

/**
 * A real <form> posting to a server action (so it works without JavaScript)
 * that, with JavaScript, keeps what is typed as a draft in this browser: it
 * survives a reload and a dropped connection, and is forgotten once saved. With
 * no connection it does not send, and says the words are kept.
 */
export function DraftForm({ draftKey, action, saved, className, children }: Props) {
  const t = useTranslations("Forms");
  const ref = useRef<HTMLFormElement>(null);
  const key = `${DRAFT_PREFIX}${draftKey}`;
  const [restored, setRestored] = useState(false);
  const [offline, setOffline] = useState(false);

  useEffect(() => {
    const form = ref.current;
    if (!form) return;
    let values: Values | null = null;
    try {
      values = JSON.parse(window.localStorage.getItem(key) ?? "null") as Values | null;
    } catch {
      values = null;
    }
    if (!values || typeof values !== "object") return;
    let changed = false;
    for (const [name, value] of Object.entries(values)) {
      const el = form.elements.namedItem(name);
      if (el instanceof Element && isTyped(el) && typeof value === "string" && el.value !== value) {
        el.value = value;
        el.dispatchEvent(new Event("input", { bubbles: true }));
        changed = true;
      }
    }
    // eslint-disable-next-line react-hooks/set-state-in-effect -- browser storage exists only after hydration
    if (changed) setRestored(true);
  }, [key]);

  useEffect(() => {
    if (!saved) return;
    try {
      window.localStorage.removeItem(key);
    } catch {
      /* no storage: nothing to forget */
    }
    // eslint-disable-next-line react-hooks/set-state-in-effect -- a save makes the restored note stale
    setRestored(false);
  }, [saved, key]);

  function keep() {
    const form = ref.current;
    if (!form) return;
    const values: Values = {};
    for (const el of Array.from(form.elements)) if (isTyped(el) && el.name) values[el.name] = el.value;
    try {
      window.localStorage.setItem(key, JSON.stringify(values));
    } catch {
      /* private mode or full: the words live in the fields only */
    }
  }

  return (
    <form
      ref={ref}
      action={action}
      onInput={keep}
      onChange={keep}
      onSubmit={(e) => {
        if (navigator.onLine) return setOffline(false);
        e.preventDefault();
        keep();
        setOffline(true);
      }}
      className={className}
    >
      {restored && (
        <p role="status" className="border-l-4 border-info bg-info-light p-3">
          {t("draftRestored")}
        </p>
      )}
      {children}
      {offline && (
        <p role="alert" className="border-l-4 border-warning bg-warning-light p-3">
          {t("offline")}
        </p>
      )}
    </form>
  );
}

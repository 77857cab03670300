"use client";

import { useEffect, useRef, useState, type ReactNode } from "react";
import { useTranslations } from "next-intl";
import { DRAFT_PREFIX, draftsKept, keepDraft } from "@/lib/forms/drafts";

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
/** A draft: only the fields the person touched, and the version of the record they started from. */
type Draft = { version: string | null; fields: Values };
const isTyped = (el: Element): el is HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement =>
  (el instanceof HTMLInputElement && ["text", "date", "email", "tel", "search", "url", ""].includes(el.type)) ||
  el instanceof HTMLTextAreaElement ||
  el instanceof HTMLSelectElement;
const versionOf = (form: HTMLFormElement) => {
  const v = form.elements.namedItem("version");
  return v instanceof HTMLInputElement ? v.value : null;
};

/**
 * A real <form> posting to a server action (so it works without JavaScript)
 * that, with JavaScript, keeps what is typed as a draft in this browser: it
 * survives a reload and a dropped connection, and is forgotten once saved. With
 * no connection it does not send, and says the words are kept. Only the fields
 * the person touched are kept and put back, so a draft never quietly undoes
 * someone else's newer change to the others; and if the record changed since
 * the draft was begun, it says so, so the person can look before saving.
 */
export function DraftForm({ draftKey, action, saved, className, children }: Props) {
  const t = useTranslations("Forms");
  const ref = useRef<HTMLFormElement>(null);
  const touched = useRef(new Set<string>());
  const key = `${DRAFT_PREFIX}${draftKey}`;
  const [restored, setRestored] = useState<"no" | "yes" | "changed-since">("no");
  const [offline, setOffline] = useState(false);

  useEffect(() => {
    const form = ref.current;
    if (!form) return;
    let draft: Draft | null = null;
    try {
      draft = JSON.parse(window.localStorage.getItem(key) ?? "null") as Draft | null;
    } catch {
      draft = null;
    }
    if (!draft || typeof draft !== "object" || typeof draft.fields !== "object" || draft.fields === null) return;
    let changed = false;
    for (const [name, value] of Object.entries(draft.fields)) {
      const el = form.elements.namedItem(name);
      if (el instanceof Element && isTyped(el) && typeof value === "string") {
        touched.current.add(name);
        if (el.value !== value) {
          el.value = value;
          el.dispatchEvent(new Event("input", { bubbles: true }));
          changed = true;
        }
      }
    }
    const current = versionOf(form);
    // browser storage exists only after hydration, hence an effect
    if (changed) setRestored(draft.version !== null && current !== null && draft.version !== current ? "changed-since" : "yes");
  }, [key]);

  useEffect(() => {
    if (!saved) return;
    touched.current.clear();
    try {
      window.localStorage.removeItem(key);
    } catch {
      /* no storage: nothing to forget */
    }
    // eslint-disable-next-line react-hooks/set-state-in-effect -- a save makes the restored note stale
    setRestored("no");
  }, [saved, key]);

  function keep(e?: React.FormEvent<HTMLFormElement>) {
    const form = ref.current;
    if (!form) return;
    const target = e?.target;
    if (target instanceof Element && isTyped(target) && target.name) touched.current.add(target.name);
    if (touched.current.size === 0) return;
    const fields: Values = {};
    for (const name of touched.current) {
      const el = form.elements.namedItem(name);
      if (el instanceof Element && isTyped(el)) fields[name] = el.value;
    }
    let existing: Draft | null = null;
    try {
      existing = JSON.parse(window.localStorage.getItem(key) ?? "null") as Draft | null;
    } catch {
      existing = null;
    }
    // the version the person started from stays the one of the first keystroke
    keepDraft(key, JSON.stringify({ version: existing?.version ?? versionOf(form), fields } satisfies Draft));
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
      {restored !== "no" && (
        <p
          role="status"
          className={`border-s-4 p-3 ${restored === "changed-since" ? "border-warning bg-warning-light" : "border-info bg-info-light"}`}
        >
          {restored === "changed-since" ? t("draftChangedSince") : t("draftRestored")}
        </p>
      )}
      {children}
      {offline && (
        <p role="alert" className="border-s-4 border-warning bg-warning-light p-3">
          {t(draftsKept() ? "offline" : "offlineShared")}
        </p>
      )}
    </form>
  );
}

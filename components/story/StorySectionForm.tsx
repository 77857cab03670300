"use client";

import { DRAFT_PREFIX, draftsKept, keepDraft } from "@/lib/forms/drafts";
import { useActionState, useEffect, useId, useState } from "react";
import { useTranslations } from "next-intl";
import type { StoryFormState } from "@/lib/story/forms";
import { FieldError } from "@/components/forms/Errors";

type Props = {
  kind: string;
  title: string;
  hint: string;
  initialText: string;
  initialVersion: number;
  maxLength: number;
  action: (state: StoryFormState, formData: FormData) => Promise<StoryFormState>;
};

type Draft = { text: string; version: number };

function readDraft(key: string): Draft | null {
  try {
    const raw = window.localStorage.getItem(key);
    const draft = raw ? (JSON.parse(raw) as Draft) : null;
    return draft && typeof draft.text === "string" && Number.isInteger(draft.version) ? draft : null;
  } catch {
    return null;
  }
}

/**
 * One section of the story: a real <form> posting to a server action, so it
 * saves without JavaScript too. With JavaScript it counts characters, keeps a
 * draft through reloads and lost connections, and resolves a conflict in place.
 */
export function StorySectionForm({ kind, title, hint, initialText, initialVersion, maxLength, action }: Props) {
  const t = useTranslations("StoryForm");
  const id = useId();
  const draftKey = `${DRAFT_PREFIX}story:${kind}`;
  const [state, formAction, pending] = useActionState(action, { status: "idle" });
  const [text, setText] = useState(initialText);
  const [version, setVersion] = useState(initialVersion);
  const [restored, setRestored] = useState(false);
  const [dirty, setDirty] = useState(false);
  const [dismissed, setDismissed] = useState<StoryFormState | null>(null);
  const [offline, setOffline] = useState(false);

  // With no connection there is no point in sending: say so, and keep the words (they are in the draft).
  function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    if (navigator.onLine) return setOffline(false);
    e.preventDefault();
    setOffline(true);
  }

  // A draft left by a reload or a lost connection comes back, with the version it
  // started from. Browser storage exists only after hydration, hence an effect.
  useEffect(() => {
    const draft = readDraft(draftKey);
    if (draft && draft.text !== initialText) {
      /* eslint-disable react-hooks/set-state-in-effect -- restoring browser-only state once after hydration */
      setText(draft.text);
      setVersion(draft.version);
      setRestored(true);
      setDirty(true);
      /* eslint-enable react-hooks/set-state-in-effect */
    }
  }, [draftKey, initialText]);

  // a new answer from the server: take a saved text and version as the new starting point
  const [seen, setSeen] = useState(state);
  if (seen !== state) {
    setSeen(state);
    if (state.status === "saved") {
      setText(state.text);
      setVersion(state.version);
      setDirty(false);
      setRestored(false);
    }
  }
  useEffect(() => {
    if (state.status === "saved") window.localStorage.removeItem(draftKey);
  }, [state, draftKey]);

  function change(value: string) {
    setText(value);
    setDirty(true);
    keepDraft(draftKey, JSON.stringify({ text: value, version } satisfies Draft));
  }

  function keepTheirs(theirs: string, theirsVersion: number) {
    setText(theirs);
    setVersion(theirsVersion);
    setDirty(false);
    window.localStorage.removeItem(draftKey);
    setDismissed(state);
  }

  const errors = state.status === "invalid" ? state.fieldErrors.text : undefined;
  // shown until the writer chooses; rendered on the server too, so it works without JavaScript
  const conflict = state.status === "conflict" && dismissed !== state ? state : null;
  const showSaved = state.status === "saved" && !dirty;
  const textareaId = `${id}-text`;
  const describedBy = [`${id}-hint`, `${id}-count`, errors ? `${id}-error` : null].filter(Boolean).join(" ");

  return (
    <section aria-labelledby={`${id}-title`} id={kind} className="scroll-mt-4 border-t border-gray-300 pt-6">
      <h2 id={`${id}-title`} className="text-xl">
        {title}
      </h2>

      {conflict ? (
        <div role="alert" className="mt-3 space-y-4 border-s-4 border-warning bg-warning-light p-4">
          <p className="font-semibold">{t("conflictTitle")}</p>
          <p>{t("conflictText")}</p>
          <div className="grid gap-4 md:grid-cols-2">
            <div>
              <h3>{t("yours")}</h3>
              <p className="mt-1 border border-gray-300 bg-white p-3 whitespace-pre-wrap" data-testid="conflict-mine">
                {conflict.mine}
              </p>
            </div>
            <div>
              <h3>{t("theirs")}</h3>
              <p className="mt-1 border border-gray-300 bg-white p-3 whitespace-pre-wrap" data-testid="conflict-theirs">
                {conflict.theirs}
              </p>
            </div>
          </div>
          <div className="flex flex-wrap gap-3">
            <form action={formAction} onSubmit={onSubmit}>
              <input type="hidden" name="kind" value={kind} />
              <input type="hidden" name="version" value={conflict.theirsVersion} />
              <input type="hidden" name="text" value={conflict.mine} />
              <button type="submit" className="min-h-11 bg-primary px-4 py-2 font-semibold text-white hover:bg-primary-dark">
                {t("keepMine")}
              </button>
            </form>
            {/* a link, so that without JavaScript it simply reloads the saved text */}
            <a
              href={`?#${kind}`}
              onClick={(e) => {
                e.preventDefault();
                keepTheirs(conflict.theirs, conflict.theirsVersion);
              }}
              className="inline-flex min-h-11 items-center border-2 border-gray-600 bg-white px-4 py-2 font-semibold text-ink no-underline hover:bg-gray-100"
            >
              {t("keepTheirs")}
            </a>
            <button
              type="button"
              onClick={() => {
                keepTheirs(`${conflict.mine}\n\n${conflict.theirs}`, conflict.theirsVersion);
                setDirty(true);
              }}
              className="min-h-11 border-2 border-gray-600 bg-white px-4 py-2 font-semibold hover:bg-gray-100"
            >
              {t("merge")}
            </button>
          </div>
        </div>
      ) : null}

      <form action={formAction} onSubmit={onSubmit} className="mt-3 space-y-2">
        <input type="hidden" name="kind" value={kind} />
        <input type="hidden" name="version" value={version} />
        <label htmlFor={textareaId} className="block font-semibold">
          {t("label")}
        </label>
        <p id={`${id}-hint`} className="text-gray-600">
          {hint}
        </p>
        {restored && (
          <p className="border-s-4 border-info bg-info-light p-3" role="status">
            {t("draftRestored")}
          </p>
        )}
        <FieldError id={`${id}-error`} keys={errors} />
        <textarea
          id={textareaId}
          name="text"
          rows={5}
          value={text}
          onChange={(e) => change(e.target.value)}
          aria-describedby={describedBy}
          aria-invalid={errors ? true : undefined}
          className={`block w-full border-2 p-3 ${errors ? "border-error" : "border-gray-600"}`}
        />
        <p id={`${id}-count`} className={`text-sm ${text.length > maxLength ? "font-semibold text-error" : "text-gray-600"}`}>
          {t("count", { count: text.length, max: maxLength })}
        </p>
        <div className="flex flex-wrap items-center gap-4">
          <button
            type="submit"
            disabled={pending}
            className="min-h-11 bg-primary px-5 py-2 font-semibold text-white hover:bg-primary-dark disabled:opacity-60"
          >
            {t("save")}
          </button>
          <p role="status" className="font-semibold text-success">
            {showSaved ? t("saved") : pending ? t("saving") : ""}
          </p>
        </div>
        {offline && (
          <p role="alert" className="border-s-4 border-warning bg-warning-light p-3">
            {t(draftsKept() ? "offline" : "offlineShared")}
          </p>
        )}
        {state.status === "failed" && (
          <p role="alert" className="text-error">
            {t("failed")}
          </p>
        )}
      </form>
    </section>
  );
}

"use client";

import { useEffect, useRef, useState } from "react";
import { useTranslations } from "next-intl";
import { piecesOf, voiceFor } from "@/lib/reading/voice";

// Read-aloud (issue 16; docs/decisions/037-read-aloud.md): the browser's own speech synthesis reads
// one section in the page's language. Only where the browser has a voice for that language is there
// a control at all; without JavaScript, or without a voice, there is nothing to press.

type State = "idle" | "reading" | "paused";

/** The one section being read on this page: starting another stops it. */
let current: { stop: () => void } | null = null;

/** The language the page is written in: <html lang>. */
const pageLanguage = () => document.documentElement.lang || "da";

/** Whether this browser has a voice for the page's language; it may learn its voices late (voiceschanged). */
function useHasVoice(): boolean {
  const [has, setHas] = useState(false);
  useEffect(() => {
    if (!("speechSynthesis" in window)) return;
    const synth = window.speechSynthesis;
    const check = () => setHas(voiceFor(synth.getVoices(), pageLanguage()) !== null);
    check();
    synth.addEventListener("voiceschanged", check);
    return () => synth.removeEventListener("voiceschanged", check);
  }, []);
  return has;
}

/** Not read: the controls of a page (a form, a button) say what to do, not what the plan says. */
const NOT_READ = new Set(["FORM", "BUTTON", "INPUT", "TEXTAREA", "SELECT", "SCRIPT", "STYLE", "TEMPLATE"]);

/** The text of `root` a line at a time, as it reads on screen, without the read-aloud control itself. */
function linesOf(root: Element, control: Element): string[] {
  const lines: string[] = [];
  const walk = (el: Element) => {
    for (const node of Array.from(el.childNodes)) {
      if (node === control) continue;
      if (node instanceof HTMLElement) {
        if (NOT_READ.has(node.tagName) || node.hidden || node.getAttribute("aria-hidden") === "true") continue;
        // a professional word's button (Glossed) is part of the sentence: read as its word, its hidden explanation not
        if (node.contains(control) || node.querySelector("form, button:not(.gloss-word), input, textarea, select")) walk(node);
        else lines.push(...node.innerText.split("\n"));
      } else if (node.nodeType === Node.TEXT_NODE) lines.push(node.textContent ?? "");
    }
  };
  walk(root);
  return lines;
}

type Props = {
  /** What is read, for the buttons' names: the section's heading, or who wrote the message. */
  what: string;
};

/**
 * "Læs op" with Pause/Fortsæt and Stop, for the section, article or list item it sits in: reads its
 * heading and text as they are on screen, in the page's language, with a voice on the device if there is one.
 */
export function ReadAloud({ what }: Props) {
  const t = useTranslations("ReadAloud");
  const hasVoice = useHasVoice();
  const [state, setState] = useState<State>("idle");
  const [said, setSaid] = useState("");
  const box = useRef<HTMLDivElement>(null);
  const main = useRef<HTMLButtonElement>(null);
  const stopButton = useRef<HTMLButtonElement>(null);
  const pieces = useRef<string[]>([]);
  // the piece being spoken, to start again from where a pause fell
  const at = useRef(0);
  // a new number for each start: events from an utterance that was cancelled are ignored
  const run = useRef(0);
  const fallback = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const self = useRef<{ stop: () => void } | null>(null);

  /** Back to "Læs op", without touching the speech (another section took it, or it ended). */
  const reset = (words: string) => {
    run.current++;
    clearTimeout(fallback.current);
    setState("idle");
    setSaid(words);
    if (current === self.current) current = null;
    // the Stop button goes away: keep the focus on this control, not on the page
    if (document.activeElement === stopButton.current) main.current?.focus();
  };

  const speakFrom = (start: number) => {
    const synth = window.speechSynthesis;
    const lang = pageLanguage();
    const voice = voiceFor(synth.getVoices(), lang);
    const mine = ++run.current;
    synth.cancel();
    synth.resume();
    pieces.current.slice(start).forEach((text, k) => {
      const utterance = new SpeechSynthesisUtterance(text);
      utterance.lang = voice?.lang ?? lang;
      if (voice) utterance.voice = voice;
      utterance.onstart = () => {
        if (run.current === mine) at.current = start + k;
      };
      utterance.onend = () => {
        if (run.current === mine && start + k === pieces.current.length - 1) reset(t("done", { what }));
      };
      utterance.onerror = (e) => {
        if (run.current !== mine || e.error === "interrupted" || e.error === "canceled") return;
        synth.cancel();
        reset(t("failed"));
      };
      synth.speak(utterance);
    });
  };

  const read = () => {
    const root = box.current?.closest("section, article, li");
    if (!root || !box.current) return;
    pieces.current = piecesOf(linesOf(root, box.current));
    if (pieces.current.length === 0) return;
    if (current && current !== self.current) current.stop();
    self.current = { stop: () => reset("") };
    current = self.current;
    at.current = 0;
    speakFrom(0);
    setState("reading");
    setSaid(t("reading", { what }));
  };

  const pause = () => {
    const synth = window.speechSynthesis;
    synth.pause();
    setState("paused");
    setSaid(t("paused", { what }));
    // some voices cannot pause (the browser says nothing): then stop, and start this piece again on "Fortsæt"
    const mine = run.current;
    fallback.current = setTimeout(() => {
      if (run.current === mine && !synth.paused) {
        run.current++;
        synth.cancel();
      }
    }, 300);
  };

  const resume = () => {
    const synth = window.speechSynthesis;
    clearTimeout(fallback.current);
    if (synth.paused && synth.speaking) synth.resume();
    else speakFrom(at.current);
    setState("reading");
    setSaid(t("reading", { what }));
  };

  const stop = () => {
    window.speechSynthesis.cancel();
    reset(t("stopped", { what }));
    main.current?.focus();
  };

  // leaving the page (or this section going away) stops the reading
  useEffect(() => {
    const leave = () => {
      if (current && current === self.current) {
        window.speechSynthesis.cancel();
        current = null;
      }
    };
    window.addEventListener("pagehide", leave);
    return () => {
      window.removeEventListener("pagehide", leave);
      clearTimeout(fallback.current);
      leave();
    };
  }, []);

  if (!hasVoice) return null;
  const looks = "inline-flex min-h-11 items-center gap-2 border-2 border-gray-600 bg-white px-3 py-1 font-semibold hover:bg-gray-100";
  return (
    <div ref={box} className="no-print flex flex-wrap gap-2" data-read-aloud>
      <button
        ref={main}
        type="button"
        className={looks}
        aria-label={t(state === "idle" ? "readWhat" : state === "reading" ? "pauseWhat" : "resumeWhat", { what })}
        onClick={state === "idle" ? read : state === "reading" ? pause : resume}
      >
        {state === "idle" && (
          <svg aria-hidden="true" viewBox="0 0 24 24" className="size-5 rtl:-scale-x-100" fill="currentColor">
            <path d="M3 9v6h4l5 4V5L7 9H3zm13.5 3a4.5 4.5 0 0 0-2.5-4v8a4.5 4.5 0 0 0 2.5-4zM14 3.2v2.1a7 7 0 0 1 0 13.4v2.1a9 9 0 0 0 0-17.6z" />
          </svg>
        )}
        {t(state === "idle" ? "read" : state === "reading" ? "pause" : "resume")}
      </button>
      {state !== "idle" && (
        <button ref={stopButton} type="button" className={looks} aria-label={t("stopWhat", { what })} onClick={stop}>
          {t("stop")}
        </button>
      )}
      <span role="status" className="sr-only">
        {said}
      </span>
    </div>
  );
}

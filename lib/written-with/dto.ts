// What was written with the citizen, as a reader sees it: browser-safe types (no server code).
import type { WrittenWithTarget } from "./schema";

export type WrittenWithDto = {
  id: string;
  target: WrittenWithTarget;
  storyKind: string | null;
  /** `{ text }`, `{ title, whyItMatters }`, or the contact wishes. */
  content: Record<string, string>;
  writtenBy: string;
  areaKey: string;
  /** The Danish day it was written. */
  writtenOn: string;
  status: "WAITING" | "CONFIRMED" | "DECLINED" | "UNDONE";
  confirmedHow: "APP" | "CONVERSATION" | "PAPER" | null;
  confirmedBy: string | null;
  decidedOn: string | null;
  version: number;
  /** For a waiting part of the story: the words it would replace (null: nothing there yet). */
  replaces: string | null;
};

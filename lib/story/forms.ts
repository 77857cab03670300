// Safe for the browser: the states of the story forms.

/** One section of the citizen's story: saved, refused with the words as written, or in conflict with a newer copy (both shown). */
export type StoryFormState =
  | { status: "idle" }
  | { status: "saved"; text: string; version: number }
  | { status: "invalid"; text: string; fieldErrors: Record<string, string[]> }
  | { status: "conflict"; mine: string; theirs: string; theirsVersion: number }
  | { status: "failed"; text: string };

/** One answer of the first-visit questions; a saved answer goes on to the next question. */
export type StartFormState = { fieldErrors?: Record<string, string[]>; formError?: string };

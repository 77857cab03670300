/**
 * Drafts kept in this browser (localStorage), for forms that keep what is typed
 * through reloads and lost connections. Browser-safe. They belong to the person
 * signed in when they were typed: signing out forgets them, and so does another
 * person signing in on the same browser (a shared library PC must never show
 * the previous person's words).
 */
export const DRAFT_PREFIX = "tio:draft:";
/** Whose drafts this browser holds now: an opaque key of the signed-in person (lib/auth/draft-owner.ts). */
export const DRAFT_OWNER_KEY = "tio:draft-owner";

/** On a shared computer nothing is kept in the browser: set while such a session's pages are open. */
let keepingNone = false;

/** Forgets every draft in this browser. */
export function forgetDrafts(): void {
  try {
    for (const key of Object.keys(window.localStorage)) if (key.startsWith(DRAFT_PREFIX)) window.localStorage.removeItem(key);
    window.localStorage.removeItem(DRAFT_OWNER_KEY);
  } catch {
    /* no storage: nothing to forget */
  }
}

/** The drafts here are `owner`'s from now on; anyone else's are forgotten first. */
export function claimDrafts(owner: string): void {
  keepingNone = false;
  try {
    if (window.localStorage.getItem(DRAFT_OWNER_KEY) === owner) return;
    forgetDrafts();
    window.localStorage.setItem(DRAFT_OWNER_KEY, owner);
  } catch {
    /* no storage: no drafts either */
  }
}

/** Signed in on a shared computer: every draft here is forgotten, and none is kept until someone signs in otherwise. */
export function keepNoDrafts(): void {
  keepingNone = true;
  forgetDrafts();
}

/** Whether what is typed is kept in this browser (false on a shared computer: the words live in the fields only). */
export const draftsKept = () => !keepingNone;

/** Keeps a draft in this browser, unless this is a shared computer or the browser has no room. */
export function keepDraft(key: string, value: string): void {
  if (keepingNone) return;
  try {
    window.localStorage.setItem(key, value);
  } catch {
    /* private mode or full: the words live in the fields only */
  }
}

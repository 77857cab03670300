"use client";

import { DRAFT_PREFIX } from "@/components/story/StorySectionForm";

/** Sign-out as a plain form; with JavaScript it also forgets unsaved drafts kept in this browser. */
export function SignOutButton({ action, label, className }: { action: () => Promise<void>; label: string; className: string }) {
  return (
    <form
      action={action}
      onSubmit={() => {
        try {
          for (const key of Object.keys(window.localStorage)) if (key.startsWith(DRAFT_PREFIX)) window.localStorage.removeItem(key);
        } catch {
          /* no storage: nothing to forget */
        }
      }}
    >
      <button type="submit" className={className}>
        {label}
      </button>
    </form>
  );
}

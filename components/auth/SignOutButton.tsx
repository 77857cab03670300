"use client";

import { forgetDrafts } from "@/lib/forms/drafts";

/** Sign-out as a plain form; with JavaScript it also forgets unsaved drafts kept in this browser. */
export function SignOutButton({ action, label, className }: { action: () => Promise<void>; label: string; className: string }) {
  return (
    <form action={action} onSubmit={forgetDrafts}>
      <button type="submit" className={className}>
        {label}
      </button>
    </form>
  );
}

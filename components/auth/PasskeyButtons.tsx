"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";
import { authClient } from "@/lib/auth/client";

type Labels = { action: string; failed: string; done?: string };

/** Signs in with a passkey (this needs JavaScript: WebAuthn is a browser API). */
export function PasskeySignInButton({ labels, next }: { labels: Labels; next: string }) {
  const router = useRouter();
  const [failed, setFailed] = useState(false);
  return (
    <div>
      <button
        type="button"
        className="min-h-11 border-2 border-primary bg-white px-5 py-2 font-semibold text-primary hover:bg-gray-100"
        onClick={async () => {
          setFailed(false);
          const result = await authClient.signIn.passkey();
          if (result?.error) setFailed(true);
          else router.push(next);
        }}
      >
        {labels.action}
      </button>
      <p role="status" className="mt-2 text-error">
        {failed ? labels.failed : ""}
      </p>
    </div>
  );
}

/** Adds a passkey to the signed-in account. */
export function AddPasskeyButton({ labels }: { labels: Labels }) {
  const router = useRouter();
  const [status, setStatus] = useState<"idle" | "done" | "failed">("idle");
  return (
    <div>
      <button
        type="button"
        className="min-h-11 border-2 border-primary bg-white px-5 py-2 font-semibold text-primary hover:bg-gray-100"
        onClick={async () => {
          const result = await authClient.passkey.addPasskey();
          setStatus(result?.error ? "failed" : "done");
          router.refresh();
        }}
      >
        {labels.action}
      </button>
      <p role="status" className="mt-2">
        {status === "done" ? labels.done : status === "failed" ? labels.failed : ""}
      </p>
    </div>
  );
}

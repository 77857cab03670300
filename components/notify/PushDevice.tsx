"use client";

import { useState } from "react";
import { useTranslations } from "next-intl";
import { useRouter } from "@/lib/i18n/navigation";

type Outcome = "added" | "invalid" | "too-many" | "signed-out";
type Props = { publicKey: string; add: (input: unknown) => Promise<Outcome> };

const bytes = (base64url: string) => {
  const raw = atob(base64url.replace(/-/g, "+").replace(/_/g, "/") + "=".repeat((4 - (base64url.length % 4)) % 4));
  return Uint8Array.from(raw, (c) => c.charCodeAt(0));
};
const text = (buffer: ArrayBuffer | null) =>
  buffer
    ? btoa(String.fromCharCode(...new Uint8Array(buffer)))
        .replace(/\+/g, "-")
        .replace(/\//g, "_")
        .replace(/=+$/, "")
    : "";

/**
 * "Notifications on this device": asks the browser, subscribes through the
 * service worker with our public key, and hands the subscription to the server.
 * Says plainly when the browser cannot (no service worker, no permission, no
 * push service), rather than pretending.
 */
export function PushDevice({ publicKey, add }: Props) {
  const t = useTranslations("NotifySettings");
  const router = useRouter();
  const [label, setLabel] = useState(t("deviceDefaultLabel"));
  const [state, setState] = useState<"idle" | "working" | "added" | "denied" | "unsupported" | "failed">("idle");

  async function turnOn() {
    setState("working");
    try {
      if (!("serviceWorker" in navigator) || !("PushManager" in window) || !("Notification" in window)) return setState("unsupported");
      const registration = await navigator.serviceWorker.getRegistration();
      if (!registration) return setState("unsupported");
      if ((await Notification.requestPermission()) !== "granted") return setState("denied");
      const subscription = await registration.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: bytes(publicKey) });
      const outcome = await add({
        endpoint: subscription.endpoint,
        p256dh: text(subscription.getKey("p256dh")),
        auth: text(subscription.getKey("auth")),
        label,
      });
      if (outcome !== "added") {
        await subscription.unsubscribe().catch(() => {});
        return setState("failed");
      }
      setState("added");
      router.refresh();
    } catch {
      setState("failed");
    }
  }

  return (
    <div className="space-y-3">
      <div>
        <label htmlFor="device-label" className="block font-semibold">
          {t("deviceLabel")}
        </label>
        <input
          id="device-label"
          value={label}
          maxLength={60}
          onChange={(e) => setLabel(e.target.value)}
          className="mt-1 min-h-11 w-full max-w-sm border-2 border-gray-600 px-3"
        />
      </div>
      <button
        type="button"
        onClick={turnOn}
        disabled={state === "working"}
        className="min-h-11 bg-primary px-5 py-2 font-semibold text-white hover:bg-primary-dark"
      >
        {t("deviceTurnOn")}
      </button>
      <p role="status" data-testid="push-status">
        {state === "added"
          ? t("deviceAdded")
          : state === "denied"
            ? t("deviceDenied")
            : state === "unsupported"
              ? t("deviceUnsupported")
              : state === "failed"
                ? t("deviceFailed")
                : ""}
      </p>
    </div>
  );
}

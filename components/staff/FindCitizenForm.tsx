"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import type { FindState } from "@/lib/staff/forms";
import { Link } from "@/lib/i18n/navigation";

/** Finding a citizen of my areas by name (posted, never in the address). */
export function FindCitizenForm({ action }: { action: (state: FindState, formData: FormData) => Promise<FindState> }) {
  const t = useTranslations("StaffForms");
  const [state, formAction, pending] = useActionState(action, { query: "", found: null });
  return (
    <div className="space-y-3">
      <form action={formAction} className="flex flex-wrap items-end gap-3">
        <div>
          <label htmlFor="q" className="block font-semibold">
            {t("findLabel")}
          </label>
          <p id="q-hint" className="text-gray-600">
            {t("findHint")}
          </p>
          <input
            id="q"
            name="q"
            defaultValue={state.query}
            minLength={2}
            maxLength={100}
            aria-describedby="q-hint"
            className="mt-1 block min-h-11 w-72 max-w-full border-2 border-gray-600 px-3"
          />
        </div>
        <button
          type="submit"
          disabled={pending}
          className="min-h-11 border-2 border-gray-600 bg-white px-4 font-semibold hover:bg-gray-100"
        >
          {t("find")}
        </button>
      </form>
      <div role="status">
        {state.found &&
          (state.found.length === 0 ? (
            <p>{t("foundNone")}</p>
          ) : (
            <ul className="list-disc space-y-1 ps-5" data-testid="found">
              {state.found.map((c) => (
                <li key={c.citizenId}>
                  <Link href={`/staff/citizens/${c.citizenId}`}>{c.name}</Link>
                </li>
              ))}
            </ul>
          ))}
      </div>
    </div>
  );
}

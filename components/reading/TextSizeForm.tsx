import { getTranslations } from "next-intl/server";
import { TEXT_SIZES, type TextSize } from "@/lib/reading/text-size";

export type TextSizeNotice = "saved" | "stale" | "invalid";

/** What the page's ?size= says happened to the last choice, if anything. */
export const textSizeNotice = (value: string | undefined): TextSizeNotice | null =>
  value === "saved" || value === "stale" || value === "invalid" ? value : null;

/**
 * The text-size choice (decision 036): three sizes, a plain form that works without JavaScript; the answer is
 * the same page again, already at the size chosen. On the citizen's settings and on Min side, which everyone has.
 */
export async function TextSizeForm({
  current,
  back,
  notice,
  action,
}: {
  current: TextSize;
  /** The page the answer comes back to. */
  back: "me" | "settings";
  notice: TextSizeNotice | null;
  action: (formData: FormData) => Promise<void>;
}) {
  const t = await getTranslations("Reading");
  return (
    <section aria-labelledby="text-size" className="space-y-3">
      <h2 id="text-size">{t("title")}</h2>
      {notice === "saved" && (
        <p role="status" className="border-s-4 border-success bg-success-light p-3 font-semibold">
          {t("saved")}
        </p>
      )}
      {(notice === "stale" || notice === "invalid") && (
        <p role="alert" className="border-s-4 border-warning bg-warning-light p-3">
          {t(notice)}
        </p>
      )}
      <form action={action} className="space-y-4">
        <input type="hidden" name="was" value={current} />
        <input type="hidden" name="back" value={back} />
        <fieldset className="space-y-1" aria-describedby="text-size-hint">
          <legend className="font-semibold">{t("legend")}</legend>
          {TEXT_SIZES.map((size) => (
            <label key={size} className="flex min-h-11 items-center gap-3">
              <input type="radio" name="textSize" value={size} defaultChecked={size === current} className="size-6" />
              {t(`sizes.${size}`)}
            </label>
          ))}
        </fieldset>
        <p id="text-size-hint" className="text-gray-600">
          {t("hint")}
        </p>
        <button type="submit" className="min-h-11 bg-primary px-5 py-2 font-semibold text-white hover:bg-primary-dark">
          {t("save")}
        </button>
      </form>
    </section>
  );
}

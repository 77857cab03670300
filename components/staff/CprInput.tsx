/**
 * The CPR-number field of the lookup and of starting a plan: never filled in again by the page, never
 * completed or spell-checked by the browser. Its label is `cpr`, its hint `cpr-hint`, its error `cpr-error`.
 */
export function CprInput({ errors }: { errors?: string[] }) {
  return (
    <input
      id="cpr"
      name="cpr"
      type="text"
      inputMode="numeric"
      autoComplete="off"
      spellCheck={false}
      maxLength={11}
      aria-describedby={errors?.length ? "cpr-hint cpr-error" : "cpr-hint"}
      aria-invalid={errors?.length ? true : undefined}
      className={`mt-1 block min-h-11 w-48 max-w-full border-2 px-3 ${errors?.length ? "border-error" : "border-gray-600"}`}
    />
  );
}

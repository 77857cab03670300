const LOOKS = {
  primary: "min-h-11 bg-primary px-4 py-2 font-semibold text-white hover:bg-primary-dark",
  secondary: "min-h-11 border-2 border-gray-600 bg-white px-4 py-2 font-semibold hover:bg-gray-100",
  danger: "min-h-11 border-2 border-error bg-white px-4 py-2 font-semibold text-error hover:bg-error-light",
} as const;

type Props = {
  action: (formData: FormData) => Promise<void>;
  /** What the button acts on: hidden fields, sent with the click. Never identity: that comes from the session. */
  fields: Record<string, string | number>;
  label: string;
  /** A fuller name for screen readers; it must begin with the visible label (WCAG 2.5.3). */
  ariaLabel?: string;
  look?: keyof typeof LOOKS;
};

/** One button that does one thing: a plain form posting to a server action, so it works without JavaScript. */
export function OneClickForm({ action, fields, label, ariaLabel, look = "secondary" }: Props) {
  return (
    <form action={action}>
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <button type="submit" aria-label={ariaLabel} className={LOOKS[look]}>
        {label}
      </button>
    </form>
  );
}

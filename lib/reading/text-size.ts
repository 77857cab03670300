import { z } from "zod";

/**
 * The text size a person chose (issue 16, part 3; docs/decisions/036-easy-read-and-text-size.md). It is a
 * class on <html> that sets the root font size (app/globals.css); every size in the styles is in rem, so
 * text, spacing and the page's widths grow together.
 */
export const TEXT_SIZES = ["NORMAL", "LARGER", "LARGEST"] as const;
export type TextSize = (typeof TEXT_SIZES)[number];

/** A stored or sent value as a size; anything else is the normal size. */
export const asTextSize = (value: unknown): TextSize => TEXT_SIZES.find((s) => s === value) ?? "NORMAL";

/** The class on <html> for a size (app/globals.css), or none for the normal size. */
export const textSizeClass = (size: TextSize): string | undefined => (size === "NORMAL" ? undefined : `textsize-${size.toLowerCase()}`);

/** The text-size form: the size chosen, and the size the form showed (a change made elsewhere since is refused). */
export const textSizeSchema = z.object({
  textSize: z.enum(TEXT_SIZES, { error: "Validation.chooseOne" }),
  was: z.enum(TEXT_SIZES, { error: "Validation.invalid" }),
});
export type TextSizeInput = z.infer<typeof textSizeSchema>;

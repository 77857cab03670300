import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { describe, expect, it } from "vitest";

// The size-adjusted fallback in app/globals.css (docs/decisions/034-fonts-that-do-not-move-the-text.md):
// its numbers are next/font's own calculation (adjustFontFallback), recomputed here from the font
// files, so a new version of IBM Plex Sans cannot leave a fallback made for the old one.

const root = path.join(import.meta.dirname, "../..");
const require = createRequire(import.meta.url);

type Glyph = { advanceWidth: number; codePoints: number[] };
type Font = { unitsPerEm: number; ascent: number; descent: number; lineGap: number; glyphsForString(s: string): Glyph[] };
type Overrides = { ascentOverride: string; descentOverride: string; lineGapOverride: string; sizeAdjust: string; fallbackFont: string };
// next/font's own font reader and fallback calculation, as `next build` runs them
const fontkit = require("next/dist/compiled/@next/font/dist/fontkit").default as (file: Buffer) => Font;
const { getFallbackMetricsFromFontFile } = require("next/dist/compiled/@next/font/dist/local/get-fallback-metrics-from-font-file") as {
  getFallbackMetricsFromFontFile(font: Font, category: "sans-serif"): Overrides;
};

const plex = (weight: 400 | 600) => fontkit(fs.readFileSync(path.join(root, "app/fonts", `ibm-plex-sans-latin-${weight}-normal.woff2`)));

/**
 * Average width of a-z and spaces, as next/font weighs them (calcAverageWidth), in em, of the
 * fallbacks: Arial's is next/font's own figure; Arial Bold's is Liberation Sans Bold's, made to Arial
 * Bold's widths (Debian's fonts-liberation 2.1); Roboto's from Fontsource's Roboto 5.3.0.
 */
const FALLBACK_WIDTH = {
  arial: 934.5116279069767 / 2048,
  arialBold: 1011.046511627907 / 2048,
  roboto: 938 / 2048,
  robotoBold: 951.6976744186046 / 2048,
};
const AVERAGE_OF = "aaabcdeeeefghiijklmnnoopqrrssttuvwxyz      ";

const percent = (x: number) => `${Math.abs(x * 100).toFixed(2)}%`;

/** next/font's overrides (get-fallback-metrics-from-font-file), against a fallback of the given width. */
function overrides(font: Font, fallbackWidth: number) {
  const widths = font.glyphsForString(AVERAGE_OF).map((g) => g.advanceWidth);
  const sizeAdjust = widths.reduce((a, b) => a + b, 0) / widths.length / font.unitsPerEm / fallbackWidth;
  return {
    "size-adjust": percent(sizeAdjust),
    "ascent-override": percent(font.ascent / (font.unitsPerEm * sizeAdjust)),
    "descent-override": percent(font.descent / (font.unitsPerEm * sizeAdjust)),
    "line-gap-override": percent(font.lineGap / (font.unitsPerEm * sizeAdjust)),
  };
}

const css = fs.readFileSync(path.join(root, "app/globals.css"), "utf8");

/** The @font-face of a family and weight in globals.css, its descriptors by name. */
function face(family: string, weight: number): Record<string, string> {
  const faces = [...css.matchAll(/@font-face\s*{([^}]*)}/g)].map(
    ([, body]) =>
      Object.fromEntries(
        body!
          .split(";")
          .map((d) => d.trim())
          .filter(Boolean)
          .map((d) => [d.slice(0, d.indexOf(":")).trim(), d.slice(d.indexOf(":") + 1).trim()]),
      ) as Record<string, string>,
  );
  const found = faces.find((f) => f["font-family"] === `"${family}"` && f["font-weight"] === String(weight));
  if (!found) throw new Error(`no @font-face for ${family} ${weight} in globals.css`);
  return found;
}

/** A percentage as CSS may write it: "105.5%" is "105.50%". */
const normal = (descriptors: Record<string, string>) =>
  Object.fromEntries(
    ["size-adjust", "ascent-override", "descent-override", "line-gap-override"].map((k) => [
      k,
      percent(parseFloat(descriptors[k] ?? "NaN") / 100),
    ]),
  );

describe("the size-adjusted fallback (app/globals.css)", () => {
  it("is next/font's adjustFontFallback for Arial, for the regular weight", () => {
    const next = getFallbackMetricsFromFontFile(plex(400), "sans-serif");
    expect(next.fallbackFont).toBe("Arial");
    expect(normal(face("IBM Plex Sans Fallback", 400))).toEqual({
      "size-adjust": next.sizeAdjust,
      "ascent-override": next.ascentOverride,
      "descent-override": next.descentOverride,
      "line-gap-override": next.lineGapOverride,
    });
  });

  it.each([
    ["IBM Plex Sans Fallback", 400, FALLBACK_WIDTH.arial],
    ["IBM Plex Sans Fallback", 600, FALLBACK_WIDTH.arialBold],
    ["IBM Plex Sans Fallback Roboto", 400, FALLBACK_WIDTH.roboto],
    ["IBM Plex Sans Fallback Roboto", 600, FALLBACK_WIDTH.robotoBold],
  ] as const)("%s %i is computed from IBM Plex Sans of that weight", (family, weight, width) => {
    expect(normal(face(family, weight))).toEqual(overrides(plex(weight), width));
  });

  it("names Arial and the fonts made to its widths, each weight its own", () => {
    expect(face("IBM Plex Sans Fallback", 400).src).toMatch(/local\("Arial"\).*local\("Liberation Sans"\).*local\("Arimo"\)/);
    expect(face("IBM Plex Sans Fallback", 600).src).toMatch(
      /local\("Arial Bold"\).*local\("Liberation Sans Bold"\).*local\("Arimo Bold"\)/,
    );
  });

  it("comes after IBM Plex Sans's subsets in the font list, and the Arabic font is not in it", () => {
    const list = /--font-plex-sans:\s*([^;]+);/.exec(css)?.[1]?.replace(/\s+/g, " ");
    expect(list).toBe(
      'var(--font-plex-sans-latin), var(--font-plex-sans-latin-ext), var(--font-plex-sans-cyrillic), var(--font-plex-sans-cyrillic-ext), "IBM Plex Sans Fallback", "IBM Plex Sans Fallback Roboto"',
    );
  });
});

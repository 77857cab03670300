import localFont from "next/font/local";

// IBM Plex Sans (as in the Danish common design system, DKFDS) and IBM Plex Sans Arabic, regular
// and semibold, self-hosted through next/font (docs/decisions/034-fonts-that-do-not-move-the-text.md).
// The files come from Fontsource on npm (app/fonts/README.md; `node scripts/fonts.mjs` refreshes them).
//
// A font in subsets, as Google Fonts serves it: each subset is a family of its own whose
// @font-face rules have a unicode-range, so a browser downloads a subset only when the page has a
// character in it (a Danish page: Latin only). globals.css lists them in --font-sans, then the
// size-adjusted fallback, which is ours and not next/font's (adjustFontFallback names only Arial,
// which Android phones and Linux do not have). Each gets a variable, which is all globals.css needs
// of it. next/font takes literal values only, so each range is written out (`node scripts/fonts.mjs
// --check` compares them with Fontsource's).

/** Latin (Danish, English, the rest of Western Europe): on every page, so preloaded. */
export const plexSansLatin = localFont({
  src: [
    { path: "./ibm-plex-sans-latin-400-normal.woff2", weight: "400", style: "normal" },
    { path: "./ibm-plex-sans-latin-600-normal.woff2", weight: "600", style: "normal" },
  ],
  declarations: [
    {
      prop: "unicode-range",
      value:
        "U+0000-00FF,U+0131,U+0152-0153,U+02BB-02BC,U+02C6,U+02DA,U+02DC,U+0304,U+0308,U+0329,U+2000-206F,U+20AC,U+2122,U+2191,U+2193,U+2212,U+2215,U+FEFF,U+FFFD",
    },
  ],
  display: "swap",
  adjustFontFallback: false,
  variable: "--font-plex-sans-latin",
});

/** Latin Extended (Polish, Turkish, Czech letters, in names above all): only when a page has such a letter. */
export const plexSansLatinExt = localFont({
  src: [
    { path: "./ibm-plex-sans-latin-ext-400-normal.woff2", weight: "400", style: "normal" },
    { path: "./ibm-plex-sans-latin-ext-600-normal.woff2", weight: "600", style: "normal" },
  ],
  declarations: [
    {
      prop: "unicode-range",
      value:
        "U+0100-02BA,U+02BD-02C5,U+02C7-02CC,U+02CE-02D7,U+02DD-02FF,U+0304,U+0308,U+0329,U+1D00-1DBF,U+1E00-1E9F,U+1EF2-1EFF,U+2020,U+20A0-20AB,U+20AD-20C0,U+2113,U+2C60-2C7F,U+A720-A7FF",
    },
  ],
  display: "swap",
  adjustFontFallback: false,
  preload: false,
  variable: "--font-plex-sans-latin-ext",
});

/** Cyrillic (Ukrainian, Russian). */
export const plexSansCyrillic = localFont({
  src: [
    { path: "./ibm-plex-sans-cyrillic-400-normal.woff2", weight: "400", style: "normal" },
    { path: "./ibm-plex-sans-cyrillic-600-normal.woff2", weight: "600", style: "normal" },
  ],
  declarations: [{ prop: "unicode-range", value: "U+0301,U+0400-045F,U+0490-0491,U+04B0-04B1,U+2116" }],
  display: "swap",
  adjustFontFallback: false,
  preload: false,
  variable: "--font-plex-sans-cyrillic",
});

/** Cyrillic Extended. */
export const plexSansCyrillicExt = localFont({
  src: [
    { path: "./ibm-plex-sans-cyrillic-ext-400-normal.woff2", weight: "400", style: "normal" },
    { path: "./ibm-plex-sans-cyrillic-ext-600-normal.woff2", weight: "600", style: "normal" },
  ],
  declarations: [{ prop: "unicode-range", value: "U+0460-052F,U+1C80-1C8A,U+20B4,U+2DE0-2DFF,U+A640-A69F,U+FE2E-FE2F" }],
  display: "swap",
  adjustFontFallback: false,
  preload: false,
  variable: "--font-plex-sans-cyrillic-ext",
});

/**
 * Arabic script, first in the list on Arabic pages only (globals.css): a Danish page with a word
 * in Arabic never downloads it. Not preloaded (every page would fetch it), so it comes late, and
 * no fallback can be sized to it (the phone's Arabic font is a different one on every system):
 * "optional" lets it in only if it is there at once, and never swaps it in later. The first Arabic
 * page may be in the phone's own Arabic font; the next ones, with the file in the cache, in this.
 */
export const plexSansArabic = localFont({
  src: [
    { path: "./ibm-plex-sans-arabic-arabic-400-normal.woff2", weight: "400", style: "normal" },
    { path: "./ibm-plex-sans-arabic-arabic-600-normal.woff2", weight: "600", style: "normal" },
  ],
  declarations: [
    {
      prop: "unicode-range",
      value:
        "U+0600-06FF,U+0750-077F,U+0870-088E,U+0890-0891,U+0897-08E1,U+08E3-08FF,U+200C-200E,U+2010-2011,U+204F,U+2E41,U+FB50-FDFF,U+FE70-FE74,U+FE76-FEFC,U+102E0-102FB,U+10E60-10E7E,U+10EC2-10EC4,U+10EFC-10EFF,U+1EE00-1EE03,U+1EE05-1EE1F,U+1EE21-1EE22,U+1EE24,U+1EE27,U+1EE29-1EE32,U+1EE34-1EE37,U+1EE39,U+1EE3B,U+1EE42,U+1EE47,U+1EE49,U+1EE4B,U+1EE4D-1EE4F,U+1EE51-1EE52,U+1EE54,U+1EE57,U+1EE59,U+1EE5B,U+1EE5D,U+1EE5F,U+1EE61-1EE62,U+1EE64,U+1EE67-1EE6A,U+1EE6C-1EE72,U+1EE74-1EE77,U+1EE79-1EE7C,U+1EE7E,U+1EE80-1EE89,U+1EE8B-1EE9B,U+1EEA1-1EEA3,U+1EEA5-1EEA9,U+1EEAB-1EEBB,U+1EEF0-1EEF1",
    },
  ],
  display: "optional",
  adjustFontFallback: false,
  preload: false,
  variable: "--font-plex-sans-arabic",
});

/** The classes that define the fonts' variables: on <html>, where globals.css builds the font lists from them. */
export const fontVariables = [plexSansLatin, plexSansLatinExt, plexSansCyrillic, plexSansCyrillicExt, plexSansArabic]
  .map((font) => font.variable)
  .join(" ");

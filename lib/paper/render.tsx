import "server-only";
import path from "node:path";
import { Document, Font, Image as PdfImage, Page, Text, View, renderToBuffer, type DocumentProps } from "@react-pdf/renderer";
import QRCode from "qrcode";
import type { ReactElement } from "react";

/**
 * The citizen's one-page plan on paper, and the letter a caseworker prints for a citizen
 * without digital access. Every text is passed in, already translated and already limited to
 * what the reader may see: this module only lays it out.
 */
export type PaperPlan = {
  /** BCP 47, e.g. "da" | "en" | "ar" | "uk" (the PDF's document language; it chooses the type and the direction). */
  lang: string;
  /** Document title (PDF metadata). */
  title: string;
  /** Big heading on the page. */
  heading: string;
  /** Small line under the heading, e.g. the date printed. */
  printed: string;
  sections: {
    heading: string;
    paragraphs?: string[];
    items?: { text: string; detail?: string }[];
    /** Shown when neither paragraphs nor items have content. */
    empty?: string;
  }[];
  /** With a letter, the letter and its QR code come first, then the plan. */
  letter?: {
    greeting: string;
    paragraphs: string[];
    /** A sign-in address (no personal data) and the line printed beside its QR code. */
    qr: { url: string; caption: string };
  };
  footer: string;
};

// The only literal in this module: who made the file (PDF metadata, never shown on the page).
const MAKER = "Tell it once";

// Large type for readers with poor sight. Body text is 14 pt when the plan fits on one page at
// that size; otherwise the steps below are tried in turn, never smaller than 12 pt. A plan too
// long for one page at the last step flows onto more pages at that step rather than shrink further.
type Scale = { body: number; lineHeight: number; gap: number; margin: number };
const SCALES = [
  { body: 14, lineHeight: 1.4, gap: 1, margin: 42 },
  { body: 13, lineHeight: 1.4, gap: 1, margin: 42 },
  { body: 12, lineHeight: 1.4, gap: 1, margin: 42 },
  // the last step: still 12 pt, with slightly closer lines, less air between blocks and a
  // narrower margin (≈ 11 mm, still clear of a printer's unprintable edge)
  { body: 12, lineHeight: 1.3, gap: 0.25, margin: 30 },
] as const satisfies readonly Scale[];
// The letter is short and always in the largest type.
const LETTER_SCALE: Scale = SCALES[0];
const MIN_SIZE = 12;

// PDF's own Helvetica has only Latin letters. Arabic and Ukrainian are set in IBM Plex Sans Arabic and
// IBM Plex Sans (the web's typeface; TTF, under the SIL Open Font License, lib/paper/fonts/OFL.txt):
// react-pdf shapes the Arabic letters and lays the lines out right to left.
type Type = { regular: string; bold: string };
const FONTS_DIR = path.join(process.cwd(), "lib", "paper", "fonts");
const HELVETICA: Type = { regular: "Helvetica", bold: "Helvetica-Bold" };
const PLEX: Type = { regular: "IBMPlexSans", bold: "IBMPlexSans-SemiBold" };
const PLEX_ARABIC: Type = { regular: "IBMPlexSansArabic", bold: "IBMPlexSansArabic-SemiBold" };
let registered = false;
function typeFor(lang: string): Type {
  if (lang !== "ar" && lang !== "uk") return HELVETICA;
  if (!registered) {
    for (const [family, file] of [
      [PLEX.regular, "IBMPlexSans_400Regular.ttf"],
      [PLEX.bold, "IBMPlexSans_600SemiBold.ttf"],
      [PLEX_ARABIC.regular, "IBMPlexSansArabic_400Regular.ttf"],
      [PLEX_ARABIC.bold, "IBMPlexSansArabic_600SemiBold.ttf"],
    ] as const)
      Font.register({ family, src: path.join(FONTS_DIR, file) });
    registered = true;
  }
  return lang === "ar" ? PLEX_ARABIC : PLEX;
}

const INK = "#000000";
const RULE = "#595959"; // thin lines only; every letter is black on white

// Lines break between words: Danish words must not be split by react-pdf's English hyphenation
// rules. Only a word too long for any line (a web address, a typed run of letters) may break
// anywhere, with a hyphen; a word that cannot break would be cut off at the margin instead.
const LONG_WORD = 24; // longer than everyday Danish compounds ("sundhedsplejerskeordning")
const wholeWords = (word: string) => (word.length > LONG_WORD ? Array.from(word) : [word]);

/** Renders the plan (and the letter, if given) as an A4 PDF. */
export async function renderPlanPdf(plan: PaperPlan): Promise<Buffer> {
  const qr = plan.letter ? await qrPng(plan.letter.qr.url) : undefined;

  // The first scale at which the plan itself fits on one page (the letter has its own page).
  for (const [i, scale] of SCALES.entries()) {
    const last = i === SCALES.length - 1;
    const planOnly = await renderToBuffer(<PlanDocument plan={plan} scale={scale} />);
    if (pageCount(planOnly) === 1 || last) {
      return plan.letter && qr ? renderToBuffer(<PlanDocument plan={plan} scale={scale} qr={qr} />) : planOnly;
    }
  }
  throw new Error("paper: no scale to render at");
}

async function qrPng(url: string): Promise<Buffer> {
  // Medium error correction survives a smudge or a fold; the quiet zone is the module's margin.
  return QRCode.toBuffer(url, { type: "png", errorCorrectionLevel: "M", margin: 2, width: 480, color: { dark: INK, light: "#ffffff" } });
}

/** Pages in a PDF written by pdfkit (react-pdf's writer): the page tree's /Count. */
function pageCount(pdf: Buffer): number {
  const match = /\/Type \/Pages\s*\/Count (\d+)/.exec(pdf.toString("latin1"));
  if (!match?.[1]) throw new Error("paper: no page tree in the rendered PDF");
  return Number(match[1]);
}

function styles({ body, lineHeight, gap, margin }: Scale, lang: string) {
  const type = typeFor(lang);
  // right to left: text starts at the right margin, and a row's bullet or QR code stands at its right
  const rtl = lang === "ar";
  const row = rtl ? ("row-reverse" as const) : ("row" as const);
  const footerSize = MIN_SIZE;
  const footerSpace = footerSize * 1.2 + 6 + body * gap;
  return {
    page: {
      paddingTop: margin,
      paddingBottom: margin + footerSpace,
      paddingHorizontal: margin,
      fontFamily: type.regular,
      fontSize: body,
      textAlign: rtl ? ("right" as const) : ("left" as const),
      lineHeight,
      color: INK,
      backgroundColor: "#ffffff",
    },
    heading: { fontFamily: type.bold, fontSize: Math.round(body * 1.85), lineHeight: 1.15 },
    printed: { fontSize: MIN_SIZE, marginTop: 4 },
    section: { marginTop: body * (0.5 + 0.6 * gap) },
    sectionHeading: {
      fontFamily: type.bold,
      fontSize: Math.round(body * 1.3),
      lineHeight: 1.2,
      paddingBottom: 2,
      marginBottom: body * (0.15 + 0.2 * gap),
      borderBottomWidth: 1,
      borderBottomColor: RULE,
    },
    paragraph: { marginBottom: body * (0.2 + 0.25 * gap) },
    // every Text carries the direction (react-pdf does not inherit it)
    dir: { direction: rtl ? ("rtl" as const) : ("ltr" as const) },
    item: { flexDirection: row, marginBottom: body * 0.3 * gap },
    bullet: {
      width: body * 0.35,
      height: body * 0.35,
      marginTop: (body * (lineHeight - 0.35)) / 2,
      [rtl ? "marginLeft" : "marginRight"]: body * 0.6,
      backgroundColor: INK,
    },
    itemText: { flex: 3, [rtl ? "paddingLeft" : "paddingRight"]: body * 0.8 },
    itemDetail: { flex: 2 },
    itemAlone: { flex: 1 },
    greeting: { fontFamily: type.bold, fontSize: Math.round(body * 1.3), marginBottom: body * 0.9 },
    qrRow: { flexDirection: row, alignItems: "center" as const, marginTop: body * 1.2 },
    qr: { width: 128, height: 128, [rtl ? "marginLeft" : "marginRight"]: body },
    qrCaption: { flex: 1 },
    qrAddress: { fontFamily: type.bold, fontSize: Math.max(MIN_SIZE, body - 1), marginTop: body * 0.4 },
    footer: {
      position: "absolute" as const,
      left: margin,
      right: margin,
      bottom: margin,
      paddingTop: 6,
      borderTopWidth: 1,
      borderTopColor: RULE,
      fontSize: footerSize,
      lineHeight: 1.2,
    },
  };
}

type Styles = ReturnType<typeof styles>;

function PlanDocument({ plan, scale, qr }: { plan: PaperPlan; scale: Scale; qr?: Buffer }): ReactElement<DocumentProps> {
  return (
    <Document title={plan.title} language={plan.lang} author={MAKER} creator={MAKER} producer={MAKER}>
      {plan.letter && qr ? <LetterPage letter={plan.letter} qr={qr} footer={plan.footer} s={styles(LETTER_SCALE, plan.lang)} /> : null}
      <PlanPage plan={plan} s={styles(scale, plan.lang)} body={scale.body} />
    </Document>
  );
}

function LetterPage({ letter, qr, footer, s }: { letter: NonNullable<PaperPlan["letter"]>; qr: Buffer; footer: string; s: Styles }) {
  return (
    <Page size="A4" style={s.page}>
      <Text style={[s.dir, s.greeting]} hyphenationCallback={wholeWords}>
        {letter.greeting}
      </Text>
      {letter.paragraphs.filter(hasText).map((paragraph, i) => (
        <Text key={i} style={[s.dir, s.paragraph]} hyphenationCallback={wholeWords} orphans={2} widows={2}>
          {paragraph}
        </Text>
      ))}
      <View style={s.qrRow} wrap={false}>
        {/* react-pdf's image, not next/image: a PDF image takes no alt text; the caption beside it says what it is for */}
        <PdfImage style={s.qr} src={{ data: qr, format: "png" }} />
        <View style={s.qrCaption}>
          <Text style={s.dir} hyphenationCallback={wholeWords}>
            {letter.qr.caption}
          </Text>
          {/* the address to type: whole, never broken with a hyphen that is not part of it, and left to right in every language */}
          <Text style={s.qrAddress} hyphenationCallback={(word: string) => [word]}>
            {letter.qr.url}
          </Text>
        </View>
      </View>
      <Footer text={footer} s={s} />
    </Page>
  );
}

function PlanPage({ plan, s, body }: { plan: PaperPlan; s: Styles; body: number }) {
  return (
    <Page size="A4" style={s.page}>
      <Text style={[s.dir, s.heading]} hyphenationCallback={wholeWords}>
        {plan.heading}
      </Text>
      <Text style={[s.dir, s.printed]} hyphenationCallback={wholeWords}>
        {plan.printed}
      </Text>
      {plan.sections.map((section, i) => (
        <Section key={i} section={section} s={s} body={body} />
      ))}
      <Footer text={plan.footer} s={s} />
    </Page>
  );
}

function Section({ section, s, body }: { section: PaperPlan["sections"][number]; s: Styles; body: number }) {
  const paragraphs = (section.paragraphs ?? []).filter(hasText);
  const items = (section.items ?? []).filter((item) => hasText(item.text) || hasText(item.detail));
  const nothing = paragraphs.length === 0 && items.length === 0;
  const withDetails = items.some((item) => hasText(item.detail));
  return (
    <View style={s.section}>
      {/* a heading never stands alone at the foot of a page */}
      <Text style={[s.dir, s.sectionHeading]} hyphenationCallback={wholeWords} minPresenceAhead={body * 3}>
        {section.heading}
      </Text>
      {paragraphs.map((paragraph, i) => (
        <Text key={i} style={[s.dir, s.paragraph]} hyphenationCallback={wholeWords} orphans={2} widows={2}>
          {paragraph}
        </Text>
      ))}
      {items.map((item, i) => (
        <View key={i} style={s.item} wrap={false}>
          <View style={s.bullet} />
          <Text style={[s.dir, withDetails ? s.itemText : s.itemAlone]} hyphenationCallback={wholeWords}>
            {item.text}
          </Text>
          {withDetails ? (
            <Text style={[s.dir, s.itemDetail]} hyphenationCallback={wholeWords}>
              {item.detail ?? ""}
            </Text>
          ) : null}
        </View>
      ))}
      {nothing && hasText(section.empty) ? (
        <Text style={[s.dir, s.paragraph]} hyphenationCallback={wholeWords}>
          {section.empty}
        </Text>
      ) : null}
    </View>
  );
}

function Footer({ text, s }: { text: string; s: Styles }) {
  return (
    <Text style={[s.dir, s.footer]} fixed hyphenationCallback={wholeWords}>
      {text}
    </Text>
  );
}

function hasText(text: string | undefined): text is string {
  return text !== undefined && text.trim() !== "";
}

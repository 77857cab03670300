import { extractText } from "unpdf";

/** The text of a PDF, every page joined, whitespace collapsed to single spaces; and how many pages. */
export async function pdfText(buf: Buffer): Promise<{ pages: number; text: string }> {
  // a copy: pdf.js takes over (detaches) the bytes it is given
  const { totalPages, text } = await extractText(new Uint8Array(buf), { mergePages: true });
  return { pages: totalPages, text: normalise(text) };
}

/** Whitespace collapsed as in pdfText, to compare a passed string with the extracted text. */
export function normalise(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

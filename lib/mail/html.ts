/**
 * The HTML part of a mail, made from its plain text: one paragraph per block,
 * line breaks kept, everything escaped, and `link` (when it appears) made a
 * link. Plain on purpose: no images, no tracking, readable in any mail program
 * and by a screen reader.
 */
export function htmlFromText(text: string, { lang, link }: { lang: string; link?: string }): string {
  const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
  const paragraphs = text
    .split(/\n{2,}/)
    .map((block) => {
      let html = escape(block).replace(/\n/g, "<br>\n");
      if (link) html = html.split(escape(link)).join(`<a href="${escape(link)}">${escape(link)}</a>`);
      return `<p>${html}</p>`;
    })
    .join("\n");
  // Arabic reads right to left in the mail too (a web address in it keeps its own direction)
  const dir = lang === "ar" ? ' dir="rtl"' : "";
  return `<!doctype html>\n<html lang="${escape(lang)}"${dir}><head><meta charset="utf-8"></head><body style="font-family: sans-serif; font-size: 16px; line-height: 1.5">\n${paragraphs}\n</body></html>\n`;
}

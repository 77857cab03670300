import { describe, expect, it } from "vitest";
import { htmlFromText } from "@/lib/mail/html";

describe("a mail's HTML part, made from its text", () => {
  const link = "https://fortael.kommune.dk/api/auth/magic-link/verify?token=abc&callbackURL=%2Fda%2Fme";
  const html = htmlFromText(`Hej\n\nTryk på linket:\n${link}\n\nHar du ikke bedt om det, <så> se bort fra det.`, { lang: "da", link });

  it("says the same in paragraphs, in the reader's language", () => {
    expect(html).toContain('<html lang="da">');
    expect(html.match(/<p>/g)).toHaveLength(3);
    expect(html).toContain("Tryk på linket:<br>");
  });

  it("reads right to left in Arabic", () => {
    expect(htmlFromText("مرحبًا", { lang: "ar" })).toContain('<html lang="ar" dir="rtl">');
    expect(htmlFromText("Добрий день", { lang: "uk" })).toContain('<html lang="uk">');
  });

  it("makes the link a link, escaped, and escapes everything else", () => {
    expect(html).toContain(`<a href="${link.replace("&", "&#38;")}">`);
    expect(html).toContain("&#60;så&#62;");
    expect(html).not.toContain("<så>");
  });
});

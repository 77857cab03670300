import { describe, expect, test } from "vitest";
import { extractImages, getDocumentProxy, getMeta } from "unpdf";
import { renderPlanPdf, type PaperPlan } from "@/lib/paper/render";
import { normalise, pdfText } from "@/tests/support/pdf-text";

// A normal plan: five paragraphs of the citizen's own words (about 300 characters each), four
// goals, six agreements, five people and the red thread. It must fit on one A4 page.
const story = [
  "Jeg hedder Inge og er 82 år. Jeg har boet i det samme hus i Åbyhøj i 46 år, og jeg vil gerne blive boende her så længe som muligt. Huset har to etager, og trappen op til soveværelset er blevet svær for mig, især om aftenen, når jeg er træt og mine knæ gør ondt. Jeg bruger stok i huset.",
  "Min mand Poul døde for tre år siden. Siden da har jeg været meget alene, og jeg savner at tale med nogen om hverdagen. Min datter Anne bor i Aalborg og ringer hver søndag. Hun kommer på besøg en gang om måneden, men hun har travlt med sit arbejde og sine egne børn. Jeg vil ikke være en byrde for hende.",
  "Jeg har sukkersyge og tager medicin morgen og aften. Nogle gange glemmer jeg, om jeg har taget pillerne. Jeg har også svært ved at læse den lille skrift på æskerne. Det gør mig urolig, og så ringer jeg til min datter for at spørge, selv om hun heller ikke ved det. Jeg vil gerne have en bedre ordning for det.",
  "Det vigtigste for mig er at kunne klare mig selv i køkkenet og komme ud at handle. Jeg går til brugsen to gange om ugen, men det tager lang tid, og jeg er bange for at falde på fortovet om vinteren, når der er glat. Sidste vinter faldt jeg og slog min hofte. Det må ikke ske igen, for så kan jeg ikke bo her.",
  "Jeg vil gerne fortælle min historie én gang og ikke forklare det hele forfra, hver gang der kommer en ny fra kommunen. Det er trættende, og jeg bliver forvirret af de mange navne. Jeg vil gerne vide, hvem jeg skal ringe til, når noget er galt, og hvornår der kommer nogen. Så kan jeg bedre slappe af om dagen.",
];
const goals = [
  "Jeg kan gå på trappen uden at være bange for at falde",
  "Jeg tager min medicin rigtigt hver dag",
  "Jeg kommer ud og handler selv to gange om ugen",
  "Jeg taler med andre mennesker flere gange om ugen",
];
const agreements = [
  { text: "Træning af ben og balance hjemme", detail: "Fysioterapeut Jonas · fra 2. december" },
  { text: "Doseret medicin fra apoteket", detail: "Sygeplejerske Mette · 10. december" },
  { text: "Gelænder på begge sider af trappen", detail: "Hjælpemiddelcentret · januar 2027" },
  { text: "Hjælp til rengøring hver anden uge", detail: "Hjemmeplejen · fra 1. december" },
  { text: "Besøg af en frivillig besøgsven", detail: "Ældre Sagen · inden jul" },
  { text: "Opfølgning på planen sammen med Inge", detail: "Sagsbehandler Karin · 15. marts 2027" },
];
const people = [
  { text: "Anne Hansen", detail: "Datter · 20 12 34 56" },
  { text: "Karin Østergaard", detail: "Sagsbehandler · 87 13 00 00" },
  { text: "Mette Skov", detail: "Sygeplejerske · 87 13 10 10" },
  { text: "Jonas Bæk", detail: "Fysioterapeut" },
  { text: "Dr. Søren Lund", detail: "Egen læge · 86 15 22 33" },
];
const redThread = [
  "Inge vil blive boende i sit hus i Åbyhøj. Alle aftaler skal gøre hende mere sikker på trappen, med medicinen og ude. Hun vil kun fortælle sin historie én gang.",
];

const normalPlan: PaperPlan = {
  lang: "da",
  title: "Min plan – Inge Hansen",
  heading: "Inge Hansens plan",
  printed: "Udskrevet 29. november 2026",
  sections: [
    { heading: "Med mine egne ord", paragraphs: story },
    { heading: "Den røde tråd", paragraphs: redThread },
    { heading: "Mine mål", items: goals.map((text) => ({ text })) },
    { heading: "Aftaler", items: agreements },
    { heading: "Mit netværk", items: people },
  ],
  footer: "Fortæl det én gang · Aarhus Kommune",
};

const letter: NonNullable<PaperPlan["letter"]> = {
  greeting: "Kære Inge Hansen",
  paragraphs: [
    "Her er din plan, som vi har talt om. Du kan læse den i ro og mag og vise den til dem, du vil.",
    "Hvis noget er forkert, eller hvis du vil ændre noget, så ring til Karin Østergaard på 87 13 00 00.",
  ],
  qr: { url: "https://fortaeldetengang.aarhus.dk/da/sign-in", caption: "Scan koden med din telefon for at se planen på nettet." },
};

/** Every string the plan passes in, in any field. */
function passedStrings(plan: PaperPlan): string[] {
  return [
    plan.heading,
    plan.printed,
    plan.footer,
    ...plan.sections.flatMap((s) => [
      s.heading,
      ...(s.paragraphs ?? []),
      ...(s.items ?? []).flatMap((i) => [i.text, i.detail ?? ""]),
      s.empty ?? "",
    ]),
    ...(plan.letter ? [plan.letter.greeting, ...plan.letter.paragraphs, plan.letter.qr.caption, plan.letter.qr.url] : []),
  ].filter((s) => s !== "");
}

/** The size of every piece of text on every page, in points. */
async function textSizes(buf: Buffer): Promise<number[]> {
  const pdf = await getDocumentProxy(new Uint8Array(buf));
  try {
    const sizes: number[] = [];
    for (let n = 1; n <= pdf.numPages; n++) {
      const { items } = await (await pdf.getPage(n)).getTextContent();
      for (const item of items) if ("transform" in item && item.str.trim()) sizes.push(Math.hypot(item.transform[2], item.transform[3]));
    }
    return sizes;
  } finally {
    await pdf.loadingTask.destroy();
  }
}

/** What is left of the text once every passed string is taken out of it. */
function leftOver(text: string, passed: string[]): string {
  let rest = text;
  for (const s of [...passed].map(normalise).sort((a, b) => b.length - a.length)) rest = rest.split(s).join(" ");
  return normalise(rest);
}

// rendering with embedded TrueType fonts takes seconds on a busy 2-CPU machine: not a speed test (bench/ measures speed)
describe("renderPlanPdf", { timeout: 30_000 }, () => {
  test("a normal plan is one A4 page of PDF with every passed string on it", async () => {
    const started = performance.now();
    const buf = await renderPlanPdf(normalPlan);
    const ms = performance.now() - started;
    console.info(`paper: a normal plan rendered in ${Math.round(ms)} ms`);

    expect(buf.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    const { pages, text } = await pdfText(buf);
    expect(pages).toBe(1);
    for (const s of passedStrings(normalPlan)) expect(text).toContain(normalise(s));
    expect(text).toMatch(/æ.*ø.*å/);
    expect(text).toContain("Østergaard");
  });

  test("the document says its title, language and author", async () => {
    const { info } = await getMeta(new Uint8Array(await renderPlanPdf({ ...normalPlan, lang: "en" })));
    expect(info.Title).toBe(normalPlan.title);
    expect(info.Author).toBe("Tell it once");
    expect(info.Language).toBe("en");
  });

  test("A4, no text below 12 pt, and the body at 14 pt when a plan is short", async () => {
    const buf = await renderPlanPdf(normalPlan);
    const pdf = await getDocumentProxy(new Uint8Array(buf));
    const [, , width, height] = (await pdf.getPage(1)).view;
    await pdf.loadingTask.destroy();
    expect([Math.round(width ?? 0), Math.round(height ?? 0)]).toEqual([595, 842]);
    // the normal plan needs the last, tightest step to stay on one page: still 12 pt
    expect(Math.min(...(await textSizes(buf)))).toBeGreaterThanOrEqual(12);

    const short: PaperPlan = { ...normalPlan, sections: [{ heading: "Mine mål", items: goals.map((text) => ({ text })) }] };
    const sizes = await textSizes(await renderPlanPdf(short));
    expect(sizes.filter((size) => Math.round(size) === 14).length).toBe(goals.length);
  });

  test("a section with nothing in it shows its empty text", async () => {
    const plan: PaperPlan = {
      ...normalPlan,
      sections: [
        { heading: "Aftaler", items: [], empty: "Der er ingen aftaler endnu." },
        { heading: "Mine mål", paragraphs: ["  "], empty: "Du har ikke skrevet nogen mål." },
        { heading: "Mit netværk", items: people, empty: "SENTINEL-EMPTY-NOT-SHOWN" },
      ],
    };
    const { text } = await pdfText(await renderPlanPdf(plan));
    expect(text).toContain("Der er ingen aftaler endnu.");
    expect(text).toContain("Du har ikke skrevet nogen mål.");
    expect(text).toContain("Anne Hansen");
    // a section with content does not also say it is empty
    expect(text).not.toContain("SENTINEL-EMPTY-NOT-SHOWN");
  });

  test("nothing that was not passed appears", async () => {
    const { text } = await pdfText(await renderPlanPdf(normalPlan));
    // the title, the QR caption and a sign-in address exist only as metadata or in the letter
    expect(text).not.toContain(normalPlan.title);
    expect(text).not.toContain(letter.qr.caption);
    expect(text).not.toContain("http");
    expect(text).not.toContain("Tell it once");
    expect(text).not.toMatch(/undefined|null|NaN|\[object/);
    // the text is the passed strings and nothing else
    expect(leftOver(text, passedStrings(normalPlan))).toBe("");
  });

  test("with a letter: greeting, body and QR code come first, then the plan, on at most two pages", async () => {
    const plan = { ...normalPlan, letter };
    const buf = await renderPlanPdf(plan);
    const { pages, text } = await pdfText(buf);
    expect(pages).toBeLessThanOrEqual(2);
    for (const s of passedStrings(plan)) expect(text).toContain(normalise(s));
    expect(leftOver(text, passedStrings(plan))).toBe("");
    expect(text.indexOf(letter.greeting)).toBeLessThan(text.indexOf(normalPlan.heading));
    expect(text.indexOf(normalise(letter.qr.caption))).toBeLessThan(text.indexOf(normalPlan.heading));
    // the sign-in address is in the QR code, and printed whole to be typed: never broken with a hyphen of its own
    expect(text).toContain(letter.qr.url);

    const images = await extractImages(new Uint8Array(buf), 1);
    expect(images).toHaveLength(1);
    const [qr] = images;
    expect(qr?.width).toBe(qr?.height);
    expect(qr?.width).toBeGreaterThanOrEqual(100);
  });

  test("a very long plan flows onto more pages at 12 pt instead of failing", async () => {
    const long: PaperPlan = {
      ...normalPlan,
      sections: [
        { heading: "Med mine egne ord", paragraphs: [...story, ...story, ...story, ...story] },
        {
          heading: "Aftaler",
          items: Array.from({ length: 40 }, (_, i) => ({ text: `Aftale nummer ${i + 1}`, detail: `Hjemmeplejen · ${i + 1}. januar` })),
        },
        { heading: "Et meget langt ord", paragraphs: ["Æ".repeat(400), `${"ø".repeat(50)}\n${"å ".repeat(300)}`] },
      ],
    };
    const buf = await renderPlanPdf(long);
    const { pages, text } = await pdfText(buf);
    // more pages, never smaller type: the shrinking stops at 12 pt
    expect(pages).toBeGreaterThan(1);
    expect(Math.min(...(await textSizes(buf)))).toBeGreaterThanOrEqual(12);
    expect(text).toContain("Aftale nummer 40");
    // a word too long for a line is broken, never cut off at the margin
    expect(text.replace(/[^Æ]/g, "")).toHaveLength(400);
    expect(text).toContain("ø".repeat(50));
    expect(text).toContain(normalPlan.footer);
  });

  // Known limit of the built-in Helvetica (WinAnsi): letters outside it (Ł, Ş, Đ, emoji, CJK)
  // print as wrong glyphs. Danish, German, French letters are fine. A bundled Unicode font fixes it.
  test("characters outside Helvetica's set do not break the render", async () => {
    const buf = await renderPlanPdf({ ...normalPlan, sections: [{ heading: "Łódź 😀 中文", paragraphs: ["Ünïcödé → ✓"] }] });
    expect((await pdfText(buf)).pages).toBe(1);
  });
  test("Ukrainian and Arabic are set in a type that has their letters, Arabic right to left", async () => {
    const ukrainian: PaperPlan = {
      ...normalPlan,
      lang: "uk",
      heading: "План Інни Гнатюк",
      sections: [{ heading: "Моїми словами", paragraphs: ["Мені важливо жити вдома. Ґанок слизький узимку, і я боюся впасти."] }],
      footer: "Розкажіть один раз · Ваш план із муніципалітетом",
    };
    const uk = await renderPlanPdf(ukrainian);
    const ukText = (await pdfText(uk)).text;
    for (const s of passedStrings(ukrainian)) expect(ukText).toContain(normalise(s));
    expect(uk.toString("latin1")).toContain("IBMPlexSans");

    const arabic: PaperPlan = {
      ...normalPlan,
      lang: "ar",
      heading: "خطة إنغه هانسن",
      printed: "طُبعت في ٢٩ نوفمبر ٢٠٢٦",
      sections: [
        { heading: "بكلماتي", paragraphs: ["أريد أن أبقى في بيتي."], items: [{ text: "أمشي إلى البقالة", detail: "Anne Hansen" }] },
      ],
      footer: "أخبِرنا مرة واحدة · خطتك مع البلدية",
      letter: { ...letter, greeting: "عزيزي Inge", paragraphs: ["هذه خطتك على ورق."], qr: { ...letter.qr, caption: "امسح الرمز بهاتف" } },
    };
    const ar = await renderPlanPdf(arabic);
    expect(ar.toString("latin1")).toContain("IBMPlexSansArabic");
    const { info } = await getMeta(new Uint8Array(ar));
    expect(info.Language).toBe("ar");
    // the letters are drawn joined (shaped), so the extracted text is checked for Arabic letters and the
    // left-to-right parts, not letter by letter; the sign-in address stays whole and left to right
    const arText = (await pdfText(ar)).text;
    expect(arText).toMatch(/[\u0600-\u06FF\uFE70-\uFEFF]{3}/);
    expect(arText).toContain("Anne Hansen");
    expect(arText).toContain(letter.qr.url);
    // Danish and English keep the PDF's own Helvetica
    expect((await renderPlanPdf(normalPlan)).toString("latin1")).not.toContain("IBMPlex");
  });
});

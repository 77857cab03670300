import "server-only";
import { createTranslator } from "use-intl/core";
import { localeOf } from "@/lib/notify/texts";
import da from "@/messages/da.json";
import en from "@/messages/en.json";
import ar from "@/messages/ar.json";
import uk from "@/messages/uk.json";

/**
 * The answer of a print: the PDF, never kept by a browser or a proxy (it holds
 * the plan), named without the citizen's name; or a plain, translated refusal.
 */
export function pdfResponse(pdf: Buffer, file: "plan" | "letter"): Response {
  return new Response(new Uint8Array(pdf), {
    headers: {
      "content-type": "application/pdf",
      "content-disposition": `inline; filename="${file}.pdf"`,
      "cache-control": "no-store, private",
    },
  });
}

export function refusal(locale: string, error: "not-found" | "throttled" | "invalid"): Response {
  const l = localeOf(locale);
  const t = createTranslator({ locale: l, messages: { da, en, ar, uk }[l], namespace: "Paper" });
  const status = error === "throttled" ? 429 : 404;
  return new Response(t(error === "throttled" ? "throttled" : "notFound"), {
    status,
    headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" },
  });
}

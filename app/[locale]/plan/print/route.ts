import { z } from "zod";
import { getActor } from "@/lib/auth/actor";
import { planPdf } from "@/lib/paper/plan";
import { pdfResponse, refusal } from "@/lib/paper/respond";
import { routing } from "@/lib/i18n/routing";

const params = z.object({ locale: z.enum(routing.locales) });

/** My plan on one page, as a PDF to print: the signed-in citizen's own (the session names it, never the address). */
export async function GET(_: Request, { params: raw }: { params: Promise<{ locale: string }> }) {
  const parsed = params.safeParse(await raw);
  if (!parsed.success) return refusal("da", "invalid");
  const { locale } = parsed.data;
  const actor = await getActor();
  if (actor.kind !== "user" || !actor.citizenId) return refusal(locale, "not-found");
  const pdf = await planPdf(actor, actor.citizenId, { locale, letter: null });
  return pdf.ok ? pdfResponse(pdf.value, "plan") : refusal(locale, pdf.error === "throttled" ? "throttled" : "not-found");
}

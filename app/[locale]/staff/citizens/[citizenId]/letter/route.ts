import { z } from "zod";
import { getActor } from "@/lib/auth/actor";
import { planPdf } from "@/lib/paper/plan";
import { pdfResponse, refusal } from "@/lib/paper/respond";
import { readOwnProfile } from "@/lib/staff/profile";
import { routing } from "@/lib/i18n/routing";
import { id } from "@/lib/validation/fields";

const params = z.object({ locale: z.enum(routing.locales), citizenId: id });

/**
 * A letter with the plan, for a caseworker to print and give or send to a
 * citizen without digital access: in the citizen's language, what the area
 * may see of the plan, and a QR code to sign in. Read through the gate, so the
 * printing is in the citizen's log.
 */
export async function GET(_: Request, { params: raw }: { params: Promise<{ locale: string; citizenId: string }> }) {
  const parsed = params.safeParse(await raw);
  if (!parsed.success) return refusal("da", "not-found");
  const { locale, citizenId } = parsed.data;
  const actor = await getActor();
  const me = await readOwnProfile(actor);
  if (!me) return refusal(locale, "not-found");
  const pdf = await planPdf(actor, citizenId, { locale, letter: { from: me.name } });
  return pdf.ok ? pdfResponse(pdf.value, "letter") : refusal(locale, pdf.error === "throttled" ? "throttled" : "not-found");
}

/**
 * Professional words ("professional-land") that have everyday alternatives.
 * Only the patterns live here; the word as shown and its alternative are in
 * messages/ (PlainLanguage.glossary.<key>), in Danish and English. The check
 * warns; it never blocks.
 */
export type GlossaryEntry = { key: string; pattern: RegExp };

const w = (key: string, source: string): GlossaryEntry => ({ key, pattern: new RegExp(`(?<![\\p{L}])(?:${source})(?![\\p{L}])`, "giu") });

export const GLOSSARY: readonly GlossaryEntry[] = [
  // Danish
  w("bevilling", "bevill\\p{L}*|bevilg\\p{L}*"),
  w("visitation", "(?:re)?visit(?:ation|ator|ere|eret|eres)\\p{L}*"),
  w("ydelse", "ydelse\\p{L}*"),
  w("praktiskBistand", "praktisk bistand"),
  w("personligPleje", "personlig pleje"),
  w("funktionsevne", "funktionsevne\\p{L}*|funktionsniveau\\p{L}*"),
  w("handleplan", "handleplan\\p{L}*"),
  w("sagsbehandler", "sagsbehandl\\p{L}*"),
  w("partshoering", "partshøring\\p{L}*"),
  w("afgoerelse", "afgørelse\\p{L}*"),
  w("hjemmel", "hjemmel|hjemlet"),
  w("jf", "jf\\.?|jævnfør"),
  w("ihht", "iht\\.?|ihht\\.?|i henhold til"),
  w("rehabilitering", "rehabiliter\\p{L}*"),
  w("kompenserende", "kompenser\\p{L}*"),
  w("forloeb", "forløb\\p{L}*"),
  w("paragraf", "§\\s?\\d+"),
  // English
  w("assessment", "assessments?|assess(?:ed|ing)?"),
  w("entitlement", "entitle(?:ment|ments|d)"),
  w("provision", "provisions?"),
  w("serviceUser", "service users?"),
  w("intervention", "interventions?"),
  w("carePackage", "care packages?"),
  w("inAccordanceWith", "in accordance with|pursuant to"),
];

export type GlossaryHit = { key: string; match: string; index: number };

/** Every professional word in `text`, in order, with where it stands. */
export function glossaryHits(text: string, glossary: readonly GlossaryEntry[] = GLOSSARY): GlossaryHit[] {
  const hits: GlossaryHit[] = [];
  for (const { key, pattern } of glossary) {
    for (const m of text.matchAll(pattern)) hits.push({ key, match: m[0], index: m.index ?? 0 });
  }
  return hits.sort((a, b) => a.index - b.index);
}

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

/** A piece of a text: plain words, or a professional word with the glossary entry that explains it. */
export type GlossarySegment = { text: string; key?: string };

/**
 * `text` cut into pieces that join back into it exactly, each professional word a piece of its own
 * with its key, for the citizen's page to mark and explain (components/plain/Glossed.tsx). Where two
 * entries overlap, the one that starts first wins, and of two that start together the longer.
 */
export function glossarySegments(text: string, glossary: readonly GlossaryEntry[] = GLOSSARY): GlossarySegment[] {
  const hits = glossaryHits(text, glossary).sort((a, b) => a.index - b.index || b.match.length - a.match.length);
  const segments: GlossarySegment[] = [];
  let at = 0;
  for (const hit of hits) {
    if (hit.index < at || hit.match.length === 0) continue;
    if (hit.index > at) segments.push({ text: text.slice(at, hit.index) });
    segments.push({ text: hit.match, key: hit.key });
    at = hit.index + hit.match.length;
  }
  if (at < text.length) segments.push({ text: text.slice(at) });
  return segments;
}

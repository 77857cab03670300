/**
 * Easy-read (issue 16, part 1; docs/decisions/036-easy-read-and-text-size.md): messages/easy/<locale>.json
 * is a partial catalogue with the normal catalogue's key paths, written in short sentences and everyday
 * words. For a citizen who asked for easy-read, it is laid over the normal catalogue: a text with an
 * easy version shows that, every other text stays as it is.
 */
export type Messages = { [key: string]: string | Messages };

/**
 * The normal catalogue with the easy one laid over it. Pure, and neither argument is changed. Only the
 * normal catalogue's paths are taken: a key the normal catalogue lacks (a text that was removed or renamed)
 * is left out, as is an easy text where the normal one is a namespace or the other way round, so the
 * catalogue keeps its shape.
 */
export function withEasyRead(normal: Messages, easy: Messages): Messages {
  const out: Messages = { ...normal };
  for (const [key, value] of Object.entries(easy)) {
    const under = normal[key];
    if (typeof under === "string" && typeof value === "string") out[key] = value;
    else if (under && typeof under === "object" && value && typeof value === "object") out[key] = withEasyRead(under, value);
  }
  return out;
}

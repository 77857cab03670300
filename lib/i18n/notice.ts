/**
 * The outcome of a plain form post comes back as `?notice=<code>`: a code from a
 * fixed list, never words a person wrote. Anything else is no notice.
 */
export async function readNotice<const T extends readonly string[]>(
  searchParams: Promise<Record<string, string | string[] | undefined>>,
  codes: T,
): Promise<T[number] | undefined> {
  const notice = (await searchParams).notice;
  return typeof notice === "string" && (codes as readonly string[]).includes(notice) ? notice : undefined;
}

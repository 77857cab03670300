import "server-only";
import { systemDb } from "@/lib/db/system";
import { asTextSize, textSizeSchema, type TextSize } from "@/lib/reading/text-size";

/**
 * How a signed-in person asked to read (docs/decisions/036-easy-read-and-text-size.md): easy-read, chosen on
 * the citizen's settings and kept on their record, and the text size, kept on their user so it follows them
 * whatever role they come in.
 */
export type Reading = {
  easyRead: boolean;
  textSize: TextSize;
  /**
   * Easy-read is this browser's choice (the header's button, lib/reading/visitor.ts): the person has no plan
   * whose setting decides (a visitor, a relative) and is not at work as a caseworker.
   */
  easyReadInBrowser: boolean;
};

/** A visitor who is not signed in: the normal texts at the normal size, unless they chose easy-read here. */
export const NO_PREFERENCE: Reading = { easyRead: false, textSize: "NORMAL", easyReadInBrowser: true };

/**
 * Whether this user's own plan asks for easy-read. Through the system door, not the gate: it reads only the
 * record of the user it is given, which must be the signed-in person (lib/auth/actor.ts, `getReading`) or
 * the person a notification is for (lib/notify/deliver.ts, to word it as they read), and it reads this one
 * setting, nothing of the record's content; the gate would log nothing for a citizen reading their own profile. One indexed query (Citizen.userId is
 * unique); the choice is written only through the gate (lib/profile/commands.ts).
 */
export async function easyReadFor(userId: string): Promise<boolean> {
  return (await planEasyRead(userId)) ?? false;
}

/** The same, or null when the user has no plan of their own (a relative, a caseworker): then nothing decides it. */
export async function planEasyRead(userId: string): Promise<boolean | null> {
  const citizen = await systemDb().citizen.findUnique({ where: { userId }, select: { plainLanguage: true } });
  return citizen ? citizen.plainLanguage : null;
}

export type SaveTextSize =
  { ok: true; textSize: TextSize } | { ok: false; error: "invalid" } | { ok: false; error: "stale"; current: TextSize };

/**
 * Sets a person's text size. Their own account, not a record: no gate and no log. The form says which size it
 * showed; if the size has changed since (in another window or on another device), nothing is written and the
 * current size comes back, as a stale version does on the citizen's settings.
 */
export async function saveTextSize(userId: string, input: unknown): Promise<SaveTextSize> {
  const parsed = textSizeSchema.safeParse(input);
  if (!parsed.success) return { ok: false, error: "invalid" };
  const { textSize, was } = parsed.data;
  const { count } = await systemDb().user.updateMany({ where: { id: userId, textSize: was }, data: { textSize } });
  if (count === 1) return { ok: true, textSize };
  const row = await systemDb().user.findUnique({ where: { id: userId }, select: { textSize: true } });
  return { ok: false, error: "stale", current: asTextSize(row?.textSize) };
}

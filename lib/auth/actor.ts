import "server-only";
import { cache } from "react";
import { headers } from "next/headers";
import { systemDb } from "@/lib/db/system";
import { ANONYMOUS, type Actor } from "@/lib/record/actor";
import { getSessionCookie } from "better-auth/cookies";
import { auth, COOKIE_PREFIX } from "./server";
import { relationshipActiveWhere } from "@/lib/access/in-force";
import { staffSessionEnds } from "./staff-binding";
import { isMitidAddress } from "@/lib/mitid/enrol";
import { keepSharedSessionAlive } from "./shared-computer";
import { NO_PREFERENCE, planEasyRead, type Reading } from "./reading";
import { asTextSize } from "@/lib/reading/text-size";
import { visitorChoseEasyRead } from "@/lib/reading/visitor";

/**
 * Turns a signed-in user into an Actor: their own record, and the staff powers of this session — only
 * a session made by the staff sign-in carries them (`staffId`), and only for a working day
 * (docs/decisions/020-staff-powers-from-the-staff-sign-in.md).
 */
export async function actorForUser(userId: string, staffId: string | null = null): Promise<Actor> {
  const user = await systemDb().user.findUnique({
    where: { id: userId },
    select: {
      citizen: { select: { id: true } },
      staff: { select: { id: true, municipalityId: true, areas: { select: { serviceAreaId: true } } } },
    },
  });
  if (!user) return ANONYMOUS;
  const staff = staffId && user.staff?.id === staffId ? user.staff : null;
  return {
    kind: "user",
    userId,
    citizenId: user.citizen?.id ?? null,
    staff: staff
      ? { staffId: staff.id, municipalityId: staff.municipalityId, serviceAreaIds: staff.areas.map((a) => a.serviceAreaId) }
      : null,
  };
}

/**
 * The sign-in library's session for these headers. A session ended by another request while this one
 * renewed it (a staff session past its working day is ended by the first request that reads it) makes the
 * library answer 401 "Failed to get session": that is no session, a sign-in page, not a server error.
 * Exported for its test (tests/integration/auth.int.test.ts).
 */
export async function readSession(h: Headers) {
  try {
    return await auth().api.getSession({ headers: h });
  } catch (e) {
    if ((e as { statusCode?: unknown }).statusCode === 401) return null;
    throw e;
  }
}

/** This request's session, once per request; a staff session past its working day is ended here. */
const getSession = cache(async () => {
  const h = await headers();
  const session = await readSession(h);
  if (!session) return null;
  const staffId = (session.session as { staffId?: string | null }).staffId ?? null;
  if (staffId && staffSessionEnds(new Date(session.session.createdAt)) <= new Date()) {
    // the session may have been extended like a citizen's: it still ends with the working day
    await systemDb().session.deleteMany({ where: { id: session.session.id } });
    return null;
  }
  const shared = (session.session as { sharedDevice?: boolean }).sharedDevice === true;
  if (shared) await keepSharedSessionAlive(session.session.id, new Date(session.session.expiresAt), new Date());
  return { userId: session.user.id, staffId, shared, textSize: asTextSize((session.user as { textSize?: unknown }).textSize) };
});

/** Whether this request's session was made on a shared computer (lib/auth/shared-computer.ts). */
export const onSharedComputer = cache(async () => (await getSession())?.shared ?? false);

/**
 * How the person asked to read, once per request (docs/decisions/036-easy-read-and-text-size.md): signed
 * in, the text size comes with the session's user row, easy-read is one indexed query for the person's own
 * plan. A visitor who is not signed in costs no query, not even the sign-in library: the normal size, and
 * easy-read if they chose it in this browser, as a relative without a plan of their own (docs/decisions/041).
 */
export const getReading = cache(async (): Promise<Reading> => {
  const h = await headers();
  const visitor: Reading = { ...NO_PREFERENCE, easyRead: visitorChoseEasyRead(h) };
  if (!getSessionCookie(h, { cookiePrefix: COOKIE_PREFIX })) return visitor;
  const session = await getSession();
  if (!session) return visitor;
  const own = await planEasyRead(session.userId);
  // a citizen's plan decides; a relative without a plan has the browser's choice; a caseworker at work neither
  if (own !== null) return { easyRead: own, textSize: session.textSize, easyReadInBrowser: false };
  if (session.staffId) return { easyRead: false, textSize: session.textSize, easyReadInBrowser: false };
  return { easyRead: visitor.easyRead, textSize: session.textSize, easyReadInBrowser: true };
});

/** The Actor of this request, from the session cookie; once per request. */
export const getActor = cache(async (): Promise<Actor> => {
  const session = await getSession();
  return session ? actorForUser(session.userId, session.staffId) : ANONYMOUS;
});

/** The signed-in user's own account facts (not citizen data), or null. */
export const getAccount = cache(async () => {
  const session = await getSession();
  if (!session) return null;
  const user = await systemDb().user.findUnique({
    where: { id: session.userId },
    select: {
      name: true,
      email: true,
      citizen: { select: { id: true } },
      staff: { select: { id: true, areas: { select: { serviceArea: { select: { key: true, nameDa: true, nameEn: true } } } } } },
      _count: { select: { passkeys: true, relationships: { where: relationshipActiveWhere(new Date()) } } },
    },
  });
  if (!user) return null;
  return {
    id: session.userId,
    name: user.name,
    // a MitID account's address is made up (it has no mailbox): not shown as if it were theirs
    email: isMitidAddress(user.email) ? null : user.email,
    isCitizen: Boolean(user.citizen),
    // areas only for a session the staff sign-in made; a caseworker who came by email link is here as a private person
    staffAreas: user.staff && user.staff.id === session.staffId ? user.staff.areas.map((a) => a.serviceArea) : [],
    staffSignInNeeded: Boolean(user.staff) && user.staff?.id !== session.staffId,
    relativeOf: user._count.relationships,
    passkeys: user._count.passkeys,
  };
});

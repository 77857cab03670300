"use server";

import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { getLocale } from "next-intl/server";
import { APIError } from "better-auth/api";
import { auth, staffSignInConfigured } from "@/lib/auth/server";
import { onSharedComputer } from "@/lib/auth/actor";
import { backQuery, personaSchema, sharedComputerSchema, signInEmailSchema, visitorEasyReadSchema } from "@/lib/auth/schema";
import { visitorEasyReadCookie, visitorEasyReadCookieOptions } from "@/lib/reading/visitor";
import { landingFor, sharedComputerCookie, sharedComputerCookieOptions } from "@/lib/auth/shared-computer";
import { PERSONAS } from "@/lib/demo/personas";
import { newestLinkFor } from "@/lib/demo/outbox";
import { demoStaffSession } from "@/lib/demo/staff-session";
import { demoMode } from "@/lib/env-public";
import type { SignInFormState } from "@/lib/forms/sign-in";
import { fieldErrors } from "@/lib/validation/result";
import { INVITE_COOKIE } from "@/lib/relatives/cookie";

// Not formAction: signing in and out are calls to the auth library, not commands on a record.

/** Sends a sign-in link to the address typed. The page never says whether the address is known. */
export async function requestSignInLink(_: SignInFormState, formData: FormData): Promise<SignInFormState> {
  const parsed = signInEmailSchema.safeParse({ email: formData.get("email") });
  const typed = String(formData.get("email") ?? "").slice(0, 254);
  if (!parsed.success) return { fieldErrors: fieldErrors(parsed.error), email: typed };
  const locale = await getLocale();
  try {
    await auth().api.signInMagicLink({
      body: {
        email: parsed.data.email,
        callbackURL: landingFor(`/${locale}/me`, (await cookies()).get(sharedComputerCookie())?.value === "1"),
        errorCallbackURL: `/${locale}/sign-in`,
      },
      headers: await headers(),
    });
  } catch (e) {
    if (e instanceof APIError && e.statusCode === 429) return { formError: "SignIn.tooMany", email: typed };
    console.error("[sign-in] the link could not be sent:", e instanceof Error ? e.message : "unknown error");
    return { formError: "SignIn.notSent", email: typed };
  }
  redirect(`/${locale}/sign-in/sent`);
}

/**
 * "Do other people use this computer too?": kept in this browser until it closes, so every way in that
 * follows (a link in a mail, MitID, a passkey, the staff sign-in) makes a session for a shared computer.
 */
export async function chooseComputer(formData: FormData) {
  const locale = await getLocale();
  const parsed = sharedComputerSchema.safeParse({ shared: formData.get("shared") });
  if (!parsed.success) redirect(`/${locale}/sign-in?error=choice`);
  const jar = await cookies();
  if (parsed.data.shared === "yes") jar.set(sharedComputerCookie(), "1", sharedComputerCookieOptions());
  // a __Host- cookie is only removed by a Set-Cookie that is Secure and for "/", as it was set
  else jar.set(sharedComputerCookie(), "", { ...sharedComputerCookieOptions(), maxAge: 0 });
  redirect(`/${locale}/sign-in`);
}

/**
 * A visitor's easy-read, on or off (lib/reading/visitor.ts): kept in this browser until it closes or someone
 * signs out here, and back to the page the button was on, now in those words. Someone signed in has their own
 * setting on their plan; for them this changes nothing they see.
 */
export async function chooseVisitorEasyRead(formData: FormData) {
  const locale = await getLocale();
  const parsed = visitorEasyReadSchema.safeParse({
    easy: formData.get("easy"),
    back: formData.get("back"),
    query: formData.get("query") ?? undefined,
  });
  if (!parsed.success) redirect(`/${locale}/sign-in?error=choice`);
  const jar = await cookies();
  const shared = jar.get(sharedComputerCookie())?.value === "1";
  if (parsed.data.easy === "on") jar.set(visitorEasyReadCookie(), "1", visitorEasyReadCookieOptions(shared));
  // a __Host- cookie is only removed by a Set-Cookie that is Secure and for "/", as it was set
  else jar.set(visitorEasyReadCookie(), "", { ...visitorEasyReadCookieOptions(), maxAge: 0 });
  redirect(`/${locale}${parsed.data.back === "/" ? "" : parsed.data.back}${backQuery(parsed.data.query)}`);
}

/** On a shared computer, the page says the person is still here: reading the session moves its end on (decision 032). */
export async function stillHere(): Promise<void> {
  await onSharedComputer();
}

/** Staff sign in through the municipality's identity provider. */
export async function signInAsStaff() {
  const locale = await getLocale();
  if (!staffSignInConfigured()) redirect(`/${locale}/sign-in`);
  const result = await auth().api.signInSocial({
    body: { provider: "staff", callbackURL: `/${locale}/me`, errorCallbackURL: `/${locale}/sign-in?via=staff` },
    headers: await headers(),
  });
  if (!result?.url) redirect(`/${locale}/sign-in?via=staff&error=unavailable`);
  redirect(result.url);
}

/**
 * Demo build only: sign in as one of the made-up people, through a real
 * sign-in link: the link is sent to the demo outbox and used at once, here.
 */
export async function signInAsPersona(formData: FormData) {
  const locale = await getLocale();
  const persona = PERSONAS.find((p) => p.key === personaSchema.safeParse({ persona: formData.get("persona") }).data?.persona);
  if (!demoMode || !persona) redirect(`/${locale}/sign-in`);
  const h = await headers();
  await auth().api.signInMagicLink({ body: { email: persona.email }, headers: h });
  const link = await newestLinkFor(persona.email);
  const token = link ? new URL(link).searchParams.get("token") : null;
  if (!token) redirect(`/${locale}/sign-in?error=unavailable`);
  // without a callbackURL the verify answers with the session, and nextCookies() sets the cookie
  const signedIn = await auth().api.magicLinkVerify({ query: { token }, headers: h });
  // the picker stands in for every way in, the staff sign-in among them
  await demoStaffSession(signedIn.token);
  redirect(`/${locale}/me`);
}

/** Whatever a signed-in person leaves in this browser goes with them: the session, an invite link waiting to be accepted. */
async function forgetThisBrowser() {
  const jar = await cookies();
  jar.delete(INVITE_COOKIE);
  // a visitor's easy-read is forgotten too: the next person here starts from the normal words
  jar.set(visitorEasyReadCookie(), "", { ...visitorEasyReadCookieOptions(), maxAge: 0 });
}

export async function signOut() {
  const locale = await getLocale();
  await auth().api.signOut({ headers: await headers() });
  await forgetThisBrowser();
  redirect(`/${locale}`);
}

/** Ends every session of this user, on every device. */
export async function signOutEverywhere() {
  const locale = await getLocale();
  const h = await headers();
  // a session already gone has nothing to revoke; this browser is still to be cleared
  await auth()
    .api.revokeSessions({ headers: h })
    .catch(() => undefined);
  await auth()
    .api.signOut({ headers: h })
    .catch(() => undefined);
  await forgetThisBrowser();
  redirect(`/${locale}`);
}

import "server-only";
import { cookies } from "next/headers";
import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import { z } from "zod";
import { routing } from "@/lib/i18n/routing";
import { auth } from "@/lib/auth/server";
import { env } from "@/lib/env";
import { INVITE_COOKIE } from "@/lib/relatives/cookie";
import { choseSharedComputer } from "@/lib/auth/shared-computer";
import { mitidWay, type Pending } from "./config";
import { enrol, NotSetUp, type Destination } from "./enrol";
import type { Mapped } from "./identity";
import { oidcCallback, oidcRefused, oidcSignInUrl } from "./oidc";
import { REQUEST_MINUTES } from "./requests";
import { clientKey } from "@/lib/security/client";
import { recordFailure } from "@/lib/security/attempts";
import { samlResponse, samlSignInUrl } from "./saml";

/**
 * The MitID sign-in from start to session, for the thin routes under app/api/mitid/. Every refusal
 * ends on the sign-in page with a plain message (`?via=mitid&error=…`); no address carries anything
 * about the person.
 */
const startQuery = z.object({ locale: z.enum(routing.locales).catch(routing.defaultLocale) });
const oidcAnswer = z.object({ state: z.string().min(1).max(512), code: z.string().min(1).max(4096), iss: z.url().max(2048).optional() });
const samlForm = z.object({ SAMLResponse: z.string().min(1).max(1_000_000), RelayState: z.string().max(80).optional() });

type Redirect = { location: string; setCookies: string[] };
const at = (path: string) => `${env().APP_URL.replace(/\/$/, "")}${path}`;
const refused = (locale: string, error: string): Redirect => ({
  location: at(`/${locale}/sign-in?via=mitid&error=${error}`),
  setCookies: [],
});

/**
 * The browser that began a sign-in holds a random value in this cookie; the request keeps its hash. Only that
 * browser can finish the sign-in, so nobody can push their own MitID sign-in into someone else's browser
 * (login CSRF). SameSite=None: NemLog-in answers by a cross-site POST, which a Lax cookie would not come with.
 */
const BROWSER_COOKIE = "tio_mitid";
const hashOf = (value: string) => createHash("sha256").update(value).digest("base64url");
const browserCookie = (value: string, maxAge: number) =>
  `${BROWSER_COOKIE}=${value}; Path=/api/mitid; HttpOnly; Secure; SameSite=None; Max-Age=${maxAge}`;

function sameBrowser(pending: Pending, headers: Headers): boolean {
  const held = /(?:^|;\s*)tio_mitid=([A-Za-z0-9_-]{20,100})/.exec(headers.get("cookie") ?? "")?.[1];
  if (!held) return false;
  const a = Buffer.from(hashOf(held));
  const b = Buffer.from(pending.browser);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Sign-ins one client may begin per ten minutes, when clients can be told apart (TRUSTED_PROXY_IP_HEADER). */
export const MITID_STARTS_PER_WINDOW = 30;

/** Where "Log ind med MitID" goes: NemLog-in or the broker, with a request we keep. */
export async function startMitid(query: URLSearchParams, headers: Headers): Promise<Redirect> {
  const { locale } = startQuery.parse(Object.fromEntries(query));
  const way = mitidWay();
  if (!way) return refused(locale, "unavailable");
  // per client only: one limit shared by everyone would let anyone lock every citizen out of MitID
  if (env().TRUSTED_PROXY_IP_HEADER) {
    const limit = { key: `mitid-start:${clientKey(headers)}`, max: MITID_STARTS_PER_WINDOW, windowSeconds: 600 };
    if ((await recordFailure(limit)) > limit.max) return refused(locale, "busy");
  }
  const browser = randomBytes(24).toString("base64url");
  // asked now, while the invite link's and the shared computer's cookies are here: NemLog-in answers by a
  // cross-site post that carries no cookies
  const pending: Pending = {
    locale,
    invite: (await cookies()).has(INVITE_COOKIE),
    browser: hashOf(browser),
    shared: choseSharedComputer(headers),
  };
  try {
    const location = way === "saml" ? await samlSignInUrl(pending) : await oidcSignInUrl(pending);
    return { location, setCookies: [browserCookie(browser, REQUEST_MINUTES * 60)] };
  } catch (error) {
    console.warn(`[mitid] the sign-in could not begin: ${(error as Error).message.slice(0, 120)}`);
    return refused(locale, "unavailable");
  }
}

/** The most a SAML response may weigh; NemLog-in's are a few tens of kilobytes. */
export const SAML_FORM_LIMIT = 1_000_000;

/** NemLog-in's answer, posted to our assertion consumer service. */
export async function finishSaml(form: FormData, headers: Headers): Promise<Redirect> {
  const parsed = samlForm.safeParse(Object.fromEntries(form));
  if (!parsed.success || mitidWay() !== "saml") return refused("da", "invalid");
  const { mapped, pending } = await samlResponse(parsed.data);
  return finish(mapped, pending, headers);
}

/** The broker's answer at our callback. */
export async function finishOidc(query: URLSearchParams, headers: Headers): Promise<Redirect> {
  if (mitidWay() !== "oidc") return refused("da", "invalid");
  // the broker said no: "cancelled" only when the person stopped it themselves
  if (query.has("error"))
    return refused(await oidcRefused(query.get("state")), query.get("error") === "access_denied" ? "cancelled" : "invalid");
  if (!oidcAnswer.safeParse(Object.fromEntries(query)).success) return refused("da", "invalid");
  const { mapped, pending } = await oidcCallback(query);
  return finish(mapped, pending, headers);
}

const PLACES: Record<Destination, string> = { "first-visit": "plan/start", plan: "plan", me: "me" };

async function finish(mapped: Mapped, pending: Pending | null, headers: Headers): Promise<Redirect> {
  const locale = pending?.locale ?? "da";
  const forget = browserCookie("", 0);
  if (pending && !sameBrowser(pending, headers)) {
    console.warn("[mitid] a sign-in was finished in another browser than the one that began it");
    return { ...refused(locale, "invalid"), setCookies: [forget] };
  }
  if (!mapped.ok || !pending) return { ...refused(locale, mapped.ok ? "invalid" : mapped.refusal), setCookies: [forget] };
  let result: Awaited<ReturnType<typeof enrol>>;
  try {
    result = await enrol(mapped.identity, { invite: pending.invite });
  } catch (error) {
    if (error instanceof NotSetUp) return refused(locale, "unavailable");
    // the same person twice at the same moment: one sign-in made the account, this one may simply try again
    console.warn(`[mitid] enrolment failed: ${(error as Error).name}`);
    return refused(locale, "invalid");
  }
  const { headers: made } = await auth().api.mitidSession({
    body: { userId: result.userId, sharedComputer: pending.shared },
    headers,
    returnHeaders: true,
  });
  return { location: at(`/${locale}/${PLACES[result.destination]}`), setCookies: [...made.getSetCookie(), forget] };
}

/** The redirect a route answers with: 303, so the browser follows with a GET, and the session cookie on it. */
export function redirectResponse({ location, setCookies }: Redirect): Response {
  const headers = new Headers({ Location: location, "Cache-Control": "no-store" });
  for (const cookie of setCookies) headers.append("Set-Cookie", cookie);
  return new Response(null, { status: 303, headers });
}

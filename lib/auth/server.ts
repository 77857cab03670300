import "server-only";
import { betterAuth } from "better-auth";
import { prismaAdapter } from "better-auth/adapters/prisma";
import { magicLink } from "better-auth/plugins/magic-link";
import { genericOAuth } from "better-auth/plugins/generic-oauth";
import { nextCookies } from "better-auth/next-js";
import { passkey } from "@better-auth/passkey";
import { systemDb } from "@/lib/db/system";
import { env } from "@/lib/env";
import { sendMail } from "@/lib/mail/send";
import { signInMail } from "./sign-in-mail";
import { mitidSessions } from "@/lib/mitid/session";
import { isMitidAddress } from "@/lib/mitid/enrol";
import { APIError, createAuthMiddleware, getSessionFromCtx } from "better-auth/api";
import { setSessionCookie } from "better-auth/cookies";
import { overSignInLimit } from "@/lib/security/sign-in-limits";
import { rateLimitStorage } from "@/lib/security/auth-rate-limit";
import { heldToWorkingDay, STAFF_PROVIDER, staffForSignIn, staffSessionEnds } from "./staff-binding";
import { choseSharedComputer, landsShared, sharedSessionEnds } from "./shared-computer";

/** The start of the sign-in library's cookie names: the session's is `tio.session_token` (`__Secure-` on https). */
export const COOKIE_PREFIX = "tio";

/** The passkey library's paths that make a new passkey for the signed-in person. */
const PASSKEY_MAKING = new Set(["/passkey/generate-register-options", "/passkey/verify-registration"]);

/**
 * Sign-in (better-auth): citizens and relatives by a link in their mail (single
 * use, 10 minutes, stored hashed) and passkeys; staff through the municipality's
 * identity provider (OIDC). Sessions are rows in PostgreSQL; sign-out deletes
 * the row. Rate limits are kept in PostgreSQL too. docs/decisions/009-sign-in.md
 */
function createAuth() {
  const e = env();
  const secure = e.APP_URL.startsWith("https://");
  const oidc = e.STAFF_OIDC_ISSUER
    ? [
        genericOAuth({
          config: [
            {
              providerId: STAFF_PROVIDER,
              clientId: e.STAFF_OIDC_CLIENT_ID!,
              clientSecret: e.STAFF_OIDC_CLIENT_SECRET,
              scopes: ["openid", "email", "profile"],
              pkce: true,
              // Discovery supplies the signing keys for ID tokens; explicit endpoints, when
              // given, keep staff sign-in working when discovery fails at start.
              discoveryUrl: `${e.STAFF_OIDC_ISSUER.replace(/\/$/, "")}/.well-known/openid-configuration`,
              authorizationUrl: e.STAFF_OIDC_AUTHORIZATION_URL,
              tokenUrl: e.STAFF_OIDC_TOKEN_URL,
              userInfoUrl: e.STAFF_OIDC_USERINFO_URL,
            },
          ],
        }),
      ]
    : [];

  return betterAuth({
    baseURL: e.APP_URL,
    secret: e.AUTH_SECRET,
    database: prismaAdapter(systemDb(), { provider: "postgresql" }),
    telemetry: { enabled: false },
    // a person's name is what MitID or the staff provider said, or what they typed at sign-up: never renamed
    // afterwards, since others are shown it (who joined through an invite link; issue 15 takes the audit trail)
    disabledPaths: ["/update-user"],
    user: {
      additionalFields: {
        // the person's text size (decision 036): read with the session at no extra query; set only by
        // lib/auth/reading.ts, never from a sign-up's request body
        textSize: { type: "string", required: false, input: false, defaultValue: "NORMAL" },
      },
    },
    session: {
      expiresIn: 60 * 60 * 24 * 7,
      updateAge: 60 * 60 * 24,
      // the staff powers a session carries: set below, only by the staff sign-in; never from a request body
      additionalFields: {
        staffId: { type: "string", required: false, input: false },
        // signed in on a shared computer (lib/auth/shared-computer.ts): set below, from the choice made before signing in
        sharedDevice: { type: "boolean", required: false, input: false, defaultValue: false },
      },
    },
    // an account is the identity that made it (an address that opened a link, a passkey, the provider's
    // subject); one is never joined to another because an email matches (decision 020)
    account: { accountLinking: { enabled: false } },
    databaseHooks: {
      session: {
        create: {
          before: async (session, ctx) => {
            const byStaffSignIn = ctx?.path === "/callback/:id" && ctx.params?.id === STAFF_PROVIDER;
            const staffId = byStaffSignIn ? await staffForSignIn(session.userId) : null;
            // no address or browser kept with a session: nothing reads them, and they are personal data
            const kept = { ...session, ipAddress: null, userAgent: null };
            const now = new Date();
            // MitID's sign-in brings the choice in the session itself (lib/mitid/session.ts): its answer carries no cookie
            // a sign-in link asked for on a shared computer says so itself (opened in another browser there, it still holds)
            const shared =
              (session as { sharedDevice?: boolean }).sharedDevice === true ||
              choseSharedComputer(ctx?.headers ?? ctx?.request?.headers) ||
              (ctx?.path === "/magic-link/verify" && landsShared(ctx.query?.callbackURL));
            const ends = [
              new Date(session.expiresAt),
              // a working day, not a week: the provider decides again tomorrow whether this person still works here
              ...(staffId ? [staffSessionEnds(now)] : []),
              // on a shared computer: until nobody has used it for a while (lib/auth/actor.ts moves it on with use)
              ...(shared ? [sharedSessionEnds(now)] : []),
            ];
            const expiresAt = new Date(Math.min(...ends.map((d) => d.getTime())));
            return { data: { ...kept, staffId, sharedDevice: shared, expiresAt } };
          },
        },
        update: {
          // the library extends a session as it is used; a staff session still ends with its working day
          before: async (data, ctx) => {
            if (!data.expiresAt || !ctx) return;
            const token = await ctx.getSignedCookie(ctx.context.authCookies.sessionToken.name, ctx.context.secret);
            if (!token) return;
            return { data: { ...data, expiresAt: await heldToWorkingDay(token, new Date(data.expiresAt)) } };
          },
        },
      },
    },
    hooks: {
      // a passkey made on a shared computer would stay there and let the next person in: refused on every path
      before: createAuthMiddleware(async (ctx) => {
        if (!PASSKEY_MAKING.has(ctx.path)) return;
        const made = await getSessionFromCtx(ctx);
        if ((made?.session as { sharedDevice?: boolean } | undefined)?.sharedDevice)
          throw new APIError("FORBIDDEN", { message: "No passkey on a shared computer" });
      }),
      // every way in ends here with a new session: on a shared computer its cookie has no expiry date (closing
      // the browser ends it), and the library's "don't remember me" mark stops it extending the session by a week
      after: createAuthMiddleware(async (ctx) => {
        const made = ctx.context.newSession;
        if (made && (made.session as { sharedDevice?: boolean }).sharedDevice) await setSessionCookie(ctx, made, true);
      }),
    },
    rateLimit: {
      // per client, so only when clients can be told apart (the trusted proxy's header): without it, one
      // shared limit would let anyone lock every citizen out of sign-in
      enabled: Boolean(e.TRUSTED_PROXY_IP_HEADER),
      // counted in our own attempt windows, under a keyed hash of the library's key (which holds the client's
      // address): no address is stored, and the count is one atomic step
      customStorage: rateLimitStorage,
      window: 60,
      max: 100,
      // sending a link and opening one: the same limit per client (AUTH_MAGIC_LINK_PER_MINUTE)
      customRules: {
        "/sign-in/magic-link": { window: 60, max: e.AUTH_MAGIC_LINK_PER_MINUTE },
        "/magic-link/verify": { window: 60, max: e.AUTH_MAGIC_LINK_PER_MINUTE },
      },
    },
    advanced: {
      cookiePrefix: COOKIE_PREFIX,
      useSecureCookies: secure,
      defaultCookieAttributes: { httpOnly: true, sameSite: "lax", secure },
      // the client's address only from the header a trusted proxy sets; otherwise none (shared limits)
      ipAddress: { ipAddressHeaders: e.TRUSTED_PROXY_IP_HEADER ? [e.TRUSTED_PROXY_IP_HEADER.toLowerCase()] : [] },
    },
    plugins: [
      magicLink({
        expiresIn: 600,
        storeToken: "hashed",
        rateLimit: { window: 60, max: e.AUTH_MAGIC_LINK_PER_MINUTE },
        // every way of asking for a link comes here: the limits hold on all of them (lib/security/sign-in-limits.ts)
        sendMagicLink: async ({ email, url }, ctx) => {
          // a MitID account's made-up address has no mailbox, and must never become a way into that account
          if (isMitidAddress(email)) throw new APIError("BAD_REQUEST", { message: "Not an address that receives mail" });
          if (await overSignInLimit(email, ctx?.headers ?? ctx?.request?.headers ?? new Headers()))
            throw new APIError("TOO_MANY_REQUESTS", { message: "Too many sign-in links; try again later" });
          await sendMail(await signInMail(email, url));
        },
      }),
      passkey({ rpID: new URL(e.APP_URL).hostname, rpName: "Fortæl det én gang", origin: new URL(e.APP_URL).origin }),
      ...oidc,
      mitidSessions(),
      nextCookies(), // last: lets server actions set the session cookie
    ],
  });
}

type Auth = ReturnType<typeof createAuth>;
const shared = globalThis as unknown as { __auth?: Auth };

/** The sign-in library, configured once per server process. */
export function auth(): Auth {
  shared.__auth ??= createAuth();
  return shared.__auth;
}

export const staffSignInConfigured = () => Boolean(env().STAFF_OIDC_ISSUER);

import "server-only";
import * as client from "openid-client";
import { env } from "@/lib/env";
import { mitidUrls, pendingOf, requiredLevel, type Pending } from "./config";
import { fromOidcClaims, type Mapped } from "./identity";
import { saveRequest, stateKey, takeRequest } from "./requests";

/**
 * MitID through a broker or identity bridge over OpenID Connect (openid-client): the authorization code
 * flow with PKCE, state and nonce kept in PostgreSQL for ten minutes and used once, the ID token's
 * signature, issuer, audience and nonce checked by the library, the level asked for and checked again.
 */
type Kept = Pending & { codeVerifier: string; nonce: string };

const LOOPBACK_HTTP = /^http:\/\/(localhost|127\.0\.0\.1|\[::1\])(:\d+)?(\/|$)/;

const shared = globalThis as unknown as { __mitidOidc?: Promise<client.Configuration> };

/** The broker's configuration, by discovery, once per process (again after a failure). */
function configuration(): Promise<client.Configuration> {
  const e = env();
  shared.__mitidOidc ??= client
    .discovery(new URL(e.MITID_OIDC_ISSUER!), e.MITID_OIDC_CLIENT_ID!, e.MITID_OIDC_CLIENT_SECRET!, undefined, {
      // plain http only for a provider on this machine (the tests'); a real broker is https
      // the ID token's signature checked against the broker's published keys, not only trusted for coming over TLS
      execute: [client.enableNonRepudiationChecks, ...(LOOPBACK_HTTP.test(e.MITID_OIDC_ISSUER!) ? [client.allowInsecureRequests] : [])],
    })
    .catch((error) => {
      shared.__mitidOidc = undefined;
      throw error;
    });
  return shared.__mitidOidc;
}

/** Where to send the person: the broker's sign-in, asking for the required level. */
export async function oidcSignInUrl(pending: Pending): Promise<string> {
  const config = await configuration();
  const codeVerifier = client.randomPKCECodeVerifier();
  const state = client.randomState();
  const nonce = client.randomNonce();
  await saveRequest(stateKey(state), { ...pending, codeVerifier, nonce } satisfies Kept);
  return client
    .buildAuthorizationUrl(config, {
      redirect_uri: mitidUrls().oidcCallback,
      scope: env().MITID_OIDC_SCOPES,
      code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
      code_challenge_method: "S256",
      state,
      nonce,
      acr_values: env().MITID_OIDC_ACR_VALUES ?? `https://data.gov.dk/concept/core/nsis/loa/${requiredLevel()}`,
    })
    .toString();
}

/** The language a sign-in the broker refused began in, taking the request so it cannot be used again. */
export async function oidcRefused(state: string | null): Promise<Pending["locale"]> {
  return (state ? await takeRequest<Kept>(stateKey(state)) : null)?.locale ?? "da";
}

/** The broker's answer at our callback: checked, used once, and mapped. Nothing about the person is logged. */
export async function oidcCallback(query: URLSearchParams): Promise<{ mapped: Mapped; pending: Pending | null }> {
  const state = query.get("state");
  const pending = state ? await takeRequest<Kept>(stateKey(state)) : null;
  if (!pending || !state) {
    console.warn("[mitid] an OpenID Connect callback answered no sign-in of ours, or one already answered");
    return { mapped: { ok: false, refusal: "invalid" }, pending: null };
  }
  try {
    const config = await configuration();
    // the address the broker sent the person to, as we registered it (not as a proxy may have rewritten it)
    const current = new URL(`${mitidUrls().oidcCallback}?${query.toString()}`);
    const tokens = await client.authorizationCodeGrant(config, current, {
      pkceCodeVerifier: pending.codeVerifier,
      expectedState: state,
      expectedNonce: pending.nonce,
      idTokenExpected: true,
    });
    const idClaims = tokens.claims()!;
    // brokers put the CPR number and level in the ID token or in user info: both are read, the ID token wins
    const info = await client.fetchUserInfo(config, tokens.access_token, idClaims.sub).catch(() => ({}));
    const e = env();
    const mapped = fromOidcClaims(
      { ...info, ...idClaims },
      { cpr: e.MITID_OIDC_CPR_CLAIM, level: e.MITID_OIDC_LEVEL_CLAIM },
      requiredLevel(),
    );
    return { mapped, pending: pendingOf(pending) };
  } catch (error) {
    console.warn(`[mitid] an OpenID Connect sign-in was refused: ${(error as Error).message.slice(0, 120)}`);
    return {
      mapped: { ok: false, refusal: "invalid" },
      pending: pendingOf(pending),
    };
  }
}

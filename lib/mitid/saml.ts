import "server-only";
import { randomBytes } from "node:crypto";
import { SAML, ValidateInResponseTo, type CacheProvider } from "@node-saml/node-saml";
import { env } from "@/lib/env";
import { mitidUrls, pendingOf, requiredLevel, type Pending } from "./config";
import { fromSamlProfile, type Mapped } from "./identity";
import { readRequest, REQUEST_MINUTES, samlKey, saveRequest, takeRequest } from "./requests";

/**
 * NemLog-in over SAML 2.0 (OIOSAML 3) with @node-saml/node-saml: signed authentication requests
 * (HTTP-Redirect), signed (and, when NemLog-in encrypts them, decrypted) assertions, the audience and
 * the time window checked, and the request each response answers taken once from PostgreSQL.
 */
type Kept = Pending & { instant: string };

function samlFor(pending: Pending | null, id?: string) {
  const e = env();
  const urls = mitidUrls();
  // node-saml's cache of requests under way, kept in PostgreSQL so every app server knows them; the one use
  // is enforced after validation (takeRequest), since the library looks a request up more than once
  const cache: CacheProvider = {
    async saveAsync(key, instant) {
      const createdAt = await saveRequest(samlKey(key), { ...pending, instant } satisfies Partial<Kept>);
      return { value: instant, createdAt: createdAt.getTime() };
    },
    async getAsync(key) {
      return (await readRequest<Kept>(samlKey(key)))?.instant ?? null;
    },
    async removeAsync(key) {
      return key;
    },
  };
  return new SAML({
    entryPoint: e.MITID_SAML_ENTRY_POINT!,
    idpCert: e.MITID_SAML_IDP_CERT!,
    idpIssuer: e.MITID_SAML_IDP_ISSUER,
    issuer: urls.samlEntityId,
    audience: urls.samlEntityId,
    callbackUrl: urls.samlAcs,
    privateKey: e.MITID_SAML_SP_KEY!,
    publicCert: e.MITID_SAML_SP_CERT,
    decryptionPvk: e.MITID_SAML_DECRYPTION_KEY ?? e.MITID_SAML_SP_KEY,
    signatureAlgorithm: "sha256",
    digestAlgorithm: "sha256",
    identifierFormat: "urn:oasis:names:tc:SAML:2.0:nameid-format:persistent",
    authnContext: [`https://data.gov.dk/concept/core/nsis/loa/${requiredLevel()}`],
    racComparison: "minimum",
    wantAssertionsSigned: true,
    wantAuthnResponseSigned: false,
    validateInResponseTo: ValidateInResponseTo.always,
    requestIdExpirationPeriodMs: REQUEST_MINUTES * 60_000,
    acceptedClockSkewMs: 60_000,
    maxAssertionAgeMs: REQUEST_MINUTES * 60_000,
    cacheProvider: cache,
    generateUniqueId: () => id ?? `_${randomBytes(20).toString("hex")}`,
  });
}

/** Where to send the person: NemLog-in's sign-in, with a signed request we keep for ten minutes. */
export async function samlSignInUrl(pending: Pending): Promise<string> {
  return samlFor(pending).getAuthorizeUrlAsync("", undefined, {});
}

/** The posted response, checked, answered once, and mapped; anything wrong is one plain refusal, and nothing is logged but its kind. */
export async function samlResponse(form: { SAMLResponse: string }): Promise<{ mapped: Mapped; pending: Pending | null }> {
  const e = env();
  let profile: Record<string, unknown>;
  try {
    const result = await samlFor(null).validatePostResponseAsync({ SAMLResponse: form.SAMLResponse });
    if (!result.profile) return { mapped: { ok: false, refusal: "invalid" }, pending: null };
    profile = result.profile as unknown as Record<string, unknown>;
  } catch (error) {
    // the library's message names what failed (signature, audience, time, InResponseTo), never the person
    console.warn(`[mitid] a SAML response was refused: ${(error as Error).message.slice(0, 120)}`);
    return { mapped: { ok: false, refusal: "invalid" }, pending: null };
  }
  // node-saml checks neither a login response's issuer nor that the signed assertion names the request the
  // (unsigned) response says it answers: both are checked here
  if (e.MITID_SAML_IDP_ISSUER && profile.issuer !== e.MITID_SAML_IDP_ISSUER) {
    console.warn("[mitid] a SAML response came from another issuer than NemLog-in");
    return { mapped: { ok: false, refusal: "invalid" }, pending: null };
  }
  const answers = signedInResponseTo(profile);
  const pending = answers && answers === profile.inResponseTo ? await takeRequest<Kept>(samlKey(answers)) : null;
  if (!pending) {
    console.warn("[mitid] a SAML response answered a request already answered, or none of ours");
    return { mapped: { ok: false, refusal: "invalid" }, pending: null };
  }
  const mapped = fromSamlProfile(profile, { cpr: e.MITID_SAML_CPR_ATTRIBUTE, level: e.MITID_SAML_LEVEL_ATTRIBUTE }, requiredLevel());
  return { mapped, pending: pendingOf(pending) };
}

/** The request the signed assertion itself says it answers (SubjectConfirmationData/@InResponseTo), or null. */
function signedInResponseTo(profile: Record<string, unknown>): string | null {
  try {
    type Node = Record<string, unknown> & { $?: Record<string, string> };
    const assertion = (profile.getAssertion as () => { Assertion?: Node })().Assertion;
    const list = (node: unknown, name: string) => ((node as Node | undefined)?.[name] as Node[] | undefined) ?? [];
    const data = list(list(list(assertion, "Subject")[0], "SubjectConfirmation")[0], "SubjectConfirmationData")[0];
    return data?.$?.InResponseTo ?? null;
  } catch {
    return null;
  }
}

/** Our metadata, for registering this service with NemLog-in: the signing and encryption certificate, the ACS address. */
export function samlMetadata(): string {
  const cert = env().MITID_SAML_SP_CERT!;
  return samlFor(null).generateServiceProviderMetadata(cert, cert);
}

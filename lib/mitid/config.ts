import "server-only";
import type { Locale } from "@/lib/i18n/routing";
import { env } from "@/lib/env";
import type { Level } from "./identity";

/** Which way MitID comes in this installation, from the settings: NemLog-in (SAML), a broker (OIDC), or none. */
export function mitidWay(): "saml" | "oidc" | null {
  const e = env();
  if (e.MITID_SAML_ENTRY_POINT) return "saml";
  if (e.MITID_OIDC_ISSUER) return "oidc";
  return null;
}

export const requiredLevel = (): Level => env().MITID_REQUIRED_LEVEL;

const origin = () => env().APP_URL.replace(/\/$/, "");

/** Our addresses, as NemLog-in or the broker must be told them (docs/operations.md). */
export const mitidUrls = () => ({
  samlEntityId: `${origin()}/api/mitid/saml/metadata`,
  samlAcs: `${origin()}/api/mitid/saml/acs`,
  oidcCallback: `${origin()}/api/mitid/oidc/callback`,
});

/**
 * Where a sign-in under way goes afterwards, whether an invite link was waiting when it began, and the
 * hash of the random value this browser holds in a cookie: only the browser that began a sign-in can finish it.
 */
export type Pending = { locale: Locale; invite: boolean; browser: string; shared: boolean };
/** The sign-in's own facts from a kept request, without the protocol's (a request kept before `shared` existed: not shared). */
export const pendingOf = (kept: Pending): Pending => ({
  locale: kept.locale,
  invite: kept.invite,
  browser: kept.browser,
  shared: kept.shared === true,
});

/** The provider id of the municipality's identity provider for staff (better-auth's generic OAuth). */
export const STAFF_PROVIDER = "staff";

/** The issuer the demo's made-up staff are bound to when no staff identity provider is configured. */
export const DEMO_STAFF_ISSUER = "https://login.demo.solbjerg.dk";

/** The issuer staff are bound to: the configured identity provider (STAFF_OIDC_ISSUER), without a trailing slash. */
export function staffIssuerFrom(configured: string | undefined): string {
  return (configured ?? DEMO_STAFF_ISSUER).replace(/\/$/, "");
}

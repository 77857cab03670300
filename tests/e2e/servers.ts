import { embeddedUrls } from "../../scripts/embedded-db.mjs";
/** The servers the browser tests run against (playwright.config.ts starts them). */
export const DEMO_PORT = Number(process.env.E2E_PORT ?? 3200);
export const PROD_PORT = DEMO_PORT + 1;
/** A second production build server, with MitID through a broker (OpenID Connect) instead of NemLog-in (SAML). */
export const PROD_BROKER_PORT = DEMO_PORT + 2;
export const OIDC_PORT = Number(process.env.E2E_OIDC_PORT ?? 3300);
/** The demo build: demo outbox and persona picker. Most tests use it. */
export const DEMO_URL = `http://localhost:${DEMO_PORT}`;
/** The production build: no demo anything. */
export const PROD_URL = `http://localhost:${PROD_PORT}`;
export const OIDC_URL = `http://127.0.0.1:${OIDC_PORT}`;
export const PROD_BROKER_URL = `http://localhost:${PROD_BROKER_PORT}`;
/** The local SAML identity provider standing in for NemLog-in (tests/saml/idp.mjs). */
export const SAML_IDP_PORT = Number(process.env.E2E_SAML_IDP_PORT ?? 3400);
export const SAML_IDP_URL = `http://127.0.0.1:${SAML_IDP_PORT}`;
/** The production build's MitID settings: NemLog-in (SAML), with the test keys. */
export const MITID_SAML_ENV = {
  MITID_SAML_ENTRY_POINT: `${SAML_IDP_URL}/sso`,
  MITID_SAML_IDP_ISSUER: `${SAML_IDP_URL}/saml/metadata`,
  MITID_SAML_IDP_CERT: "tests/saml/keys/idp-cert.pem",
  MITID_SAML_SP_KEY: "tests/saml/keys/sp-key.pem",
  MITID_SAML_SP_CERT: "tests/saml/keys/sp-cert.pem",
};
/** The second production server's MitID settings: a broker over OpenID Connect (the local OIDC provider's MitID client). */
export const MITID_OIDC_ENV = {
  MITID_OIDC_ISSUER: OIDC_URL,
  MITID_OIDC_CLIENT_ID: "tell-it-once-mitid",
  MITID_OIDC_CLIENT_SECRET: "tell-it-once-mitid-secret",
  MITID_OIDC_SCOPES: "openid profile mitid",
  MITID_OIDC_LEVEL_CLAIM: "loa",
};
/** The local push service (tests/push/server.mjs): web push is delivered to it and decrypted there. */
export const PUSH_PORT = Number(process.env.E2E_PUSH_PORT ?? 3350);
export const PUSH_URL = `http://127.0.0.1:${PUSH_PORT}`;
/** A real SMTP server on this machine (tests/smtp/server.mjs), and where tests read what it received. */
export const SMTP_PORT = Number(process.env.E2E_SMTP_PORT ?? 3325);
export const SMTP_MESSAGES_URL = `http://127.0.0.1:${SMTP_PORT + 1}/messages`;
/** The production build's mail settings, pointing at it. */
export const SMTP_ENV = {
  SMTP_HOST: "127.0.0.1",
  SMTP_PORT: String(SMTP_PORT),
  SMTP_SECURITY: "none",
  MAIL_FROM: "Fortæl det én gang <noreply@solbjerg.example>",
};
/**
 * The embedded PostgreSQL clusters behind them (54349, 54369, 54389, 54399 unless E2E_PG_PORT_BASE
 * moves them all), so a second copy of the suite can run beside the first on other ports.
 */
export const PG_PORT_BASE = Number(process.env.E2E_PG_PORT_BASE ?? 54349);
export const DEMO_PG_PORT = PG_PORT_BASE;
export const PROD_PG_PORT = PG_PORT_BASE + 20;
export const PROD_BROKER_PG_PORT = PG_PORT_BASE + 40;
/** restart.spec.ts's own app (a production build it kills and starts again) and its cluster. */
export const RESTART_PORT = DEMO_PORT + 10;
export const RESTART_PG_PORT = PG_PORT_BASE + 50;
/**
 * The demo server's database, for tests that look into it: E2E_DATABASE_URL, or the embedded "e2e"
 * cluster as its owner, with the password kept for it outside the checkout (read once the server has
 * started it; decision 027).
 */
export const demoDb = () =>
  process.env.E2E_DATABASE_URL || embeddedUrls({ name: "e2e", env: { ...process.env, EMBEDDED_PG_PORT: String(DEMO_PG_PORT) } }).ownerUrl;

/** The servers the browser tests run against (playwright.config.ts starts them). */
export const DEMO_PORT = Number(process.env.E2E_PORT ?? 3200);
export const PROD_PORT = DEMO_PORT + 1;
export const OIDC_PORT = Number(process.env.E2E_OIDC_PORT ?? 3300);
/** The demo build: demo outbox and persona picker. Most tests use it. */
export const DEMO_URL = `http://localhost:${DEMO_PORT}`;
/** The production build: no demo anything. */
export const PROD_URL = `http://localhost:${PROD_PORT}`;
export const OIDC_URL = `http://127.0.0.1:${OIDC_PORT}`;
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
/** The embedded clusters behind them, for tests that look into the database. */
export const DEMO_DB = "postgresql://postgres:password@127.0.0.1:54349/app";

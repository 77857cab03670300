/** The servers the browser tests run against (playwright.config.ts starts them). */
export const DEMO_PORT = Number(process.env.E2E_PORT ?? 3200);
export const PROD_PORT = DEMO_PORT + 1;
export const OIDC_PORT = Number(process.env.E2E_OIDC_PORT ?? 3300);
/** The demo build: demo outbox and persona picker. Most tests use it. */
export const DEMO_URL = `http://localhost:${DEMO_PORT}`;
/** The production build: no demo anything. */
export const PROD_URL = `http://localhost:${PROD_PORT}`;
export const OIDC_URL = `http://127.0.0.1:${OIDC_PORT}`;
/** The embedded clusters behind them, for tests that look into the database. */
export const DEMO_DB = "postgresql://postgres:password@127.0.0.1:54349/app";

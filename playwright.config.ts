import fs from "node:fs";
import { defineConfig, devices } from "@playwright/test";
import { checkRuntime } from "./scripts/runtime.mjs";

// the browser tests and the servers they start (through npm, on the pinned Node.js) run on a supported runtime
console.log(`[e2e] Node.js ${checkRuntime()}`);

/**
 * Which Chromium drives the browser tests (docs/decisions/004-browser-for-tests.md):
 * 1. PW_CHROMIUM_PATH, when set;
 * 2. else a system Chromium (Debian's `chromium`, as on our machines and CI, where
 *    Playwright cannot download its own), unless PW_USE_BUNDLED=1;
 * 3. else Playwright's own (`npx playwright install chromium` on a laptop).
 */
const systemChromium = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].find((p) => fs.existsSync(p));
const executablePath = process.env.PW_CHROMIUM_PATH || (process.env.PW_USE_BUNDLED === "1" ? undefined : systemChromium);
if (process.env.PW_CHROMIUM_PATH && !fs.existsSync(process.env.PW_CHROMIUM_PATH)) {
  throw new Error(`PW_CHROMIUM_PATH points at ${process.env.PW_CHROMIUM_PATH}, which does not exist`);
}

import {
  DEMO_PG_PORT,
  DEMO_PORT,
  DEMO_URL,
  MITID_OIDC_ENV,
  MITID_SAML_ENV,
  OIDC_PORT,
  OIDC_URL,
  PROD_BROKER_PG_PORT,
  PROD_BROKER_PORT,
  PROD_BROKER_URL,
  PROD_PG_PORT,
  PROD_PORT,
  PROD_URL,
  PUSH_PORT,
  PUSH_URL,
  SAML_IDP_PORT,
  SAML_IDP_URL,
  SMTP_ENV,
  SMTP_MESSAGES_URL,
  SMTP_PORT,
} from "./tests/e2e/servers";

// localhost, not 127.0.0.1: passkeys (WebAuthn) refuse an IP address as their domain
export const baseURL = DEMO_URL;

const staffOidc = {
  STAFF_OIDC_ISSUER: OIDC_URL,
  STAFF_OIDC_CLIENT_ID: "tell-it-once-test",
  STAFF_OIDC_CLIENT_SECRET: "tell-it-once-test-secret",
  STAFF_OIDC_AUTHORIZATION_URL: `${OIDC_URL}/auth`,
  STAFF_OIDC_TOKEN_URL: `${OIDC_URL}/token`,
  STAFF_OIDC_USERINFO_URL: `${OIDC_URL}/me`,
};

export default defineConfig({
  testDir: "tests/e2e",
  timeout: 60_000,
  expect: { timeout: 10_000 },
  workers: 1,
  forbidOnly: Boolean(process.env.CI),
  reporter: [["list"]],
  use: { baseURL, trace: "retain-on-failure", locale: "da-DK", timezoneId: "Europe/Copenhagen" },
  projects: [
    {
      name: "chromium",
      use: {
        ...devices["Desktop Chrome"],
        launchOptions: executablePath
          ? {
              executablePath,
              // running as root on a closed network: no sandbox, no background traffic. No speech service
              // either: read-aloud's spec starts a browser of its own with one (decision 037)
              args: [
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
              ],
            }
          : {},
      },
    },
  ],
  webServer: [
    {
      // the staff identity provider, first: the apps may ask it at start
      command: "node tests/oidc/provider.mjs",
      url: `${OIDC_URL}/.well-known/openid-configuration`,
      reuseExistingServer: !process.env.CI,
      gracefulShutdown: { signal: "SIGTERM", timeout: 5_000 },
      env: { OIDC_PORT: String(OIDC_PORT), OIDC_APP_URLS: `${DEMO_URL},${PROD_URL}`, OIDC_MITID_APP_URLS: PROD_BROKER_URL },
    },
    {
      // NemLog-in's stand-in: signs real assertions with a test key
      command: "node tests/saml/idp.mjs",
      url: `${SAML_IDP_URL}/health`,
      reuseExistingServer: !process.env.CI,
      gracefulShutdown: { signal: "SIGTERM", timeout: 5_000 },
      env: { SAML_IDP_PORT: String(SAML_IDP_PORT) },
    },
    {
      // a real mail server for the production build's sign-in links
      command: "node tests/smtp/server.mjs",
      url: SMTP_MESSAGES_URL.replace("/messages", "/health"),
      reuseExistingServer: !process.env.CI,
      gracefulShutdown: { signal: "SIGTERM", timeout: 5_000 },
      env: { SMTP_TEST_PORT: String(SMTP_PORT), SMTP_TEST_HTTP_PORT: String(SMTP_PORT + 1) },
    },
    {
      // a browser push service's stand-in: takes web push as FCM or Mozilla's would, and decrypts it as the browser would
      command: "node tests/push/server.mjs",
      url: `${PUSH_URL}/health`,
      reuseExistingServer: !process.env.CI,
      gracefulShutdown: { signal: "SIGTERM", timeout: 5_000 },
      env: { PUSH_PORT: String(PUSH_PORT) },
    },
    {
      // the demo build (`npm run build:demo` first) on the embedded "e2e" cluster, emptied and seeded afresh each run
      // (--fresh): tests rely on the demo people of this build, never on what an earlier run left
      command: `node scripts/start.mjs --seed --worker ${process.env.E2E_DATABASE_URL ? "" : "--fresh"} -p ${DEMO_PORT} -H 127.0.0.1`,
      url: `http://127.0.0.1:${DEMO_PORT}/api/ready`,
      reuseExistingServer: !process.env.CI,
      timeout: 120_000,
      gracefulShutdown: { signal: "SIGTERM", timeout: 20_000 },
      env: {
        TIO_DEMO: "1",
        // E2E_DATABASE_URL picks an external server; otherwise never the DATABASE_URL of your shell
        DATABASE_URL: process.env.E2E_DATABASE_URL ?? "",
        EMBEDDED_PG_NAME: "e2e",
        EMBEDDED_PG_PORT: String(DEMO_PG_PORT),
        APP_URL: DEMO_URL,
        AUTH_MAGIC_LINK_PER_MINUTE: "1000",
        INVITE_ATTEMPTS_PER_WINDOW: "1000",
        NEXT_TELEMETRY_DISABLED: "1",
        ...staffOidc,
      },
    },
    {
      // the production build (`npm run build` first): no demo outbox, no persona picker
      command: `node scripts/start.mjs --seed --fresh --worker -p ${PROD_PORT} -H 127.0.0.1`,
      url: `http://127.0.0.1:${PROD_PORT}/api/ready`,
      reuseExistingServer: !process.env.CI,
      timeout: 120_000,
      gracefulShutdown: { signal: "SIGTERM", timeout: 20_000 },
      env: {
        TIO_DEMO: "0",
        DATABASE_URL: "",
        EMBEDDED_PG_NAME: "e2e-prod",
        EMBEDDED_PG_PORT: String(PROD_PG_PORT),
        APP_URL: PROD_URL,
        AUTH_SECRET: "e2e-only-secret-0123456789abcdef0123456789",
        CPR_HASH_KEY: "e2e-only-cpr-key-0123456789abcdef0123456789",
        AUTH_MAGIC_LINK_PER_MINUTE: "1000",
        NEXT_TELEMETRY_DISABLED: "1",
        ...SMTP_ENV,
        ...staffOidc,
        ...MITID_SAML_ENV,
      },
    },
    {
      // the production build again, with MitID through a broker (OpenID Connect): the other way a municipality connects it
      command: `node scripts/start.mjs --seed --fresh -p ${PROD_BROKER_PORT} -H 127.0.0.1`,
      url: `http://127.0.0.1:${PROD_BROKER_PORT}/api/ready`,
      reuseExistingServer: !process.env.CI,
      timeout: 120_000,
      gracefulShutdown: { signal: "SIGTERM", timeout: 20_000 },
      env: {
        TIO_DEMO: "0",
        DATABASE_URL: "",
        EMBEDDED_PG_NAME: "e2e-broker",
        EMBEDDED_PG_PORT: String(PROD_BROKER_PG_PORT),
        APP_URL: PROD_BROKER_URL,
        AUTH_SECRET: "e2e-only-secret-0123456789abcdef0123456789",
        CPR_HASH_KEY: "e2e-only-cpr-key-0123456789abcdef0123456789",
        NEXT_TELEMETRY_DISABLED: "1",
        ...SMTP_ENV,
        ...MITID_OIDC_ENV,
      },
    },
  ],
});

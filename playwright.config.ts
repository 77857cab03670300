import fs from "node:fs";
import { defineConfig, devices } from "@playwright/test";

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

const PORT = Number(process.env.E2E_PORT ?? 3200);
// localhost, not 127.0.0.1: passkeys (WebAuthn) refuse an IP address as their domain
export const baseURL = `http://localhost:${PORT}`;

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
              // running as root on a closed network: no sandbox, no background traffic
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
  webServer: {
    // the production build (`npm run build` first) on the embedded "e2e" cluster, with demo data
    command: `node scripts/start.mjs --seed -p ${PORT} -H 127.0.0.1`,
    url: `http://127.0.0.1:${PORT}/api/ready`,
    reuseExistingServer: !process.env.CI,
    timeout: 120_000,
    gracefulShutdown: { signal: "SIGTERM", timeout: 10_000 },
    env: {
      // E2E_DATABASE_URL picks an external server; otherwise never the DATABASE_URL of your shell
      DATABASE_URL: process.env.E2E_DATABASE_URL ?? "",
      EMBEDDED_PG_NAME: "e2e",
      NEXT_TELEMETRY_DISABLED: "1",
    },
  },
});

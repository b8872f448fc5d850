import { existsSync } from "node:fs";
import { defineConfig, type PlaywrightTestConfig } from "@playwright/test";

const PORT = Number(process.env.E2E_PORT ?? 3100);
/** A second server of the same build whose database cannot be reached (issue 9 §13), with no trusted proxy. */
const OUTAGE_PORT = PORT + 1;
// Debian's chromium on CI and this machine; elsewhere Playwright's own browser (`npx playwright install chromium`).
const executablePath =
  process.env.PLAYWRIGHT_CHROMIUM_PATH ?? (existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined);

/** The browser every suite uses: Chinese locale and China time, no sandbox, nothing fetched in the background. */
export const browserUse = {
  locale: "zh-CN",
  timezoneId: "Asia/Shanghai",
  trace: "retain-on-failure",
  launchOptions: {
    executablePath,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  },
} satisfies PlaywrightTestConfig["use"];

export default defineConfig({
  testDir: "e2e",
  // its own configuration (playwright.cluster.config.ts): it starts a cluster of its own
  testIgnore: ["cluster/**"],
  outputDir: "test-results",
  timeout: 30_000,
  retries: process.env.CI ? 1 : 0,
  workers: 2,
  reporter: [["list"]],
  use: { baseURL: `http://127.0.0.1:${PORT}`, ...browserUse },
  projects: [{ name: "chromium" }],
  webServer: [
    {
      // the production build, on its own temporary database (never the demo's directory)
      command: `node --conditions react-server --import tsx scripts/e2e-server.ts ${PORT}`,
      url: `http://127.0.0.1:${PORT}/`,
      timeout: 120_000,
      reuseExistingServer: false,
      stdout: "pipe",
      // as behind one reverse proxy: the client address is the X-Forwarded-For entry it adds (README: TRUSTED_PROXIES)
      env: { NEXT_TELEMETRY_DISABLED: "1", DATABASE_URL: "", TRUSTED_PROXIES: "1" },
    },
    {
      command: `node --import tsx scripts/serve.ts -p ${OUTAGE_PORT}`,
      // robots.txt needs no database, so the server counts as up although every page answers 503
      url: `http://127.0.0.1:${OUTAGE_PORT}/robots.txt`,
      timeout: 60_000,
      reuseExistingServer: false,
      env: {
        NEXT_TELEMETRY_DISABLED: "1",
        DATABASE_URL: "postgres://e2e@127.0.0.1:9/unreachable",
        AUTH_SECRET: "e2e-auth-secret-0123456789abcdef",
        TRUSTED_PROXIES: "0",
      },
    },
  ],
});

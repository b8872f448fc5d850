import { existsSync } from "node:fs";
import { defineConfig } from "@playwright/test";

// issue 24 §4: one serial suite that starts its own cluster (scripts/cluster.ts); needs the production build
const executablePath =
  process.env.PLAYWRIGHT_CHROMIUM_PATH ?? (existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined);

export default defineConfig({
  testDir: "e2e/cluster",
  outputDir: "test-results/cluster",
  timeout: 60_000,
  // a retry starts a fresh cluster (beforeAll runs again in a new worker)
  retries: process.env.CI ? 1 : 0,
  workers: 1,
  reporter: [["list"]],
  use: {
    locale: "zh-CN",
    timezoneId: "Asia/Shanghai",
    trace: "retain-on-failure",
    launchOptions: { executablePath, args: ["--no-sandbox", "--disable-gpu"] },
  },
  projects: [{ name: "cluster" }],
});

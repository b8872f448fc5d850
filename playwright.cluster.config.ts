import { defineConfig } from "@playwright/test";
import { browserUse } from "./playwright.config";

// issue 24 §4: one serial suite that starts its own cluster (scripts/cluster.ts); needs the production build
export default defineConfig({
  testDir: "e2e/cluster",
  outputDir: "test-results/cluster",
  timeout: 60_000,
  // a retry starts a fresh cluster (beforeAll runs again in a new worker)
  retries: process.env.CI ? 1 : 0,
  workers: 1,
  reporter: [["list"]],
  use: browserUse,
  projects: [{ name: "cluster" }],
});

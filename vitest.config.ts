import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const alias = {
  "@": fileURLToPath(new URL(".", import.meta.url)),
  // `server-only` throws outside React's server build; tests run in plain Node
  "server-only": fileURLToPath(new URL("./db/testing/empty.ts", import.meta.url)),
};
// stored case files go to a directory of the run's own, never the checkout's .data
const caseFiles = join(tmpdir(), `credit-case-files-${process.pid}`);
const integration = {
  include: ["**/*.int.test.ts"],
  exclude: ["node_modules/**", ".next/**"],
  testTimeout: 60_000,
  hookTimeout: 120_000,
};

export default defineConfig({
  resolve: { alias },
  test: {
    projects: [
      {
        resolve: { alias },
        test: {
          name: "unit",
          include: ["lib/**/*.test.ts", "db/**/*.test.ts", "server/**/*.test.ts", "scripts/**/*.test.ts"],
          exclude: ["**/*.int.test.ts", "**/*.cluster.test.ts"],
        },
      },
      {
        resolve: { alias },
        test: {
          name: "integration-pglite",
          ...integration,
          env: { TEST_ENGINE: "pglite", CASE_FILES_DIR: caseFiles },
        },
      },
      // issue 24 §4: a throwaway primary, its streaming replica, object storage, app nodes and a load balancer
      {
        resolve: { alias },
        test: {
          name: "cluster",
          include: ["**/*.cluster.test.ts"],
          exclude: ["node_modules/**", ".next/**"],
          testTimeout: 120_000,
          hookTimeout: 300_000,
          fileParallelism: false,
        },
      },
      // The same suite again on real PostgreSQL, each file in a fresh database, when CI provides one.
      ...(process.env.TEST_DATABASE_URL
        ? [
            {
              resolve: { alias },
              test: {
                name: "integration-postgres",
                ...integration,
                env: { TEST_ENGINE: "postgres", CASE_FILES_DIR: caseFiles },
              },
            },
          ]
        : []),
    ],
  },
});

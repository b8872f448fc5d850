import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openDatabase } from "../db/client";
import { migrateDatabase } from "../db/migrate";
import { directoryStore } from "../server/object-store";
import { publishOpenData } from "../server/services/open-data/publish";
import { runCli, serveArgs } from "./cli";
import { loadFixtures } from "./seed/fixtures";
import { seedDemo } from "./seed/index";

/** Serves the production build on a fresh, seeded PGlite directory for Playwright; removes it on exit. */
const port = process.argv[2] ?? "3100";
const PII_KEY = "e2e-pii-key-0123456789";
const parent = mkdtempSync(join(tmpdir(), "credit-e2e-"));
const dir = join(parent, "pglite");
const caseFilesDir = join(parent, "case-files");
const openDataDir = join(parent, "open-data");
const cleanup = () => rmSync(parent, { recursive: true, force: true });

await runCli(async () => {
  const db = await openDatabase({ pgliteDir: dir });
  await migrateDatabase(db);
  const anchor = process.env.E2E_ANCHOR ?? new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
  const files = directoryStore(caseFilesDir);
  await seedDemo(db, {
    subjects: 3000,
    seed: 20260101,
    anchor,
    piiKey: PII_KEY,
    putCaseFile: (key, bytes) => files.put(key, bytes),
  });
  await loadFixtures(db, anchor, PII_KEY);
  await publishOpenData(db.db, { dir: openDataDir, today: anchor, reason: "seed", retain: 14 });
  await db.close();

  const server = spawn(process.execPath, serveArgs(port), {
    stdio: "inherit",
    env: {
      ...process.env,
      PGLITE_DIR: dir,
      PII_KEY,
      CASE_FILES_DIR: caseFilesDir,
      OPEN_DATA_DIR: openDataDir,
      AUTH_SECRET: "e2e-auth-secret-0123456789abcdef",
      // without SITE_URL a report's QR code points here (issue 20 N5), never to a request's Host
      PORT: String(port),
      NEXT_TELEMETRY_DISABLED: "1",
    },
  });
  for (const sig of ["SIGINT", "SIGTERM"] as const) process.on(sig, () => server.kill(sig));
  server.on("exit", (code) => {
    cleanup();
    process.exit(code ?? 0);
  });
});

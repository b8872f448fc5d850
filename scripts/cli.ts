import nextEnv from "@next/env";
import { type DbHandle, openDatabase } from "../db/client";
import { SetupError } from "../db/errors";
import { DatabaseLockedError } from "../db/lock";
import { config } from "../server/config";

// the same .env files `next start` reads, so a script and the server never use different keys
nextEnv.loadEnvConfig(process.cwd());

/** Runs a command-line entry point: configuration and environment problems print one clear line, no stack. */
export async function runCli(main: () => Promise<void>): Promise<void> {
  try {
    await main();
  } catch (err) {
    if (err instanceof SetupError || err instanceof DatabaseLockedError) {
      console.error(`\n错误：${err.message}\n`);
      process.exit(2);
    }
    throw err;
  }
}

export function openConfiguredDatabase(): Promise<DbHandle> {
  const c = config();
  return openDatabase({ databaseUrl: c.databaseUrl, pgliteDir: c.pgliteDir, poolSize: 2 });
}

export function flag(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  if (i < 0) return undefined;
  const v = process.argv[i + 1];
  return v && !v.startsWith("--") ? v : "true";
}

/** Arguments for `node` that start the production server (scripts/serve.ts) on `port`. */
export const serveArgs = (port: string | number) => [
  "--import",
  "tsx",
  "scripts/serve.ts",
  "-p",
  String(port),
];

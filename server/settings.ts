import "server-only";
import { type GradingRules, rulesOver } from "@/lib/grading/grading";
import { DEFAULT_POLICY, type Policy } from "@/lib/policy";
import { database } from "./db";
import { forget, memo } from "./memo";

/** DOMAIN's "(ours)" values: the settings table overrides lib/policy's defaults key by key. */
export function getPolicy(): Promise<Policy> {
  return memo("policy", 30_000, async () => {
    const db = await database();
    const rows = await db.exec("SELECT key, value FROM settings WHERE key = ANY($1::text[])", [
      Object.keys(DEFAULT_POLICY),
    ]);
    const overrides = Object.fromEntries(rows.map((r) => [String(r.key), r.value]));
    return { ...DEFAULT_POLICY, ...overrides } as Policy;
  });
}

/** After a change: the next read takes the new values. */
export function forgetPolicy(): void {
  forget("policy");
}

/** Issue 12 §1: the grading rule set in force — the 'grading' setting over lib/grading's defaults. */
export function getGradingRules(): Promise<GradingRules> {
  return memo("grading", 30_000, async () => {
    const db = await database();
    const [row] = await db.exec("SELECT value, version FROM settings WHERE key = 'grading'", []);
    return rulesOver(row?.value as Partial<GradingRules> | undefined);
  });
}

export function forgetGradingRules(): void {
  forget("grading");
}

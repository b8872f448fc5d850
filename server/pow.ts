import "server-only";
import { randomBytes } from "node:crypto";
import { CappedMap, createChallenge, randomInt, verifySolution } from "altcha-lib";
import { deriveKey } from "altcha-lib/algorithms/pbkdf2";
import type { Challenge, Payload } from "altcha-lib/types";

/**
 * Issue 14 §1: a proof-of-work the public objection form must solve before it is accepted — ALTCHA's open
 * protocol (altcha-lib), checked here, with no third-party service and nothing a screen reader cannot pass: the
 * browser computes it while the form is filled in. Challenges live 10 minutes and are accepted once.
 */
const LIFETIME_MS = 10 * 60_000;
/** PBKDF2 rounds per try: about a second of a phone's work per solution, a real cost for a thousand forms */
const COST = 1_000;

// The challenge route and the form's action are separate bundles with their own module state: the secrets and
// the spent solutions are kept once per process, on globalThis, or no solution would ever verify.
type PowState = { secret: string; keySecret: string; spent: CappedMap<string, number> };
const holder = globalThis as unknown as { __creditPow?: PowState };
holder.__creditPow ??= {
  secret: randomBytes(32).toString("hex"),
  keySecret: randomBytes(32).toString("hex"),
  spent: new CappedMap<string, number>({ maxSize: 50_000 }),
};
const state = holder.__creditPow;
const SECRET = state.secret;
const KEY_SECRET = state.keySecret;
const spent = state.spent;

export async function createPowChallenge(): Promise<Challenge> {
  return createChallenge({
    algorithm: "PBKDF2/SHA-256",
    cost: COST,
    counter: randomInt(500, 2_000),
    deriveKey,
    expiresAt: new Date(Date.now() + LIFETIME_MS),
    hmacSignatureSecret: SECRET,
    hmacKeySignatureSecret: KEY_SECRET,
  });
}

/** Null when the submitted solution is valid and unused (it is then spent); otherwise the Chinese reason. */
export async function powProblem(raw: string | undefined): Promise<string | null> {
  if (!raw) return "防滥用校验尚未完成，请稍候片刻再提交（页面正在自动计算，无需任何操作）。";
  let payload: Payload;
  try {
    payload = JSON.parse(Buffer.from(raw, "base64").toString("utf8")) as Payload;
  } catch {
    return "防滥用校验无效，请刷新页面后重试。";
  }
  const result = await verifySolution({
    challenge: payload.challenge,
    solution: payload.solution,
    deriveKey,
    hmacSignatureSecret: SECRET,
    hmacKeySignatureSecret: KEY_SECRET,
  }).catch(() => null);
  if (!result?.verified)
    return result?.expired
      ? "防滥用校验已过期（有效 10 分钟），请刷新页面后重新提交。"
      : "防滥用校验无效，请刷新页面后重试。";
  const signature = payload.challenge.signature ?? "";
  if (!spent.setIfAbsent(signature, Date.now())) return "该校验已使用过，请刷新页面后重新提交。";
  return null;
}

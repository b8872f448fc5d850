import "server-only";
import { createHmac } from "node:crypto";
import { createChallenge, randomInt, verifySolution } from "altcha-lib";
import { deriveKey } from "altcha-lib/algorithms/pbkdf2";
import type { Challenge, Payload } from "altcha-lib/types";
import { config } from "./config";
import { database } from "./db";

/**
 * Issue 14 §1: a proof-of-work the public objection form must solve before it is accepted — ALTCHA's open
 * protocol (altcha-lib), checked here, with no third-party service and nothing a screen reader cannot pass: the
 * browser computes it while the form is filled in. Challenges live 10 minutes and are accepted once.
 */
const LIFETIME_MS = 10 * 60_000;
/** PBKDF2 rounds per try: about a second of a phone's work per solution, a real cost for a thousand forms */
const COST = 1_000;

// Every app node signs and checks with the same secrets, derived from the deployment's own (a challenge fetched
// from one node is solved and posted to another); a solution is spent in the database, once for all nodes.
const derived = (label: string) =>
  createHmac("sha256", config().authSecret ?? config().piiKey)
    .update(`credit-jiangxi:pow:${label}`)
    .digest("hex");
let secrets: { hmacSignatureSecret: string; hmacKeySignatureSecret: string } | null = null;
const powSecrets = () => {
  secrets ??= { hmacSignatureSecret: derived("signature"), hmacKeySignatureSecret: derived("key") };
  return secrets;
};
/** One in this many accepted solutions also clears the expired ones. */
const SWEEP_ONE_IN = 100;

export async function createPowChallenge(): Promise<Challenge> {
  return createChallenge({
    algorithm: "PBKDF2/SHA-256",
    cost: COST,
    counter: randomInt(500, 2_000),
    deriveKey,
    expiresAt: new Date(Date.now() + LIFETIME_MS),
    ...powSecrets(),
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
    ...powSecrets(),
  }).catch(() => null);
  if (!result?.verified)
    return result?.expired
      ? "防滥用校验已过期（有效 10 分钟），请刷新页面后重新提交。"
      : "防滥用校验无效，请刷新页面后重试。";
  const signature = (payload.challenge.signature ?? "").slice(0, 128);
  const db = await database();
  const fresh = await db.exec(
    `INSERT INTO pow_spent (signature, expires_at) VALUES ($1, now() + make_interval(secs => $2))
     ON CONFLICT (signature) DO NOTHING RETURNING 1`,
    [signature, LIFETIME_MS / 1000],
  );
  if (fresh.length === 0) return "该校验已使用过，请刷新页面后重新提交。";
  if (Math.random() * SWEEP_ONE_IN < 1) await db.exec("DELETE FROM pow_spent WHERE expires_at < now()");
  return null;
}

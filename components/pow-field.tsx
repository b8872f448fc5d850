"use client";

import { solveChallenge } from "altcha-lib";
import { deriveKey } from "altcha-lib/algorithms/web/pbkdf2";
import type { Challenge } from "altcha-lib/types";
import { useEffect, useState } from "react";
import { useFormAnswer } from "./action-form";

/** Re-solved before the server's 10-minute lifetime runs out, so a slowly filled form is never refused. */
const RENEW_MS = 8 * 60_000;

/**
 * The objection form's proof-of-work (issue 14 §1): the browser fetches a challenge from this site and solves
 * it while the form is filled in; nothing to look at or click, so nothing a screen reader cannot pass. Its
 * state is announced politely; the answer goes with the form in a hidden field.
 */
export function PowField({ challengeUrl }: { challengeUrl: string }) {
  // each answer of the form (a refusal) may have spent the solution: solve a new one
  const answer = useFormAnswer();
  const [payload, setPayload] = useState("");
  const [status, setStatus] = useState<"working" | "done" | "failed">("working");
  const [renewals, setRenewals] = useState(0);
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new answer (the solution may be spent) or a renewal starts a new solve
  useEffect(() => {
    const controller = new AbortController();
    setStatus("working");
    setPayload("");
    (async () => {
      try {
        const res = await fetch(challengeUrl, { cache: "no-store", signal: controller.signal });
        const challenge = (await res.json()) as Challenge;
        const solution = await solveChallenge({ challenge, deriveKey, controller });
        if (controller.signal.aborted) return;
        if (!solution) throw new Error("unsolved");
        setPayload(btoa(JSON.stringify({ challenge, solution })));
        setStatus("done");
      } catch {
        if (!controller.signal.aborted) setStatus("failed");
      }
    })();
    const timer = setTimeout(() => setRenewals((n) => n + 1), RENEW_MS);
    return () => {
      controller.abort();
      clearTimeout(timer);
    };
  }, [challengeUrl, answer, renewals]);
  return (
    <div className="text-sm">
      <input type="hidden" name="pow" value={payload} />
      <p role="status" aria-live="polite" className={status === "failed" ? "text-red-700" : "text-slate-600"}>
        {status === "working"
          ? "正在进行防滥用校验（自动完成，通常几秒钟，无需任何操作）…"
          : status === "done"
            ? "✓ 防滥用校验已完成。"
            : "防滥用校验未能完成，请检查网络后刷新页面。"}
      </p>
    </div>
  );
}

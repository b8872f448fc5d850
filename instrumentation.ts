/** Logs server errors with the digest shown to the user, so the two can be matched. */
export async function onRequestError(err: unknown, request: { path: string; method: string }) {
  const e = err as Error & { digest?: string };
  console.error(`[error ${e.digest ?? "-"}] ${request.method} ${request.path}: ${e.name}: ${e.message}`);
}

/** At server start: remove import files that no running job needs (issue 9 §7). Never during `next build`. */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.NEXT_PHASE === "phase-production-build") return;
  const { onServerStart } = await import("./server/startup");
  void onServerStart(); // not awaited: a database that is down must not delay the server's start
}

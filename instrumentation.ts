/** Logs server errors with the digest shown to the user, so the two can be matched. */
export async function onRequestError(err: unknown, request: { path: string; method: string }) {
  const e = err as Error & { digest?: string };
  console.error(`[error ${e.digest ?? "-"}] ${request.method} ${request.path}: ${e.name}: ${e.message}`);
}

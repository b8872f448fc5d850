import "server-only";
import { isDatabaseUnavailable } from "@/db/errors";
import { UNAVAILABLE_PROBE, type UnavailableProbe } from "@/lib/web/web-gate";
import { database } from "./db";
import { logUnexpected } from "./errors";

// A verdict serves the page requests of the next two seconds: one round trip, not one per page, and one
// logged failure (whose id every 503 of those seconds shows), not one per request.
const FRESH_MS = 2000;
// A database that stops answering without closing its connections must not hang every page.
const TIMEOUT_MS = 3000;

class ProbeTimeout extends Error {
  readonly code = "CONNECT_TIMEOUT";
}

let last: { at: number; errorId: string | null } | null = null;
let pending: Promise<string | null> | null = null;

async function probe(): Promise<string | null> {
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      (await database()).exec("SELECT 1"),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new ProbeTimeout(`数据库 ${TIMEOUT_MS} ms 内没有应答`)), TIMEOUT_MS);
      }),
    ]);
    return null;
  } catch (err) {
    return isDatabaseUnavailable(err) ? logUnexpected("database unreachable", err) : null;
  } finally {
    clearTimeout(timer);
  }
}

/** Whether the database answers (issue 9 §13): null, or the id of the logged failure. */
export const unavailableErrorId: UnavailableProbe = async () => {
  if (last && Date.now() - last.at < FRESH_MS) return last.errorId;
  pending ??= probe().then((errorId) => {
    last = { at: Date.now(), errorId };
    pending = null;
    return errorId;
  });
  return pending;
};

/** Lets the server in front (scripts/serve.ts) ask before it hands a page request to Next. */
export function publishHealthProbe(): void {
  (globalThis as Record<symbol, unknown>)[UNAVAILABLE_PROBE] = unavailableErrorId;
}

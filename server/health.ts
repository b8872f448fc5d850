import "server-only";
import { isDatabaseUnavailable } from "@/db/errors";
import { UNAVAILABLE_PROBE, type UnavailableProbe } from "@/lib/web-gate";
import { database } from "./db";
import { logUnexpected } from "./errors";

/** One round trip; a failure that means "unreachable" is logged and its id returned (issue 9 §13). */
export const unavailableErrorId: UnavailableProbe = async () => {
  try {
    await (await database()).exec("SELECT 1");
    return null;
  } catch (err) {
    return isDatabaseUnavailable(err) ? logUnexpected("database unreachable", err) : null;
  }
};

/** Lets the server in front (scripts/serve.ts) ask before it hands a page request to Next. */
export function publishHealthProbe(): void {
  (globalThis as Record<symbol, unknown>)[UNAVAILABLE_PROBE] = unavailableErrorId;
}

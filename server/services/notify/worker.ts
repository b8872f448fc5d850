import "server-only";
import type { Db } from "@/db/client";
import { chinaDate, chinaDateTime } from "@/lib/calendar/dates";
import { config } from "../../config";
import { logUnexpected } from "../../errors";
import { configuredSenders, type Senders } from "../../notify/senders";
import { getPolicy } from "../../settings";
import { publishIfDue } from "../open-data/publish";
import { deliverDue } from "./deliver";
import { queueCheckFeedbackReminders, queueDeadlineDigests } from "./digest";

/**
 * The outbox worker's loop: deliver what is due, then wait `intervalMs` (no overlap: a slow round delays the next).
 * The app runs one on the embedded database; beside PostgreSQL it is `npm run worker`, as many as wanted.
 */
export function startOutboxWorker(
  db: Db,
  o: {
    intervalMs?: number;
    senders?: Senders;
    onRound?: (r: Awaited<ReturnType<typeof deliverDue>>) => void;
  } = {},
): { stop: () => Promise<void> } {
  const senders = o.senders ?? configuredSenders();
  const interval = o.intervalMs ?? 2_000;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();
  let digestDay: string | null = null;
  const files = { at: 0, mark: { v: -1 } };
  const round = async () => {
    try {
      // the open-data files (issue 25 §4): looked at every few minutes; one worker builds, the others skip
      const policy = await getPolicy();
      const every = (policy.openDataBatchQuietMinutes || 5) * 60_000;
      if (Date.now() - files.at >= every) {
        files.at = Date.now();
        const now = new Date();
        await publishIfDue(db, {
          dir: config().openDataDir,
          today: chinaDate(now),
          hour: Number(chinaDateTime(now).slice(11, 13)),
          quietMinutes: policy.openDataBatchQuietMinutes,
          retain: policy.openDataRetainedFiles,
          lastMark: files.mark,
        });
      }
      // the reviewers' digest once a day, from 08:00 China time; several workers write it once (its dedupe key)
      const now = new Date();
      const day = chinaDate(now);
      if (digestDay !== day && chinaDateTime(now).slice(11, 13) >= "08") {
        await queueDeadlineDigests(db, { today: day });
        await queueCheckFeedbackReminders(db, { today: day });
        digestDay = day;
      }
      // a full batch means more is waiting: go again at once
      for (;;) {
        const r = await deliverDue(db, { senders });
        o.onRound?.(r);
        if (stopped || r.delivered + r.retrying + r.failed + r.deferred < 50) break;
      }
    } catch (err) {
      logUnexpected("outbox worker", err);
    }
    if (!stopped) timer = setTimeout(() => (running = round()), interval);
  };
  running = round();
  return {
    stop: async () => {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
    },
  };
}

import "server-only";
import { and, eq, gt, inArray, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { disclosureJobs, penalties, subjects } from "@/db/schema";
import { isPenaltyDisclosable, type PenaltyType } from "@/lib/records/disclosure";
import {
  DISCLOSURE_JOB_OPEN,
  type DisclosureJobEvent,
  type DisclosureJobState,
  disclosureJobMachine,
} from "@/lib/workflows/disclosure-job";
import { SYSTEM, transition } from "@/lib/workflows/machine";
import { logAudit } from "../../audit";
import { logUnexpected } from "../../errors";

const BATCH = 1000;
const holder = globalThis as unknown as { __disclosureJobs?: Set<number> };

async function move(db: Db, id: number, from: DisclosureJobState, event: DisclosureJobEvent, extra = {}) {
  const t = transition(disclosureJobMachine, { state: from }, event, SYSTEM, new Date());
  if (!t.ok) return false;
  const moved = await db
    .update(disclosureJobs)
    .set({ state: t.next, ...extra })
    .where(and(eq(disclosureJobs.id, id), eq(disclosureJobs.state, t.from)))
    .returning({ id: disclosureJobs.id });
  return moved.length > 0;
}

/**
 * Recounts `disclosable` for every penalty under the job's threshold (DOMAIN §3 through lib's one rule), 1,000
 * penalties per transaction, each batch recording its progress with its changes: a restarted server goes on
 * from the last batch, and recounting a batch twice changes nothing.
 */
export async function runDisclosureJob(db: Db, id: number): Promise<void> {
  holder.__disclosureJobs ??= new Set();
  if (holder.__disclosureJobs.has(id)) return;
  holder.__disclosureJobs.add(id);
  try {
    const [job] = await db.select().from(disclosureJobs).where(eq(disclosureJobs.id, id));
    if (!job || !DISCLOSURE_JOB_OPEN.includes(job.state)) return;
    if (job.state === "queued") {
      const [{ n } = { n: 0 }] = await db.select({ n: sql<number>`count(*)::int` }).from(penalties);
      await move(db, id, "queued", "start", { total: n });
    }
    const threshold = Number(job.thresholdWan);
    for (;;) {
      const done = await db.transaction(async (tx) => {
        const [j] = await tx.select().from(disclosureJobs).where(eq(disclosureJobs.id, id)).for("update");
        if (j?.state !== "running") return true;
        const rows = await tx
          .select({
            id: penalties.id,
            types: penalties.penaltyTypes,
            fine: penalties.fineAmount,
            kind: subjects.kind,
            disclosable: penalties.disclosable,
          })
          .from(penalties)
          .innerJoin(subjects, eq(subjects.id, penalties.subjectId))
          .where(gt(penalties.id, j.lastId))
          .orderBy(penalties.id)
          .limit(BATCH);
        if (rows.length === 0) return true;
        const hide: number[] = [];
        const show: number[] = [];
        for (const r of rows) {
          const now = isPenaltyDisclosable(
            {
              penaltyTypes: r.types as PenaltyType[],
              fineAmountWan: r.fine === null ? null : Number(r.fine),
              subjectKind: r.kind,
            },
            threshold,
          );
          if (now !== r.disclosable) (now ? show : hide).push(r.id);
        }
        if (hide.length)
          await tx.update(penalties).set({ disclosable: false }).where(inArray(penalties.id, hide));
        if (show.length)
          await tx.update(penalties).set({ disclosable: true }).where(inArray(penalties.id, show));
        await tx
          .update(disclosureJobs)
          .set({
            lastId: rows[rows.length - 1]?.id ?? j.lastId,
            processed: j.processed + rows.length,
            nowHidden: j.nowHidden + hide.length,
            nowShown: j.nowShown + show.length,
          })
          .where(eq(disclosureJobs.id, id));
        return rows.length < BATCH;
      });
      if (done) break;
    }
    await db.transaction(async (tx) => {
      const [j] = await tx.select().from(disclosureJobs).where(eq(disclosureJobs.id, id)).for("update");
      if (j?.state !== "running") return;
      const t = transition(disclosureJobMachine, j, "finish", SYSTEM, new Date());
      if (!t.ok) return;
      await tx
        .update(disclosureJobs)
        .set({ state: t.next, finishedAt: new Date() })
        .where(eq(disclosureJobs.id, id));
      await logAudit(tx, {
        action: "setting.disclosure_recounted",
        actorName: "system",
        entityType: "setting",
        entityId: "disclosureFineThresholdWan",
        after: {
          jobId: id,
          thresholdWan: threshold,
          processed: j.processed,
          nowHidden: j.nowHidden,
          nowShown: j.nowShown,
        },
      });
    });
  } catch (err) {
    const ref = logUnexpected("disclosure job", err);
    await move(db, id, "running", "fail", { error: `错误编号 ${ref}`, finishedAt: new Date() }).catch(
      () => {},
    );
  } finally {
    holder.__disclosureJobs.delete(id);
  }
}

/** At server start: jobs a stopped process left open go on where they were. */
export async function resumeDisclosureJobs(db: Db): Promise<number> {
  const open = await db
    .select({ id: disclosureJobs.id })
    .from(disclosureJobs)
    .where(inArray(disclosureJobs.state, [...DISCLOSURE_JOB_OPEN]));
  for (const j of open) void runDisclosureJob(db, j.id);
  return open.length;
}

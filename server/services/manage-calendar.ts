import "server-only";
import { eq, sql } from "drizzle-orm";
import { rowsOf, type Tx } from "@/db/client";
import {
  calendarDays,
  commitments,
  jointChecks,
  listEntries,
  objections,
  repairCases,
  selfReports,
  tipoffs,
} from "@/db/schema";
import {
  type CalendarDayKind,
  calendarDayProblem,
  type OpenDeadline,
  recomputeDeadlines,
} from "@/lib/calendar/calendar-edit";
import { workingCalendar } from "@/lib/calendar/working-days";
import { FEEDBACK_WORKING_DAYS } from "@/lib/platform/measures";
import type { Policy } from "@/lib/policy";
import { auditBy } from "../audit";
import { forgetCalendar } from "../calendar";
import type { ServiceContext } from "../context";
import { AppError } from "../errors";
import { getPolicy } from "../settings";

/** Every open case's deadline and what it counts from (issue 14 §3: an edit recomputes them; a 告知's from its service). */
async function openDeadlines(tx: Tx, p: Policy): Promise<OpenDeadline[]> {
  const rows = await tx.execute<{ ref: string; label: string; from: string; n: number; due: string }>(sql`
    SELECT 'repair:' || id AS ref, case_no AS label, submitted_on::text AS "from", ${p.repairAcceptWorkingDays}::int AS n, accept_due_on::text AS due
      FROM repair_cases WHERE status = 'submitted'
    UNION ALL
    SELECT 'repair-decide:' || id, case_no, accepted_on::text, ${p.repairDecideWorkingDays}::int, decide_due_on::text
      FROM repair_cases WHERE status = 'accepted' AND accepted_on IS NOT NULL
    UNION ALL
    SELECT 'commitment:' || id, title, submitted_on::text, ${p.commitmentReviewWorkingDays}::int, review_due_on::text
      FROM commitments WHERE status = 'submitted' AND type <> 'repair' AND submitted_on IS NOT NULL AND review_due_on IS NOT NULL
    UNION ALL
    SELECT 'self-report:' || id, case_no, submitted_on::text, ${p.selfReportVerifyWorkingDays}::int, verify_due_on::text
      FROM self_reports WHERE status = 'submitted'
    UNION ALL
    SELECT 'objection:' || id, case_no, submitted_on::text, ${p.objectionAnswerWorkingDays}::int, answer_due_on::text
      FROM objections WHERE status IN ('submitted', 'verifying')
    UNION ALL
    SELECT 'tipoff:' || id, case_no, submitted_on::text, ${p.tipoffAnswerWorkingDays}::int, answer_due_on::text
      FROM tipoffs WHERE status IN ('submitted', 'accepted')
    UNION ALL
    SELECT 'check:' || id, check_no, checked_on::text, ${FEEDBACK_WORKING_DAYS}::int, feedback_due_on::text
      FROM joint_checks WHERE hit_count > 0 AND feedback_at IS NULL
    UNION ALL
    SELECT 'list-notice:' || e.id, e.case_no, n.served_on::text, ${p.statementPeriodWorkingDays}::int, e.statement_deadline::text
      FROM list_entries e JOIN notices n ON n.kind = 'list_notice' AND n.case_type = 'list_entry' AND n.case_id = e.id
      WHERE e.status = 'notified' AND e.statement IS NULL AND n.served_on IS NOT NULL AND e.statement_deadline IS NOT NULL`);
  return rowsOf<{ ref: string; label: string; from: string; n: number; due: string }>(rows).map((r) => ({
    ref: r.ref,
    label: r.label,
    from: r.from,
    workingDays: Number(r.n),
    due: r.due,
  }));
}

async function moveDeadline(tx: Tx, ref: string, next: string) {
  const [kind, raw] = ref.split(":");
  const id = Number(raw);
  if (kind === "repair")
    await tx.update(repairCases).set({ acceptDueOn: next }).where(eq(repairCases.id, id));
  else if (kind === "repair-decide")
    await tx.update(repairCases).set({ decideDueOn: next }).where(eq(repairCases.id, id));
  else if (kind === "commitment")
    await tx.update(commitments).set({ reviewDueOn: next }).where(eq(commitments.id, id));
  else if (kind === "self-report")
    await tx.update(selfReports).set({ verifyDueOn: next }).where(eq(selfReports.id, id));
  else if (kind === "objection")
    await tx.update(objections).set({ answerDueOn: next }).where(eq(objections.id, id));
  else if (kind === "tipoff") await tx.update(tipoffs).set({ answerDueOn: next }).where(eq(tipoffs.id, id));
  else if (kind === "check")
    await tx.update(jointChecks).set({ feedbackDueOn: next }).where(eq(jointChecks.id, id));
  else if (kind === "list-notice")
    await tx.update(listEntries).set({ statementDeadline: next }).where(eq(listEntries.id, id));
}

/**
 * A sysadmin marks a day as a public holiday, a 调休 workday, or ordinary again (issue 14 §3). Every open
 * deadline is counted again with the edited calendar in the same transaction; an edit that would put a
 * deadline that is still running into the past is refused, naming the cases.
 */
export async function setCalendarDay(
  { db, actor, meta, today }: ServiceContext,
  input: { date: string; kind: CalendarDayKind; name: string },
): Promise<{ moved: number }> {
  const problem = calendarDayProblem(input);
  if (problem) throw new AppError("invalid", problem);
  const policy = await getPolicy();
  const out = await db.transaction(async (tx) => {
    const [before] = await tx
      .select()
      .from(calendarDays)
      .where(eq(calendarDays.date, input.date))
      .for("update");
    if (input.kind === "normal") {
      if (!before) throw new AppError("invalid", `${input.date} 本来就是普通日期，无需恢复。`);
      await tx.delete(calendarDays).where(eq(calendarDays.date, input.date));
    } else
      await tx
        .insert(calendarDays)
        .values({ date: input.date, kind: input.kind, name: input.name })
        .onConflictDoUpdate({ target: calendarDays.date, set: { kind: input.kind, name: input.name } });
    const cal = workingCalendar(
      await tx.select({ date: calendarDays.date, kind: calendarDays.kind }).from(calendarDays),
    );
    const { changed, intoThePast } = recomputeDeadlines(await openDeadlines(tx, policy), cal, today);
    if (intoThePast.length > 0)
      throw new AppError(
        "invalid",
        `此修改会使 ${intoThePast.length} 件办理中事项的期限提前到今天之前（如 ${intoThePast
          .slice(0, 3)
          .map((d) => `${d.label}：${d.due} → ${d.next}`)
          .join("；")}），未保存。`,
      );
    for (const d of changed) await moveDeadline(tx, d.ref, d.next);
    await auditBy(
      tx,
      { actor, meta },
      {
        action: "calendar.edit",
        entityType: "calendar_day",
        entityId: input.date,
        before: before ? { kind: before.kind, name: before.name } : { kind: "normal" },
        after: {
          kind: input.kind,
          name: input.kind === "normal" ? undefined : input.name,
          deadlinesMoved: changed.length,
        },
      },
    );
    return { moved: changed.length };
  });
  forgetCalendar();
  return out;
}
